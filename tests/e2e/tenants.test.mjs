// What real tenants hold, on the demo personas: per-platform enrollment restrictions with
// exclusions and the one that applies, licences through education, business and volume
// plans, a shared device, a guest's #EXT# name, directory objects Graph names by id only,
// Intune's JSON-in-message errors and fractional Retry-After.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const ALEX = 'AlexW@contoso.onmicrosoft.com';
const GUEST = 'grady_fabrikam.com#EXT#@contoso.onmicrosoft.com';

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

/** The row of the "what applies" table for one platform (or the device limit). */
const applied = (page, subject) => page.getByTestId('applied-restrictions').getByRole('row').filter({ has: page.getByRole('rowheader', { name: subject, exact: true }) });

test("Adele: the restriction that applies to her for each platform and the limit, and why", async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/enrollment-restrictions`);
  const limit = applied(page, 'Device limit');
  await limit.getByText('Sales: up to 3 devices (1)').waitFor();
  assert.match(await limit.innerText(), /Through the group Sales and Marketing/);
  assert.match(await applied(page, 'iOS/iPadOS').innerText(), /iOS: 17\.0 and later \(2\)[\s\S]*Through the group All iOS users/);
  assert.match(await applied(page, 'macOS').innerText(), /Blocked[\s\S]*macOS: blocked for sales/);
  assert.match(await applied(page, 'Android device administrator').innerText(), /personal devices blocked, blocked manufacturers: Xiaomi, OnePlus[\s\S]*Assigned to all users/);
  const windows = await applied(page, 'Windows').innerText();
  assert.match(windows, /All users and all devices \(Default \(applies last\)\)/);
  assert.match(windows, /Windows: co-managed PCs \(5\) may apply/);
  // Every restriction of the tenant, in Intune's order, with whom it targets.
  const kiosk = page.getByRole('row').filter({ hasText: 'Kiosks: one device' });
  assert.match(await kiosk.innerText(), /All devices \(does not reach a user’s enrollment\)[\s\S]*No: not assigned to this user/);
  const status = page.getByTestId('enrollment-summary');
  await status.getByText('Device limit 3 (Sales: up to 3 devices): 3 enrolled').waitFor();
  await status.getByText(/Limit reached: the next enrollment will fail/).waitFor();
  await status.getByText('Blocked for this user: macOS').waitFor();
  assert.ok((await stack.requests()).some((r) => r.path.startsWith('/beta/deviceManagement/deviceEnrollmentConfigurations')), 'restrictions come from beta');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await applied(page, 'Limite d’appareils').getByText('Par le groupe Sales and Marketing').waitFor();
  await status.getByText(/Limite atteinte/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('Alex is excluded from the Android restriction through a group, so the default applies', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ALEX}/enrollment-restrictions`);
  const android = applied(page, 'Android device administrator');
  await android.getByText(/Android: no personal devices \(1\) does not apply: excluded through the group IT administrators/).waitFor();
  assert.match(await android.innerText(), /All users and all devices/);
  const row = page.getByRole('row').filter({ hasText: 'Android: no personal devices' }).last();
  assert.match(await row.innerText(), /Excluded: IT administrators[\s\S]*No: excluded through the group IT administrators/);
  assert.deepEqual(page.problems, []);
});

