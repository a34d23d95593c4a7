// What is wrong, first: the ranked findings on the user's page (Adele: several, ranked; Alex:
// all clear, and not while a section is unreadable; Megan: no licence explains her refused
// enrollments; Lee Gu: the device limit), the ticket that starts with them, whole calls made
// with the keyboard alone (keystrokes counted), and axe-core on the user and device pages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

/** The user's page once every section the findings read has arrived; the findings' texts. */
async function findingsOf(page, user) {
  await page.goto(`${stack.portalUrl}/users/${user}`);
  const findings = page.getByTestId('findings');
  await findings.and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
  return findings;
}

async function texts(findings) {
  return findings.getByTestId('finding').allInnerTexts();
}

test('Adele: several findings, ranked, each with its evidence, what it explains and a next step', async () => {
  const page = await openPage(browser, { stack });
  const findings = await findingsOf(page, ADELE);
  const list = await texts(findings);
  assert.match(await findings.innerText(), /\d+ findings, the most likely cause of the call first/);
  assert.equal(list.length, 8, 'the heaviest eight first');
  assert.match(list[0], /DESKTOP-ADELE01 is not compliant: Require BitLocker in Windows compliance baseline is false/);
  assert.match(list[0], /This explains:\s+Sign-in to Microsoft Outlook from DESKTOP-ADELE01 failed on .*: 53000/, 'the refused sign-in under its cause');
  assert.match(list[0], /Next step: Fix these settings on the device/);
  const rank = (pattern) => list.findIndex((text) => pattern.test(text));
  const limit = rank(/Device limit reached: 3 of 3 devices enrolled under “Sales: up to 3 devices”/);
  assert.ok(limit > 0, 'the device limit is among the first');
  assert.match(list[limit], /This explains:\s+1 enrollment failure in 30 days: Device cap reached/);
  const app = rank(/failed to install on/);
  assert.ok(app > limit, 'a failed app weighs less than a refused enrollment to come');
  assert.match(list[app], /0x87D1\w+ /, 'the app failure names its code');

  await findings.getByRole('button', { name: /Show the other \d+ findings/ }).click();
  const all = await texts(findings);
  assert.ok(all.length > 8);
  assert.ok(
    all.some((t) => /Contoso VPN \(iOS\) \(Configuration profile\) does not reach Adele's iPhone: Excluded through the group VPN exclusions/.test(t)),
    'the assignment engine: an exclusion through a nested group',
  );
  assert.ok(all.some((t) => /Adele's Galaxy Tab has not checked in with Intune for 12 days/.test(t)));
  assert.ok(!all.some((t) => /macOS enrollment is blocked/.test(t) && !/Device platform blocked/.test(t)), 'a blocked platform shows the failure it explains');

  // Each finding links to its detail: the limit to the restrictions tab.
  await findings.getByTestId('finding').nth(limit).getByRole('link').click();
  await page.getByRole('heading', { name: /What applies to this user/ }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('Alex: all clear only once every section was read, never while one is unreadable', async () => {
  const page = await openPage(browser, { stack });
  const findings = await findingsOf(page, 'AlexW@contoso.onmicrosoft.com');
  assert.match(await findings.innerText(), /All clear: every section was read and nothing is wrong\./);
  assert.equal(await findings.getByTestId('finding').count(), 0);

  await stack.addFault({ match: '/auditLogs/signIns', fault: '500' });
  const again = await findingsOf(page, 'AlexW@contoso.onmicrosoft.com');
  await page.getByText(/Could not be read, so nothing is known of them: sign-ins/).waitFor();
  assert.doesNotMatch(await again.innerText(), /All clear/);
  await stack.clearFaults();
});

test('without an Intune role the findings finish: what the device list would have led to is unreadable, not loading', async () => {
  const page = await openPage(browser, { stack, operator: 'Pradeep Gupta' });
  const findings = await findingsOf(page, ADELE);
  const text = await findings.innerText();
  assert.match(text, /Could not be read, so nothing is known of them: .*devices.*compliance settings.*Entra ID device records/);
  assert.doesNotMatch(text, /Still loading/);
});

test('Megan: no licence explains the enrollments refused after it, in English and French', async () => {
  for (const [locale, heading, explained] of [
    ['en-US', /No Intune licence/, /This explains:\s+2 enrollment failures in 30 days: User not recognized or licensed/],
    ['fr-FR', /Aucune licence Intune/, /Ce qui explique :\s+2 échecs d’inscription en 30 jours : Utilisateur introuvable ou sans licence/],
  ]) {
    const page = await openPage(browser, { stack, locale });
    const findings = await findingsOf(page, 'MeganB@contoso.onmicrosoft.com');
    const list = await texts(findings);
    assert.equal(list.length, 1, `one finding explains the rest (${locale}): ${list}`);
    assert.match(list[0], heading);
    assert.match(list[0], explained);
  }
});

test('Lee Gu: the device limit, among his hundreds of findings', async () => {
  const page = await openPage(browser, { stack });
  const findings = await findingsOf(page, 'LeeG@contoso.onmicrosoft.com');
  await findings.getByRole('button', { name: /Show the other/ }).click();
  const all = await texts(findings);
  assert.ok(all.some((t) => /Device limit reached: 150 of \d+ devices enrolled under/.test(t)), 'the limit is found');
});

test('the ticket summary starts with the findings', async () => {
  const page = await openPage(browser, { stack, permissions: ['clipboard-read', 'clipboard-write'] });
  await findingsOf(page, 'MeganB@contoso.onmicrosoft.com');
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await page.getByText('Copied').waitFor();
  const ticket = await page.evaluate(() => navigator.clipboard.readText());
  const lines = ticket.split('\n').filter((line) => line.trim());
  const first = lines.findIndex((line) => /^- Finding: /.test(line) || /^Finding: /.test(line));
  assert.ok(first >= 0, ticket);
  assert.match(lines[first], /No Intune licence.*This explains: 2 enrollment failures.*Next step: Assign a licence/);
  assert.ok(lines.findIndex((line) => /Intune licence: Not licensed/.test(line)) > first, 'the findings come before the sections');
});

/** Presses keys one at a time, counting them. */
function keyboard(page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key) {
      count += 1;
      await page.keyboard.press(key);
    },
  };
}

async function typeName(page, name) {
  await page.goto(stack.portalUrl);
  await page.getByRole('combobox', { name: /Name or e-mail|Nom ou adresse/ }).waitFor();
  await page.keyboard.type(name);
  await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
}

test('keyboard alone: from the typed name to a failure’s details, and to the copied ticket, in at most 6 keystrokes', async () => {
  const page = await openPage(browser, { stack, permissions: ['clipboard-read', 'clipboard-write'] });
  await typeName(page, 'adele');
  const keys = keyboard(page);
  await keys.press('Enter');
  await page.getByRole('heading', { name: 'Adele Vance' }).waitFor();
  await keys.press('8');
  await page.locator('#user-tab tbody tr').first().waitFor();
  await keys.press('j');
  await keys.press('Enter');
  await page.getByRole('heading', { name: 'Potential remediations' }).waitFor();
  assert.ok(keys.count <= 6, `${keys.count} keystrokes to a failure's details`);

  await keys.press('Escape');
  await page.locator('#user-tab tbody tr').first().waitFor();
  assert.match(page.url(), /\/enrollment-failures$/, 'Esc goes back to the list');

  await typeName(page, 'adele');
  const copy = keyboard(page);
  await copy.press('Enter');
  await page.getByTestId('findings').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
  await copy.press('c');
  await page.getByText('Copied').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /Finding: DESKTOP-ADELE01 is not compliant/);
  assert.ok(copy.count <= 6, `${copy.count} keystrokes to the copied ticket`);

  // The findings by keyboard: f, then j, then Enter opens the second one's detail.
  const rows = keyboard(page);
  await rows.press('f');
  await rows.press('j');
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid=finding]')?.innerText ?? '');
  assert.match(focused, /Sign-in to Office 365 SharePoint Online failed/);
  await rows.press('Enter');
  await page.waitForURL(/\/sign-ins$/);
  assert.deepEqual(page.problems, []);
});

test('shortcuts: listed by ?, announced in aria-keyshortcuts, by key place on a French keyboard, never while typing', async () => {
  const page = await openPage(browser, { stack, locale: 'fr-FR' });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
  await page.locator('#user-tab tbody tr').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Échecs d’inscription' }).getAttribute('aria-keyshortcuts'), '8');
  assert.equal(await page.getByRole('button', { name: 'Copier le résumé du ticket' }).getAttribute('aria-keyshortcuts'), 'c');

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /8\s+Ouvrir l’onglet « Échecs d’inscription »/);
  assert.match(await dialog.innerText(), /c\s+Copier le résumé du ticket/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // On an AZERTY keyboard the key of 8 types "_": the shortcut goes by the key's place.
  await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: '_', code: 'Digit8', bubbles: true })));
  await page.waitForURL(/\/enrollment-failures$/);

  // Typed in the table's filter, "1" and "c" are text, not shortcuts.
  const filter = page.getByRole('searchbox').first();
  await filter.click();
  await page.keyboard.type('1c');
  assert.equal(await filter.inputValue(), '1c');
  assert.match(page.url(), /\/enrollment-failures$/);
  assert.deepEqual(page.problems, []);
});

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  });
}

