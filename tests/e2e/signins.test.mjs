// Sign-ins and Conditional Access on Adele: from "blocked" to the failing setting of the device
// it came from, filters and older pages, in English and French; each refusal explained; the
// reports API's throttling waited out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';

let browser;
let stack;
before(async () => {
  browser = await launchBrowser();
  stack = await startStack();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy=true]'), null, { timeout: 40_000 });
}

async function openSignIns(page, user = ADELE) {
  await page.goto(`${stack.portalUrl}/users/${user}/sign-ins`);
  await settled(page);
}

test("Adele's Outlook sign-in blocked for her non-compliant laptop shows the setting that fails", async () => {
  const page = await openPage(browser, { stack });
  await openSignIns(page);
  const rows = page.getByTestId('sign-in');
  await rows.first().waitFor();
  const blocked = rows.first();
  await blocked.getByText('Require BitLocker').waitFor({ timeout: 30_000 });
  const text = await blocked.innerText();
  assert.match(text, /Microsoft Outlook/);
  assert.match(text, /Error 53000 — /);
  assert.match(text, /Require compliant device: failure \(controls: RequireCompliantDevice\)/);
  assert.match(text, /Why DESKTOP-ADELE01 is not compliant[\s\S]*Require BitLocker/);
  assert.match(await rows.nth(1).innerText(), /Success[\s\S]*Adele's iPhone/);
  assert.match(await rows.nth(2).innerText(), /Error 50074/);
  assert.match(await rows.nth(3).innerText(), /Error 53003[\s\S]*Block sign-ins outside France/);
  assert.match(await page.getByRole('note').filter({ hasText: 'minutes after' }).innerText(), /few minutes/);
  await blocked.getByRole('link', { name: 'DESKTOP-ADELE01' }).click();
  await page.getByRole('heading', { level: 2, name: 'DESKTOP-ADELE01' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('filters, older pages, the status line and the ticket', async () => {
  const page = await openPage(browser, { stack, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${stack.portalUrl}/users/${ADELE}`);
  await page.getByTestId('last-sign-in-blocked').getByText(/Last sign-in blocked by Conditional Access, \d+ min ago/).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await page.getByText('Copied.').waitFor();
  const ticket = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(ticket, /- Failed sign-in: .*Microsoft Outlook \(53000\), Correlation ID: [0-9a-f-]{36}/);

  await openSignIns(page);
  const rows = page.getByTestId('sign-in');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 50);
  await page.getByRole('button', { name: 'Load older sign-ins' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sign-in]').length === 59);
  await page.getByLabel('Failures only').check();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sign-in]').length === 3);
  await page.getByLabel('App', { exact: true }).selectOption('Microsoft Teams');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sign-in]').length === 1);
  await page.getByLabel('App', { exact: true }).selectOption('');
  await page.getByLabel('Period').selectOption('1');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=sign-in]').length === 2);
});

test('the same in French', async () => {
  const page = await openPage(browser, { stack, locale: 'fr-FR' });
  await openSignIns(page);
  const first = page.getByTestId('sign-in').first();
  await first.getByText('Require BitLocker').waitFor({ timeout: 30_000 });
  assert.match(await first.innerText(), /Erreur 53000 — [\s\S]*Pourquoi DESKTOP-ADELE01 n’est pas conforme/);
});

test('each refusal says why, in the tab only', async () => {
  const lidia = await openPage(browser, { stack, operator: 'Lidia Holloway' });
  await openSignIns(lidia);
  assert.match(await lidia.getByTestId('sign-ins-refused').innerText(), /AuditLog\.Read\.All/);
  const miriam = await openPage(browser, { stack, operator: 'Miriam Graham' });
  await openSignIns(miriam);
  assert.match(await miriam.getByTestId('sign-ins-refused').innerText(), /no Microsoft Entra role that may read sign-in logs/);
  const pradeep = await openPage(browser, { stack, operator: 'Pradeep Gupta' });
  await openSignIns(pradeep);
  await pradeep.getByTestId('sign-in').first().waitFor();
  assert.match(await pradeep.getByTestId('sign-in').first().innerText(), /Conditional Access details are hidden/);

  const basic = await startStack({ mockArgs: ['--no-premium'] });
  try {
    const page = await openPage(browser, { stack: basic });
    await page.goto(`${basic.portalUrl}/users/${ADELE}/sign-ins`);
    await page.getByTestId('sign-ins-refused').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('sign-ins-refused').innerText(), /no Microsoft Entra ID P1 or P2 licence/);
    await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
  } finally {
    await basic.stop();
  }
});

test('a throttled reports API is waited out, and the tab says it is waiting', async () => {
  const page = await openPage(browser, { stack });
  await stack.addFault({ match: 'auditLogs/signIns', fault: '429;retry-after=2', times: 1 });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/sign-ins`);
  await page.getByText(/Microsoft Graph is throttling; retrying in \d s/).waitFor({ timeout: 20_000 });
  await page.getByTestId('sign-in').first().waitFor({ timeout: 20_000 });
  await stack.clearFaults();
  assert.deepEqual(page.problems, []);
});
