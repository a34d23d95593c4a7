// The device page on the demo personas: Adele's laptop (failed Autopilot deployment, logs,
// remote actions), her stale tablet, Patti's laptop (Intune and Entra disagree), Johanna's
// workstation (disabled in Entra), Nestor's iPad (no Entra record), Alex's shared PC (two
// users), in both languages; opened with the keyboard, from a pasted link, in one round.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, launchBrowser, openPage, startStack, until } from './harness.mjs';

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

/** Opens `user`'s devices list and clicks `device`; resolves once the device page is settled. */
async function openDevice(page, user, device) {
  await page.goto(`${stack.portalUrl}/users/${user}/devices`);
  await page.getByRole('link', { name: device, exact: true }).first().click();
  await page.getByRole('heading', { level: 2, name: device }).waitFor();
  await settled(page);
}

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy=true]'), null, { timeout: 30_000 });
}

const part = (page, id) => page.getByTestId(id);

test("Adele's laptop: identity, policies, apps, remote actions, logs and its failed Autopilot deployment", async () => {
  const page = await openPage(browser, { stack });
  await openDevice(page, ADELE, 'DESKTOP-ADELE01');
  const identity = await part(page, 'device-identity').innerText();
  for (const fact of [/Serial number\s+SN\d{9}/, /Surface Laptop 5/, /Windows 10\.0\.17763\.1/, /Not compliant/, /Not encrypted/, /Join type\s+Microsoft Entra joined/, /Enrolled by\s+AdeleV@contoso/, /GB free of 256 GB/]) {
    assert.match(identity, fact);
  }
  assert.equal(await part(page, 'stale').count(), 0, 'a device seen yesterday is not stale');
  assert.match(await part(page, 'device-entra').innerText(), /agree/);
  assert.match(await part(page, 'device-people').innerText(), /Adele Vance <AdeleV@contoso\.onmicrosoft\.com> \(this user\)/);
  const policies = await part(page, 'device-policies').innerText();
  assert.match(policies, /Require BitLocker current value: false/);
  assert.match(policies, /Always-on VPN/);
  assert.match(await part(page, 'device-apps').getByRole('row').filter({ hasText: 'Contoso VPN Client' }).innerText(), /Failed/);
  const actions = await part(page, 'remote-actions').locator('tbody tr').allInnerTexts();
  assert.deepEqual(actions.map((row) => row.split('\t').slice(0, 2).join(' ')), ['Restart ! Pending', 'Sync ✓ Done', 'Microsoft Defender scan ✕ Failed']);

  const logs = part(page, 'log-table');
  assert.equal(await logs.locator('tbody tr').count(), 2);
  assert.match(await logs.locator('tbody tr').nth(0).innerText(), /Completed[\s\S]*5\.6 MB/);
  assert.equal(await logs.locator('tbody tr').nth(1).getByRole('button').count(), 0, 'a failed collection has nothing to download');
  await logs.getByRole('button', { name: 'Get download link' }).click();
  const link = logs.getByRole('link', { name: /Download the logs/ });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /^https:\/\/intunelogs\.blob\.core\.windows\.net\//);
  assert.match(await part(page, 'device-logs').innerText(), /Windows: Collect diagnostics from a Windows device/);

  const autopilot = part(page, 'device-autopilot');
  assert.match(await autopilot.innerText(), /Group tag\s+Retail-Paris/);
  const latest = autopilot.getByTestId('deployment').first();
  const deployment = await latest.innerText();
  assert.match(deployment, /did not install during device setup/);
  assert.match(deployment, /Device setup\s+✕ Failure/);
  assert.match(deployment, /Account setup\s+– Not attempted/);
  assert.match(deployment, /Duration\s+42 min 0 s/);
  assert.match(await latest.getByRole('row').filter({ hasText: 'Contoso VPN Client' }).innerText(), /App\s+✕ Error\s+0x87D1041C/);
  assert.match(await autopilot.getByTestId('deployment').nth(1).innerText(), /Device setup\s+✓ Success/);
  assert.deepEqual(page.problems, []);
});

