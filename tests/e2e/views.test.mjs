// The operator's views on the demo personas.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const LEE = 'LeeG@contoso.onmicrosoft.com';

// The twenty named errors: the title the drill-down shows in English and in French.
const NAMED_ERRORS = [
  ['iOS timeout or failure', 'Délai d’expiration ou échec d’iOS'],
  ['User not recognized or licensed', 'Utilisateur introuvable ou sans licence'],
  ['Device already enrolled', 'Appareil déjà inscrit'],
  ['Not onboarded onto Intune', 'Non intégré à Intune'],
  ['Enrollment authorization failure', 'Échec de l’autorisation d’inscription'],
  ['Device not supported', 'Appareil non pris en charge'],
  ['Enrollment restrictions not met', 'Restrictions d’inscription non respectées'],
  ['Device version too low', 'Version d’appareil trop basse'],
  ['Device version too high', 'Version d’appareil trop élevée'],
  ["Device can't be enrolled as personal", 'L’appareil ne peut pas être inscrit comme appareil personnel'],
  ['Device platform blocked', 'Plateforme d’appareil bloquée'],
  ['Bulk token expired', 'Expiration du jeton en bloc'],
  ['Autopilot device or details not found', 'Appareil Autopilot ou détails introuvables'],
  ['Autopilot profile not found or not assigned', 'Profil Autopilot introuvable ou non affecté'],
  ['Unexpected Autopilot enrollment method', 'Méthode d’inscription Autopilot inattendue'],
  ['Autopilot device removed', 'Appareil Autopilot supprimé'],
  ['Device cap reached', 'Plafond d’appareils atteint'],
  ['Apple onboarding (push certificate missing or expired)', 'Intégration d’Apple (certificat Push absent ou expiré)'],
  ['Device not preregistered', 'Appareil non préinscrit'],
  ['Feature not supported', 'Fonctionnalité non prise en charge'],
];

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

test("Adele's non-compliant laptop shows the settings that make it fail", async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/compliance`);
  const laptop = page.getByRole('row').filter({ hasText: 'DESKTOP-ADELE01' });
  await laptop.getByText('Not compliant').waitFor();
  const why = page.getByRole('region', { name: 'Why it is not compliant' });
  await why.getByText('Require BitLocker').waitFor();
  assert.match(await why.innerText(), /current value: false/);
  assert.match(await page.getByTestId('devices-summary').innerText(), /3 devices: 2 compliant, 1 not compliant/);
  assert.match(await page.getByTestId('apps-summary').innerText(), /4 failed/);
  assert.deepEqual(page.problems, []);
});

test('Megan has no Intune licence; Alex is licensed with every device compliant', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/MeganB@contoso.onmicrosoft.com`);
  await page.getByTestId('licence').getByText('Not licensed').waitFor();
  await page.goto(`${stack.portalUrl}/users/AlexW@contoso.onmicrosoft.com/enrollment-failures`);
  await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
  assert.match(await page.getByTestId('devices-summary').innerText(), /3 devices: 3 compliant, 0 not compliant/);
  await page.getByText('Nothing to show.').waitFor();
});

test("all 5,000 of Lee Gu's failures and 1,500 groups are reachable, filtered and sorted", async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${LEE}/enrollment-failures`);
  await page.getByText('5000 of 5000').waitFor({ timeout: 60_000 });
  await page.getByText('Page 1 of 50').waitFor();
  for (let i = 0; i < 49; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Page 50 of 50').waitFor();
  assert.equal(await page.locator('tbody tr').count(), 100);
  await page.getByLabel('Filter').fill('Device cap reached');
  await page.getByText('250 of 5000').waitFor();

  await page.getByRole('link', { name: 'Groups' }).click();
  await page.getByText('1500 of 1500').waitFor({ timeout: 60_000 });
  await page.getByLabel('Filter').fill('Direct');
  await page.getByText('301 of 1500').waitFor();
  await page.getByRole('button', { name: /^Name/ }).click();
  const first = await page.locator('tbody tr').first().innerText();
  await page.getByRole('button', { name: /^Name/ }).click();
  assert.notEqual(await page.locator('tbody tr').first().innerText(), first, 'a second click reverses the order');
  assert.deepEqual(page.problems, []);
});

test('each of the twenty named errors shows its remediation, in English and in French', async () => {
  for (const [lang, index] of [['en-US', 0], ['fr-FR', 1]]) {
    const page = await openPage(browser, { locale: lang, stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/enrollment-failures`);
    await page.locator('tbody tr').nth(19).waitFor();
    const links = await page.locator('tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(links.length, 20);
    const seen = new Set();
    let previous = '';
    for (const href of links) {
      await page.evaluate((to) => {
        history.pushState({}, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, href);
      await page.waitForFunction((before) => {
        const title = document.getElementById('failure-title');
        return title && title.textContent !== before && document.querySelectorAll('[data-testid=remediations] li').length > 0;
      }, previous);
      previous = await page.locator('#failure-title').innerText();
      seen.add(previous);
    }
    const expected = NAMED_ERRORS.map((names) => names[index]);
    assert.deepEqual([...seen].sort(), [...expected].sort(), `titles in ${lang}`);
  }
});

