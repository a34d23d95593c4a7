// A tenant full of strange and hostile data (tests/graph-mock/fixtures/hostile.json): markup
// and script in names and failure details, right-to-left text, emoji, 10,000-character
// strings, nulls, unknown enum values, a wrong type in one item of a page, dates far in the
// past and future, duplicate ids. Nothing may run, panic or vanish silently.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const fixture = join(resolve(import.meta.dirname, '..', 'graph-mock', 'fixtures'), 'hostile.json');
const MALLORY = 'Mallory@contoso.onmicrosoft.com';
const ROUTES = ['', '/devices', '/devices/d-hostile', '/sign-ins', '/apps', '/compliance', '/configuration', '/app-protection', '/enrollment-restrictions', '/groups', '/enrollment-failures', '/assignments'];

let browser;
let stack;
before(async () => {
  browser = await launchBrowser();
  stack = await startStack({ mockArgs: ['--tenant', fixture] });
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A signed-in page that records any script the data manages to run, and any dialog. */
async function guardedPage() {
  const page = await openPage(browser, { stack });
  page.dialogs = [];
  page.on('dialog', async (dialog) => {
    page.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return page;
}

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 30_000 });
}

async function assertNothingRan(page, where) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran on ${where}`);
  assert.deepEqual(page.dialogs, [], `dialog on ${where}`);
  assert.deepEqual(page.problems, [], `panic or error on ${where}`);
}

test('markup in the data is shown as text on every view, nothing runs, nothing panics', async () => {
  const page = await guardedPage();
  await page.getByTestId('account-state').getByText('Unknown').waitFor();
  assert.ok(await page.getByText('Subscription state: somethingNew').isVisible(), 'an unknown account state is shown as such');
  const search = page.getByRole('combobox', { name: 'Name or e-mail' });
  await search.pressSequentially('mallory');
  await page.getByRole('option', { name: /Mallory <script>/ }).waitFor();
  for (const route of ROUTES) {
    await page.goto(`${stack.portalUrl}/users/${MALLORY}${route}`);
    await page.getByRole('heading', { name: /Mallory <script>window.__pwned/ }).waitFor();
    await settled(page);
    await assertNothingRan(page, route || '/');
    assert.equal(await page.locator('main script, main img, main iframe').count(), 0, `no element from the data on ${route}`);
  }
});

test('every item is shown or reported: wrong types, nulls, duplicates, unknown values, far dates', async () => {
  const page = await guardedPage();
  await page.goto(`${stack.portalUrl}/users/${MALLORY}/devices`);
  await settled(page);
  const main = page.locator('main');
  await main.getByText(/1 item could not be read/).last().waitFor();
  await main.getByText(/d-wrong/).last().waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: /Duplicate id|<img src=x/ }).count(), 2, 'both devices sharing an id are listed');
  await main.getByText('quantumCompliant').first().waitFor();

  await page.goto(`${stack.portalUrl}/users/${MALLORY}/enrollment-failures`);
  await settled(page);
  await main.getByText(/1 item could not be read/).last().waitFor();
  await main.getByText(/e-wrong/).last().waitFor();
  assert.equal(await page.locator('tbody tr').count(), 4, 'four readable failures, one reported');
  const years = await page.locator('tbody tr').allInnerTexts();
  assert.ok(years[0].includes('9999'), `newest first, the year 9999 included: ${years[0]}`);

  await page.goto(`${stack.portalUrl}/users/${MALLORY}/groups`);
  await settled(page);
  await main.getByText('Ω' + 'x'.repeat(50), { exact: false }).first().waitFor();
  await assertNothingRan(page, 'lists');
});

test('a failure drill-down follows only https links and shows hostile details as text', async () => {
  const page = await guardedPage();
  await page.goto(`${stack.portalUrl}/users/${MALLORY}/enrollment-failures/e-script`);
  await settled(page);
  const main = page.locator('main');
  await main.getByText(/<script>window.__pwned = "script"<\/script>/).first().waitFor();
  const hrefs = await main.locator('a[target=_blank]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(hrefs.filter((h) => !h.startsWith('https://')), [], 'only https links are links');
  assert.ok(hrefs.includes('https://learn.microsoft.com/mem/intune/'));
  await main.getByText('javascript link', { exact: false }).first().waitFor();
  await assertNothingRan(page, 'drill-down');
});

test('a device page shows hostile values as text, unknown values as such, and reports what it cannot read', async () => {
  const page = await guardedPage();
  await page.goto(`${stack.portalUrl}/users/${MALLORY}/devices/d-hostile`);
  await page.getByTestId('device-autopilot').getByTestId('deployment').waitFor();
  await settled(page);
  const main = page.locator('main');
  const identity = await page.getByTestId('device-identity').innerText();
  assert.match(identity, /<script>window.__pwned = 'device'<\/script>|SN-<i>'"&amp;/);
  assert.match(identity, /Unrecognised \(quantumManaged\)/);
  // A wrong type in beta's details fails those details only, with the reason.
  assert.match(identity, /cannot read: invalid type: string[\s\S]*Retry/);
  assert.match(identity, /Free storage\s+Not reported/, 'a total of zero gives no share');
  assert.match(await page.getByTestId('device-entra').innerText(), /Unrecognised \(<b onmouseover/);
  assert.match(await page.getByTestId('device-actions').innerText(), /<img src=x onerror=[\s\S]*Unrecognised \(exploded\)/);
  await page.getByTestId('device-logs').getByText(/1 item could not be read/).waitFor();
  const logs = await page.getByTestId('log-table').innerText();
  assert.match(logs, /Unrecognised \(exploded\)/);
  assert.match(logs, /1\.00e300 KB/, 'a size beyond belief is not a line of digits');
  const deployment = await page.getByTestId('deployment').innerText();
  assert.match(deployment, /<img src=x onerror="window.__pwned = 'autopilot'">/);
  assert.match(deployment, /Duration\s+-PT5M/, 'a negative duration is shown as sent');
  assert.match(deployment, /<script>window.__pwned = 'tracked'<\/script>[\s\S]*Unrecognised \(melted\)\s+0xFFFFFFFF/);
  assert.equal(await main.locator('script, img, iframe, svg, b, i').count(), 0, 'no element from the data');
  await assertNothingRan(page, 'device page');
});

test('app failures show hostile names, codes and details as text, unknown steps and states as such', async () => {
  const page = await guardedPage();
  await page.goto(`${stack.portalUrl}/users/${MALLORY}/apps`);
  const why = page.getByTestId('why-apps-failed');
  await why.waitFor();
  await settled(page);
  const text = await why.innerText();
  assert.match(text, /<img src=x onerror="window.__pwned = 'app'">/);
  assert.match(text, /Intune sent “<script>window.__pwned = 'code'<\/script>”, which is not an error code/);
  assert.match(text, /0x87D1041C \(decimal -2016345060\)[\s\S]*<img src=x onerror="window.__pwned = 'details'">/);
  assert.match(text, /0xDEADBEEF[\s\S]*Not in the catalogue/);
  await page.locator('main').getByText(/ae-wrong/).first().waitFor();
  await page.getByRole('link', { name: /window.__pwned = 'app'/ }).first().click();
  const history = page.getByTestId('install-history');
  await history.waitFor();
  const steps = await history.innerText();
  assert.match(steps, /Unrecognised step \(#microsoft.graph.mobileAppTroubleshootingFutureHistory\)/);
  assert.match(steps, /Unrecognised \(teleported\)[\s\S]*Unrecognised \(exploded\)/);
  assert.match(steps, /Targeted through group <b>group<\/b>/);
  assert.match(steps, /<script>window.__pwned = 'event'<\/script>/);
  assert.equal(await page.locator('main').locator('script, img, b').count(), 0, 'no element from the data');
  await assertNothingRan(page, 'app failures');
});

test('sign-ins show hostile app names, policy names and failure reasons as text', async () => {
  const page = await guardedPage();
  await page.goto(`${stack.portalUrl}/users/${MALLORY}/sign-ins`);
  await page.getByTestId('sign-in').first().waitFor();
  await settled(page);
  const rows = await page.getByTestId('sign-in').allInnerTexts();
  const all = rows.join('\n');
  assert.match(all, /<img src=x onerror="window.__pwned = 'signin-app'">/);
  assert.match(all, /<img src=x onerror="window.__pwned = 'policy'">: melted \(controls: <b>Block<\/b>\)/);
  assert.match(all, /Error 999999 \(not in the catalogue\): <img src=x onerror="window.__pwned = 'unknown-code'">/);
  assert.match(all, /Unrecognised \(exploded\)/);
  await page.locator('main').getByText(/si-wrong/).first().waitFor();
  assert.equal(await page.locator('main').locator('script, img, b').count(), 0, 'no element from the data');
  await assertNothingRan(page, 'sign-ins');
});

test('the portal only reads: its only non-GET calls are $batch and token requests', async () => {
  const page = await guardedPage();
  for (const route of ROUTES) {
    await page.goto(`${stack.portalUrl}/users/${MALLORY}${route}`);
    await settled(page);
  }
  const log = await stack.requests();
  assert.ok(log.length > 50, 'every view went through the stand-in');
  // The account picker's own form post belongs to the sign-in page, not the portal.
  const written = log.filter((r) => !['GET', 'OPTIONS'].includes(r.method) && !r.path.endsWith('/oauth2/v2.0/authorize'));
  const allowed = written.filter((r) => /^\/(v1\.0|beta)\/\$batch$/.test(r.path) || r.path.endsWith('/oauth2/v2.0/token'));
  assert.deepEqual(written, allowed);
  assert.ok(written.some((r) => r.path.endsWith('/token')) && written.some((r) => r.path.endsWith('$batch')));
  assert.deepEqual(log.filter((r) => r.batch !== undefined && r.method !== 'GET'), [], 'every step inside $batch is a GET');
});