test('the page loads in one round after its link is opened, and the portal only reads', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
  const row = page.getByRole('table').getByRole('link', { name: 'DESKTOP-ADELE01', exact: true });
  await row.waitFor();
  await settled(page);
  const before = (await stack.requests()).length;
  await row.click();
  await part(page, 'device-autopilot').getByTestId('deployment').first().waitFor();
  await settled(page);
  // The tenant's catalogue of policies (read once a session, after the first user view) is not the page's.
  const everything = await stack.requests();
  const catalogue = new Set(everything.filter((r) => r.batch !== undefined && CATALOGUE.test(r.path)).map((r) => r.batch));
  const calls = everything.slice(before).filter((r) => r.method !== 'OPTIONS' && r.batch === undefined && !catalogue.has(r.seq));
  assert.deepEqual(calls.map((r) => `${r.method} ${r.path}`).sort(), ['POST /beta/$batch', 'POST /v1.0/$batch']);

  await part(page, 'log-table').getByRole('button', { name: 'Get download link' }).click();
  await part(page, 'log-table').getByRole('link', { name: /Download the logs/ }).waitFor();
  const log = await stack.requests();
  const written = log.filter((r) => !['GET', 'OPTIONS'].includes(r.method) && !r.path.endsWith('/oauth2/v2.0/authorize'));
  const allowed = written.filter((r) => /^\/(v1\.0|beta)\/\$batch$/.test(r.path) || r.path.endsWith('/oauth2/v2.0/token') || /\/logCollectionRequests\/[^/]+\/createDownloadUrl$/.test(r.path));
  assert.deepEqual(written, allowed);
  assert.ok(written.some((r) => r.path.endsWith('/createDownloadUrl')), 'the download link was asked for');
  assert.deepEqual(log.filter((r) => r.batch !== undefined && r.method !== 'GET'), [], 'every step inside $batch is a GET');
});

test('pressing on a link to a device, from the status card or a tab\'s table, starts loading it before the button is released, and only once', async () => {
  const own = await startStack();
  const at = (tab) => (page) => page.goto(`${own.portalUrl}/users/${ADELE}${tab}`);
  // Where an operator finds the link to Adele's laptop: how that view is reached, and the link on it.
  const links = {
    'status card': [at(''), (page) => page.getByTestId('devices-summary').getByRole('link', { name: 'DESKTOP-ADELE01' })],
    'devices table': [at('/devices'), (page) => page.getByRole('table').getByRole('link', { name: 'DESKTOP-ADELE01', exact: true })],
    'policy row': [at('/compliance'), (page) => page.getByRole('row').filter({ hasText: 'DESKTOP-ADELE01' }).getByRole('link', { name: 'DESKTOP-ADELE01' }).first()],
    'app row': [at('/apps'), (page) => page.getByRole('row').filter({ hasText: 'Contoso VPN Client' }).getByRole('link', { name: 'DESKTOP-ADELE01' })],
    // Opened by name, then picked again in the search, by object id: the session kept from the
    // first visit answers to both, and the table's links now name her by object id.
    'devices table, Adele picked again in the search': [
      async (page) => {
        await at('')(page);
        await settled(page);
        await page.getByRole('link', { name: 'Change user' }).click();
        await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
        await page.getByRole('option', { name: /Adele Vance/ }).click();
        await page.getByRole('navigation', { name: 'User information' }).getByRole('link', { name: 'Devices' }).click();
      },
      (page) => page.getByRole('table').getByRole('link', { name: 'DESKTOP-ADELE01', exact: true }),
    ],
  };
  try {
    for (const [where, [open, find]] of Object.entries(links)) {
      const page = await openPage(browser, { stack: own });
      await open(page);
      const link = find(page);
      await link.waitFor();
      await settled(page);
      await fetch(`${own.mockUrl}/_mock/requests`, { method: 'DELETE' });
      await link.hover();
      const sent = page.waitForRequest((request) => request.url().endsWith('/$batch') && /windowsAutopilotDeviceIdentities/.test(request.postData() ?? ''));
      await page.mouse.down();
      await sent;
      assert.equal(await page.getByRole('heading', { level: 2, name: 'DESKTOP-ADELE01' }).count(), 0, `${where}: still on the user view`);
      await page.mouse.up();
      await part(page, 'device-autopilot').getByTestId('deployment').first().waitFor();
      await settled(page);
      const records = (await own.requests()).filter((r) => r.batch !== undefined && /windowsAutopilotDeviceIdentities/.test(r.path));
      assert.equal(records.length, 1, `${where}: the page uses the load its press started`);
      assert.deepEqual(page.problems, [], where);
      await page.context().close();
    }
  } finally {
    await own.stop();
  }
});

