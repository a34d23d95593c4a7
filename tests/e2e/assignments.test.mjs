// Assignments on Adele: what targets her and each of her devices and why (a VPN profile
// excluded through a nested group, an app whose filter leaves her laptop out), "why not?" for a
// profile assigned to a group she is not in, the explanation added to the ticket, the
// settings-catalog policies on the configuration tab, in English and French.
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

async function openAssignments(page) {
  await page.goto(`${stack.portalUrl}/users/${ADELE}/assignments`);
  await page.getByTestId('catalogue-status').and(page.locator('[aria-busy=false]')).waitFor({ timeout: 60_000 });
  await page.getByTestId('assignment').first().waitFor({ timeout: 30_000 });
}

/** The row of `name` in the section of `device` (picked in the device list), headed "DESKTOP-ADELE01 (Windows)". */
async function row(page, device, os, name) {
  await page.locator('#assignments-device').selectOption({ label: device });
  return page.getByRole('region', { name: `${device} (${os})` }).getByTestId('assignment').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('what targets Adele and her devices, with why: an exclusion through a nested group, a filter that leaves her laptop out', async () => {
  const page = await openPage(browser, { stack });
  await openAssignments(page);
  assert.match(await page.getByTestId('catalogue-status').innerText(), /The tenant holds \d[\d,]* assigned policies, profiles and apps and 5\d assignment filters/);

  const vpn = (await row(page, "Adele's iPhone", 'iOS', 'Contoso VPN (iOS)'));
  assert.match(await vpn.innerText(), /Excluded\. Excluded through the group VPN exclusions, which the user is in through nested groups: the exclusion wins\./);

  const expenses = (await row(page, 'DESKTOP-ADELE01', 'Windows', 'Contoso Expenses'));
  const text = await expenses.innerText();
  assert.match(text, /Required/);
  assert.match(text, /Filtered out\. Assigned to the group Sales EMEA, which the user is a direct member of\./);
  assert.match(text, /The include filter Windows 11 23H2 and later does not match the device, which is left out\./);
  assert.match(text, /Rule: \(device\.operatingSystemVersion -ge 10\.0\.22631\)\. On this device: operatingSystemVersion = 10\.0\.17763\.1\./);
  assert.deepEqual(page.problems, []);
});

test("why not: a profile assigned only to a group Adele is not in names that group; the explanation goes into the ticket", async () => {
  const page = await openPage(browser, { stack, permissions: ['clipboard-read', 'clipboard-write'] });
  await openAssignments(page);
  await page.getByLabel('Find a policy, profile or app of the tenant').fill('wi-fi paris');
  await page.getByRole('button', { name: 'Wi-Fi Paris HQ (Configuration profile)' }).click();
  const laptop = page.getByTestId('why-not-line').filter({ hasText: 'DESKTOP-ADELE01' });
  await laptop.getByText('Assigned only to Paris office, which neither the user nor this device is in.').waitFor();
  assert.match(await page.getByTestId('why-not-line').filter({ hasText: "Adele's iPhone" }).innerText(), /Made for Windows; this device runs iOS\./);

  await laptop.getByRole('button', { name: 'Add to the ticket' }).click();
  await laptop.getByRole('button', { name: 'In the ticket' }).waitFor();
  await page.getByRole('button', { name: 'Copy ticket summary' }).click();
  await page.getByText('Copied.').waitFor();
  const ticket = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(ticket, /- Assignment: Wi-Fi Paris HQ \(DESKTOP-ADELE01 \(Windows\)\): Assigned only to Paris office/);
  assert.deepEqual(page.problems, []);
});

test('the configuration tab lists the settings-catalog and endpoint-security policies assigned, without a per-device state', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/configuration`);
  const section = page.getByTestId('catalogue-profiles');
  await section.locator('#assignments-device').selectOption({ label: 'DESKTOP-ADELE01', timeout: 60_000 });
  const laptop = section.getByRole('region', { name: 'DESKTOP-ADELE01 (Windows)' });
  await laptop.getByTestId('assignment').first().waitFor();
  const rows = await laptop.getByTestId('assignment').allInnerTexts();
  assert.ok(rows.some((r) => /Endpoint security/.test(r)), 'an endpoint-security policy');
  assert.ok(rows.some((r) => /Settings catalog/.test(r)), 'a settings-catalog policy');
  assert.ok(rows.filter((r) => /Assigned; per-device state not available from Graph\./.test(r)).length > 0);
  assert.deepEqual(page.problems, []);
});

test('the same in French', async () => {
  const page = await openPage(browser, { stack, locale: 'fr-FR' });
  await openAssignments(page);
  assert.match(await page.getByTestId('catalogue-status').innerText(), /Le locataire compte \d[\d  ]* stratégies, profils et applications affectés et 5\d filtres d’affectation/);
  assert.match(await (await row(page, "Adele's iPhone", 'iOS', 'Contoso VPN (iOS)')).innerText(),
    /Exclue\. Exclue par le groupe VPN exclusions, dont l’utilisateur est membre par des groupes imbriqués : l’exclusion l’emporte\./);
  const expenses = await (await row(page, 'DESKTOP-ADELE01', 'Windows', 'Contoso Expenses')).innerText();
  assert.match(expenses, /Obligatoire/);
  assert.match(expenses, /Écartée par un filtre\. .*Le filtre d’inclusion Windows 11 23H2 and later ne correspond pas à l’appareil/);
  await page.getByLabel('Chercher une stratégie, un profil ou une application du locataire').fill('wi-fi paris');
  await page.getByRole('button', { name: 'Wi-Fi Paris HQ (Profil de configuration)' }).click();
  await page.getByText('Affectée seulement à Paris office, dont ni l’utilisateur ni cet appareil ne sont membres.').waitFor();
  assert.deepEqual(page.problems, []);
});