test('a whole call with the keyboard alone: search, select, open a failure', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(stack.portalUrl);
  await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
  await page.keyboard.type('adele');
  await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Adele Vance' }).waitFor();
  const tabTo = async (matches) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return;
    }
    throw new Error('focus never reached the target');
  };
  await tabTo(() => document.activeElement?.textContent === 'Enrollment failures');
  await page.keyboard.press('Enter');
  await page.locator('tbody tr').first().waitFor();
  await tabTo(() => document.activeElement?.closest('tbody') !== null);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Potential remediations' }).waitFor();
  await page.keyboard.press('/');
  await page.getByRole('heading', { name: 'Select a user' }).waitFor();
  assert.ok(await page.getByRole('combobox', { name: 'Name or e-mail' }).evaluate((el) => el === document.activeElement));
});

test('every route reloads to the same view', async () => {
  const page = await openPage(browser, { stack });
  const routes = [
    ['/', 'Select a user'],
    [`/users/${ADELE}`, 'User status'],
    [`/users/${ADELE}/devices`, 'DESKTOP-ADELE01'],
    [`/users/${ADELE}/apps`, 'Contoso VPN Client'],
    [`/users/${ADELE}/compliance`, 'Windows compliance baseline'],
    [`/users/${ADELE}/configuration`, 'Always-on VPN'],
    [`/users/${ADELE}/app-protection`, 'com.microsoft.Office.Outlook'],
    [`/users/${ADELE}/enrollment-restrictions`, 'Device limit: 5'],
    [`/users/${ADELE}/groups`, 'Sales EMEA'],
    [`/users/${ADELE}/enrollment-failures`, 'Bulk token expired'],
  ];
  for (const [path, text] of routes) {
    await page.goto(`${stack.portalUrl}${path}`);
    await page.getByText(text).first().waitFor();
    await page.reload();
    await page.getByText(text).first().waitFor();
  }
  await page.goto(`${stack.portalUrl}/users/${ADELE}/enrollment-failures`);
  await page.locator('tbody tr a').first().click();
  await page.getByRole('heading', { name: 'Failure details' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Failure details' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('a failing section shows its error and request id, the rest stays, and Retry recovers', async () => {
  // The user's device list only: an earlier test's page still reading a device's compliance
  // states (`/managedDevices/{id}/…`, after its view) must not take the one fault.
  await stack.addFault({ match: '/managedDevices?$select', fault: '500', times: 1 });
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}`);
    const devices = page.getByTestId('devices-summary');
    await devices.getByRole('alert').waitFor();
    assert.match(await devices.innerText(), /Microsoft Graph answered 500/);
    assert.match(await devices.innerText(), /Request ID/);
    await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
    await devices.getByRole('button', { name: 'Retry' }).click();
    await devices.getByText(/3 devices/).waitFor();
  } finally {
    await stack.clearFaults();
  }
});

test("a slow beta batch does not hold back what the v1.0 batch brought", async () => {
  // A stand-in of its own: no other test's page may take the one stalled batch.
  const own = await startStack();
  await own.addFault({ match: '/beta/$batch', fault: 'stall;ms=4000', times: 1 });
  try {
    const page = await openPage(browser, { stack: own });
    await page.goto(`${own.portalUrl}/users/${ADELE}`);
    await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
    await page.getByTestId('devices-summary').getByText(/3 devices/).waitFor();
    const apps = page.getByTestId('apps-summary');
    assert.equal(await apps.locator('[aria-busy=true]').count(), 1, 'the apps still loading');
    await apps.locator('[aria-busy=true]').waitFor({ state: 'detached' });
    assert.deepEqual(page.problems, []);
  } finally {
    await own.stop();
  }
});

test('the ticket summary holds the user, their status and the open failure', async () => {
  const page = await openPage(browser, { stack, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/enrollment-failures`);
  await page.getByRole('row').filter({ hasText: 'Device cap reached' }).getByRole('link').click();
  await page.getByRole('heading', { name: 'Device cap reached' }).waitFor();
  await page.getByTestId('apps-summary').getByText(/apps/).waitFor();
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await page.getByText('Copied.').waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /^User: Adele Vance <AdeleV@contoso.onmicrosoft.com>/);
  assert.match(text, /- Intune licence: Licensed \(EMS\)/);
  assert.match(text, /- Enrollment failure: Device cap reached/);
});