test('a press on a link to the device page already on screen loads nothing', async () => {
  const own = await startStack();
  try {
    const page = await openPage(browser, { stack: own });
    await page.goto(`${own.portalUrl}/users/${ADELE}/devices`);
    await page.getByRole('table').getByRole('link', { name: 'DESKTOP-ADELE01', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'DESKTOP-ADELE01' }).waitFor();
    await settled(page);
    const card = page.getByTestId('devices-summary');
    const deviceId = async (name) => (await card.getByRole('link', { name }).getAttribute('href')).split('/').pop().toLowerCase();
    const laptop = await deviceId('DESKTOP-ADELE01');
    const tablet = await deviceId("Adele's Galaxy Tab");
    await fetch(`${own.mockUrl}/_mock/requests`, { method: 'DELETE' });
    // The laptop's link on its own page, then the tablet's: once the tablet's page is in, any
    // load the first press started would be in the log before it.
    await card.getByRole('link', { name: 'DESKTOP-ADELE01' }).click();
    await card.getByRole('link', { name: "Adele's Galaxy Tab" }).click();
    await page.getByRole('heading', { level: 2, name: "Adele's Galaxy Tab" }).waitFor();
    await settled(page);
    const about = (id) => (r) => r.batch !== undefined && r.path.toLowerCase().includes(`/manageddevices/${id}`);
    const log = await own.requests();
    assert.ok(log.some(about(tablet)), "the tablet's page loaded");
    assert.deepEqual(log.filter(about(laptop)).map((r) => r.path), [], 'nothing was loaded again for the laptop on screen');
    assert.deepEqual(page.problems, []);
  } finally {
    await own.stop();
  }
});

test('the devices list opens a device with Enter, Esc goes back, and the link pastes into a new tab', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
  const link = page.getByRole('table').getByRole('link', { name: "Adele's iPhone", exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: "Adele's iPhone" }).waitFor();
  const deepLink = page.url();
  assert.match(deepLink, /\/users\/AdeleV@contoso\.onmicrosoft\.com\/devices\/[0-9a-f-]{36}$/);
  await until(async () => (await page.evaluate(() => document.activeElement?.id)) === 'device-title', 'the title has the focus');
  await page.keyboard.press('Escape');
  await link.waitFor();
  assert.match(page.url(), /\/devices$/);

  const pasted = await openPage(browser, { stack });
  await pasted.goto(deepLink);
  await pasted.getByRole('heading', { level: 2, name: "Adele's iPhone" }).waitFor();
  await settled(pasted);
  assert.match(await part(pasted, 'device-autopilot').innerText(), /Autopilot applies to Windows devices only/);
  assert.match(await part(pasted, 'device-logs').innerText(), /iOS: Send iOS enrollment errors/);
  assert.deepEqual([...page.problems, ...pasted.problems], []);
});