test("on Alex's shared PC only his setting states are shown, and the others are counted", async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ALEX}/compliance`);
  await page.getByRole('row').filter({ hasText: 'SHARED-PC-01' }).getByText('Compliant').waitFor();
  await page.getByText('2 setting states of other users of this shared device are not shown.').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Why it is not compliant' }).count(), 0);
  assert.match(await page.getByTestId('devices-summary').innerText(), /3 devices: 3 compliant, 0 not compliant/);
  await page.getByRole('link', { name: 'Configuration policies' }).click();
  await page.getByText(/Settings-catalog and endpoint-security policies are not in it/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('Intune licences through education, business and volume-licensing plans are recognised by plan id', async () => {
  const page = await openPage(browser, { stack });
  for (const [upn, sku] of [['NestorW', 'M365EDU_A3_FACULTY'], ['PattiF', 'SPB'], ['JohannaL', 'INTUNE_A_VL']]) {
    await page.goto(`${stack.portalUrl}/users/${upn}@contoso.onmicrosoft.com`);
    await page.getByTestId('licence').getByText(`Licensed (${sku})`).waitFor();
  }
  await page.goto(`${stack.portalUrl}/users/MeganB@contoso.onmicrosoft.com`);
  await page.getByTestId('licence').getByText('Not licensed').waitFor();
  assert.deepEqual(page.problems, []);
});

test('a guest without a mailbox is found by user principal name, and #EXT# works in links, deep links and Intune calls', async () => {
  const page = await openPage(browser, { stack });
  await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('grady_fab');
  await page.getByRole('option', { name: /Grady Archie/ }).waitFor();
  const deepLink = `${stack.portalUrl}/users/${encodeURIComponent(GUEST).replace('%40', '@')}/groups`;
  await page.goto(deepLink);
  await page.getByRole('heading', { name: 'Grady Archie' }).waitFor();
  await page.getByRole('cell', { name: 'All Company' }).waitFor();
  await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await page.getByText('Nothing to show.').waitFor();
  assert.equal(new URL(page.url()).pathname, '/users/grady_fabrikam.com%23EXT%23@contoso.onmicrosoft.com/devices');
  await page.reload();
  await page.getByRole('heading', { name: 'Grady Archie' }).waitFor();
  const intune = (await stack.requests()).filter((r) => /\/users\/[^/]+\/managedDevices/.test(r.path));
  assert.ok(intune.length > 0);
  assert.ok(intune.every((r) => !r.path.includes('EXT')), 'Intune is called with the object id, not the user principal name');
  assert.deepEqual(page.problems, []);
});

test("a user principal name with an apostrophe survives links, tabs, deep links and reloads", async () => {
  const page = await openPage(browser, { stack });
  const upn = "dana.o'neil@contoso.onmicrosoft.com";
  await page.goto(`${stack.portalUrl}/users/${encodeURIComponent(upn)}/groups`);
  await page.getByRole('heading', { name: "Dana O'Neil" }).waitFor();
  const tabs = page.getByRole('navigation', { name: 'User information' });
  assert.equal(await tabs.getByRole('link', { name: 'Groups' }).getAttribute('aria-current'), 'page');
  await tabs.getByRole('link', { name: 'Devices' }).click();
  await page.getByText('Nothing to show.').waitFor();
  assert.equal(new URL(page.url()).pathname, "/users/dana.o%27neil@contoso.onmicrosoft.com/devices", 'the address keeps its encoding');
  assert.equal(await tabs.getByRole('link', { name: 'Devices' }).getAttribute('aria-current'), 'page');
  assert.equal(await tabs.getByRole('link', { name: 'Groups' }).getAttribute('aria-current'), null);
  await page.reload();
  await page.getByRole('heading', { name: "Dana O'Neil" }).waitFor();
  await page.getByTestId('licence').getByText('Licensed (EMS)').waitFor();
  await page.goBack();
  await page.getByRole('cell', { name: 'All Company' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test('enrollment failures hold enrollment events only', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/enrollment-failures`);
  await page.getByText('20 of 20').waitFor();
  assert.deepEqual(page.problems, []);
});

test('roles and administrative units Graph sends by id only say which permission would name them', async () => {
  const limited = await openPage(browser, { stack, operator: 'Lidia Holloway' });
  await limited.goto(`${stack.portalUrl}/users/${ADELE}/groups`);
  await limited.getByRole('cell', { name: /^Name hidden: needs AdministrativeUnit\.Read\.All \(id / }).waitFor();
  await limited.goto(`${stack.portalUrl}/users/${ALEX}/groups`);
  await limited.getByRole('cell', { name: /^Name hidden: needs RoleManagement\.Read\.Directory \(id / }).waitFor();
  const full = await openPage(browser, { stack });
  await full.goto(`${stack.portalUrl}/users/${ADELE}/groups`);
  await full.getByRole('cell', { name: 'Paris office' }).waitFor();
  assert.deepEqual([...limited.problems, ...full.problems], []);
});

test("Intune's JSON-in-message error shows its inner message, with the request id", async () => {
  const page = await openPage(browser, { stack, operator: 'Pradeep Gupta' });
  await page.goto(`${stack.portalUrl}/users/${ADELE}`);
  const devices = page.getByTestId('devices-summary');
  await devices.getByText(/no Intune role/).first().waitFor();
  const text = await devices.innerText();
  assert.match(text, /Microsoft Graph answered 403: User is not authorized to perform this operation[^{]*Operation ID/);
  assert.doesNotMatch(text, /_version|CustomApiErrorPhrase/);
  assert.match(text, /Request ID/);
});

test('a fractional Retry-After is waited out, rounded up, inside $batch', async () => {
  await stack.addFault({ match: 'licenseDetails', fault: '429;retry-after=1.2', times: 1 });
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ALEX}`);
    const licence = page.getByTestId('licence');
    await licence.getByText('Microsoft Graph is throttling; retrying in 2 s.').waitFor();
    await licence.getByText('Licensed (EMS)').waitFor();
    const calls = (await stack.requests()).filter((r) => r.path.includes('licenseDetails'));
    const [throttled, retried] = calls.slice(-2);
    assert.equal(throttled.status, 429);
    assert.ok(retried.startedMs - throttled.finishedMs >= 2000, `waited ${retried.startedMs - throttled.finishedMs} ms`);
  } finally {
    await stack.clearFaults();
  }
});