test('axe-core finds no WCAG 2.2 AA violation on the user page and the device page, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(browser, { stack });
    await page.emulateMedia({ colorScheme });
    await findingsOf(page, ADELE);
    assert.deepEqual(await axeViolations(page), [], `user page, ${colorScheme}`);
    await page.getByTestId('devices-summary').getByRole('link', { name: 'DESKTOP-ADELE01' }).click();
    await page.getByRole('heading', { name: 'DESKTOP-ADELE01' }).first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('main [aria-busy=true]').length === 0, null, { timeout: 60_000 });
    assert.deepEqual(await axeViolations(page), [], `device page, ${colorScheme}`);
  }
});

test('leaving a user while the assignment engine works out his findings leaves no error behind', async () => {
  const page = await openPage(browser, { stack });
  const pick = async (typed, name) => {
    await page.getByRole('link', { name: 'Change user' }).click();
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill(typed);
    await page.getByRole('option', { name }).click();
    await page.getByTestId('licence').and(page.locator(':not([aria-busy=true])')).waitFor();
  };
  // Once the tenant's catalogue is in, each return to Lee Gu starts a pass over his 150
  // devices, a few at a time, which leaving him cuts short.
  await findingsOf(page, 'LeeG@contoso.onmicrosoft.com');
  for (let i = 0; i < 3; i++) {
    await pick('adele', /Adele Vance/);
    await pick('lee', /Lee Gu/);
  }
  await pick('adele', /Adele Vance/);
  await page.getByTestId('findings').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 90_000 });
  assert.deepEqual(page.problems, []);
});
