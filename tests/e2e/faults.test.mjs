// The fault matrix: every section of Adele's view and of her laptop's device page against
// every kind of fault the stand-in injects. A transient fault (429 with Retry-After, 503, 504, a dropped connection, a
// 30-second stall) is absorbed by the retry policy; a lasting one (500, malformed JSON) shows
// its message in that section only, and Retry brings the data once the fault is gone. The
// other sections are never affected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';

/** The id of Adele's laptop, read from the link of her devices list before the tests. */
let laptop;

const SECTIONS = [
  { name: 'account state', route: '', match: 'subscriptionState', ready: (p) => p.getByTestId('account-state').getByText('Active') },
  { name: 'licence', route: '', match: 'licenseDetails', ready: (p) => p.getByTestId('licence').getByText('Licensed (EMS)') },
  { name: 'devices', route: '/devices', match: 'managedDevices', ready: (p) => p.getByRole('cell', { name: 'DESKTOP-ADELE01' }) },
  { name: 'client apps', route: '/apps', match: 'mobileAppIntentAndStates', ready: (p) => p.getByRole('cell', { name: 'Microsoft Teams' }).first() },
  { name: 'app install history', route: '/apps', match: 'mobileAppTroubleshootingEvents', ready: (p) => p.getByTestId('why-apps-failed').getByText('0x87D1041C', { exact: false }).first() },
  { name: 'sign-ins', route: '/sign-ins', match: 'auditLogs/signIns', ready: (p) => p.getByTestId('sign-in').first() },
  { name: 'app protection', route: '/app-protection', match: 'managedAppRegistrations', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'compliance policies', route: '/compliance', match: 'deviceCompliancePolicyStates', ready: (p) => p.getByText('Require BitLocker').first() },
  { name: 'configuration policies', route: '/configuration', match: 'deviceConfigurationStates', ready: (p) => p.locator('main tbody tr').first() },
  { name: 'enrollment restrictions', route: '/enrollment-restrictions', match: 'deviceEnrollmentConfigurations', ready: (p) => p.getByText('All users and all devices').first() },
  { name: 'groups', route: '/groups', match: 'transitiveMemberOf', ready: (p) => p.getByRole('cell', { name: /All Company/ }).first() },
  { name: 'enrollment failures', route: '/enrollment-failures', match: 'deviceManagementTroubleshootingEvents', ready: (p) => p.getByText('Device cap reached').first() },
  // The device page of Adele's laptop: each of its calls faulted alone.
  ...[
    ['device record', () => `managedDevices/${laptop}?$select=id,deviceName`, (p) => p.getByTestId('device-identity').getByText('Surface Laptop 5')],
    ['device details', () => 'joinType,usersLoggedOn', (p) => p.getByTestId('device-identity').getByText('Microsoft Entra joined')],
    ['primary users', () => `${laptop}/users`, (p) => p.getByTestId('primary-users')],
    // The user view asks for the laptop's compliance states too (beside the sign-ins, as the
    // laptop is not compliant), at the same time as the device page: a fault meant to hit the
    // device page once is set for two calls.
    ['device compliance', () => `${laptop}/deviceCompliancePolicyStates`, (p) => p.getByTestId('device-policies').getByText('Require BitLocker').first(), 2],
    ['device logs', () => 'logCollectionRequests', (p) => p.getByTestId('log-table')],
    ['Entra record', () => '/devices?', (p) => p.getByTestId('device-entra').getByText('agree', { exact: false })],
    ['Autopilot record', () => 'windowsAutopilotDeviceIdentities', (p) => p.getByTestId('device-autopilot').getByText('Retail-Paris')],
    ['Autopilot deployments', () => 'autopilotEvents', (p) => p.getByTestId('deployment').first()],
  ].map(([name, match, ready, timesOnce]) => ({ name, get route() { return `/devices/${laptop}`; }, get match() { return match(); }, ready, timesOnce })),
];