test('a device opens from the status card, a policy row and an app row', async () => {
  const page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}`);
  await page.getByTestId('devices-summary').getByRole('link', { name: 'DESKTOP-ADELE01' }).click();
  await page.getByRole('heading', { level: 2, name: 'DESKTOP-ADELE01' }).waitFor();
  await page.goto(`${stack.portalUrl}/users/${ADELE}/compliance`);
  await page.getByRole('row').filter({ hasText: "Adele's Galaxy Tab" }).getByRole('link', { name: "Adele's Galaxy Tab" }).click();
  await page.getByRole('heading', { level: 2, name: "Adele's Galaxy Tab" }).waitFor();
  await page.goto(`${stack.portalUrl}/users/${ADELE}/apps`);
  await page.getByRole('row').filter({ hasText: 'Contoso VPN Client' }).getByRole('link', { name: 'DESKTOP-ADELE01' }).click();
  await page.getByRole('heading', { level: 2, name: 'DESKTOP-ADELE01' }).waitFor();
  assert.deepEqual(page.problems, []);
});

test("Adele's tablet has not checked in for 12 days, in English and in French", async () => {
  const page = await openPage(browser, { stack });
  await openDevice(page, ADELE, "Adele's Galaxy Tab");
  assert.match(await part(page, 'stale').innerText(), /Not checked in for 12 days/);
  const french = await openPage(browser, { stack, locale: 'fr-FR' });
  await french.goto(page.url());
  await french.getByRole('heading', { name: 'Identité et santé' }).waitFor();
  await settled(french);
  assert.match(await part(french, 'stale').innerText(), /Pas de synchronisation depuis 12 jours/);
  assert.match(await part(french, 'device-autopilot').innerText(), /Autopilot ne concerne que les appareils Windows/);
  assert.match(await part(french, 'device-entra').innerText(), /Intune et Entra ID sont d’accord/);
});

test('Entra ID: a compliance flag that differs, a disabled device and a missing record are called out', async () => {
  const page = await openPage(browser, { stack });
  await openDevice(page, 'PattiF@contoso.onmicrosoft.com', 'PATTI-LAPTOP');
  assert.match(await part(page, 'device-entra').getByTestId('entra-finding').innerText(), /Intune says compliant, Entra ID says not compliant: Conditional Access uses Entra’s flag/);
  await openDevice(page, 'JohannaL@contoso.onmicrosoft.com', 'JOHANNA-WS01');
  assert.match(await part(page, 'device-entra').innerText(), /disabled in Entra ID[\s\S]*Enabled\s+✕ No/);
  await openDevice(page, 'NestorW@contoso.onmicrosoft.com', 'NESTOR-IPAD');
  assert.match(await part(page, 'device-entra').innerText(), /Entra ID has no record of this device/);

  const french = await openPage(browser, { stack, locale: 'fr-FR' });
  await openDevice(french, 'PattiF@contoso.onmicrosoft.com', 'PATTI-LAPTOP');
  assert.match(await part(french, 'device-entra').innerText(), /Intune dit conforme, Entra ID dit non conforme/);
});

test("Alex's shared PC: two users logged on recently, the caller among them", async () => {
  const page = await openPage(browser, { stack });
  await openDevice(page, 'AlexW@contoso.onmicrosoft.com', 'SHARED-PC-01');
  const people = part(page, 'device-people');
  assert.match(await people.getByTestId('primary-users').innerText(), /Alex Wilber <AlexW@contoso\.onmicrosoft\.com> \(this user\)/);
  const loggedOn = await people.getByTestId('logged-on').locator('li').allInnerTexts();
  assert.equal(loggedOn.length, 2);
  assert.match(loggedOn[0], /Alex Wilber .*\(this user\)/);
  assert.match(loggedOn[1], /Another user \([0-9a-f-]{36}\)/);
  assert.match(await part(page, 'device-policies').innerText(), /1 setting state of other users of this shared device is not shown|2 setting states of other users/);
});

test('an operator without Device.Read.All is told why in the Entra section only', async () => {
  const page = await openPage(browser, { stack, operator: 'Lidia Holloway' });
  await openDevice(page, ADELE, 'DESKTOP-ADELE01');
  const entra = part(page, 'device-entra');
  assert.match(await entra.getByRole('alert').innerText(), /Device\.Read\.All/);
  assert.match(await part(page, 'device-identity').innerText(), /Surface Laptop 5/);
  assert.match(await part(page, 'device-autopilot').innerText(), /Retail-Paris/);
  assert.deepEqual(page.problems, []);
});