/** Sections shown on every user route, to check a fault elsewhere leaves them alone. */
const ALWAYS_SHOWN = SECTIONS.filter((s) => s.route === '');

let browser;
let stack;
let page;
before(async () => {
  browser = await launchBrowser();
  stack = await startStack();
  page = await openPage(browser, { stack });
  await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
  const href = await page.getByRole('table').getByRole('link', { name: 'DESKTOP-ADELE01' }).getAttribute('href');
  laptop = href.split('/').pop();
});
after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openWithFault(section, fault, times) {
  // The page left behind may still send a late call (its sign-ins come after its view):
  // it must not take the fault meant for the next page.
  await page.goto('about:blank');
  await stack.clearFaults();
  await stack.addFault({ match: section.match, fault, ...(times ? { times: times * (section.timesOnce ?? 1) } : {}) });
  await page.goto(`${stack.portalUrl}/users/${ADELE}${section.route}`);
}

/** Awaits `waiting`; if it fails, says what the page showed and what the stand-in answered. */
async function explained(waiting, section, fault) {
  try {
    return await waiting;
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no main)');
    const calls = (await stack.requests()).slice(-12).map((r) => `${r.status} ${r.fault ?? ''} ${r.path.slice(0, 100)}`);
    throw new Error(`${section.name} after ${fault}: ${error.message}\nshown: ${shown.slice(0, 600)}\nlast calls:\n${calls.join('\n')}`);
  }
}

async function othersUnaffected(section) {
  for (const other of ALWAYS_SHOWN.filter((s) => s !== section)) await other.ready(page).waitFor();
  if (section.name !== 'devices') assert.match(await page.getByTestId('devices-summary').innerText(), /3 devices/);
}

for (const fault of ['429;retry-after=1', '503', '504', 'drop', 'stall;ms=30000']) {
  test(`${fault}: every section recovers within the retry policy`, { timeout: 900_000 }, async () => {
    for (const section of SECTIONS) {
      const started = Date.now();
      await openWithFault(section, fault, 1);
      // The retry policy may take up to its 60-second deadline.
      await explained(section.ready(page).waitFor({ timeout: 65_000 }), section, fault);
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 65_000 });
      assert.equal(await page.locator('[role=alert]').count(), 0, `${section.name} after ${fault}`);
      await othersUnaffected(section);
      if (fault.startsWith('stall')) {
        // The stalled call is logged only when the stand-in gives up on it; the portal gave up first.
        assert.ok(Date.now() - started >= 15_000, `${section.name} waited out the stall`);
      } else {
        assert.ok((await stack.requests()).some((r) => r.fault === fault), `the ${fault} fault was injected`);
      }
    }
    assert.deepEqual(page.problems, []);
  });
}

for (const [fault, message] of [['500', /answered 500/], ['malformed', /cannot read/]]) {
  test(`${fault}: the section says so with a request id, the rest stays, Retry brings the data`, { timeout: 900_000 }, async () => {
    for (const section of SECTIONS) {
      await openWithFault(section, fault);
      const alert = section.name === 'account state'
        ? page.getByTestId('account-state').getByText('Account state unavailable')
        : page.locator('[role=alert]').filter({ hasText: message }).first();
      await alert.waitFor({ timeout: 20_000 });
      if (section.name !== 'account state') assert.match(await alert.innerText(), /Request ID/, section.name);
      await othersUnaffected(section);
      await stack.clearFaults();
      const retry = section.name === 'account state' ? page.locator('header').getByRole('button', { name: 'Retry' }) : alert.getByRole('button', { name: 'Retry' });
      await retry.click();
      await section.ready(page).waitFor({ timeout: 20_000 });
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 20_000 });
      assert.equal(await page.locator('[role=alert]').count(), 0, `${section.name} after Retry`);
    }
    assert.deepEqual(page.problems, []);
  });
}
