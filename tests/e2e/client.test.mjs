// The Graph client under throttling and faults, as the operator sees it: complete answers,
// retries within the policy, progress shown, no stale data, instant return to a recent user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack, until } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const LEE = 'LeeG@contoso.onmicrosoft.com';
// Both runs generate the same tenant, timestamps included.
const SAME_TENANT = ['--seed', '7', '--now', '2026-11-01T09:00:00Z'];
const ROUTES = ['', '/devices', '/apps', '/compliance', '/app-protection', '/enrollment-restrictions', '/groups', '/enrollment-failures'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The text of every view of Adele, once nothing is loading. */
async function adeleAsRendered(stack) {
  const page = await openPage(browser, { stack });
  const seen = {};
  for (const route of ROUTES) {
    await page.goto(`${stack.portalUrl}/users/${ADELE}${route}`);
    await page.getByText(/Loaded/).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), null, { timeout: 60_000 });
    seen[route] = (await page.locator('main').innerText()).replace(/Loaded .*/, '');
  }
  assert.deepEqual(page.problems, []);
  await page.close();
  return seen;
}

test('with 30% of calls throttled or failing, every view completes and equals a fault-free run', async () => {
  const calm = await startStack({ mockArgs: SAME_TENANT });
  const stormy = await startStack({
    mockArgs: [...SAME_TENANT, '--fault-rate', '0.3', '--fault-kinds', '429;retry-after=1,503,504', '--fault-streak-limit', '3'],
  });
  try {
    const expected = await adeleAsRendered(calm);
    const actual = await adeleAsRendered(stormy);
    for (const route of ROUTES) assert.equal(actual[route], expected[route], `view ${route || '/'}`);
    assert.doesNotMatch(Object.values(actual).join('\n'), /Microsoft Graph answered|could not be read/);

    const log = await stormy.requests();
    const faults = log.filter((entry) => entry.fault);
    assert.ok(faults.length > 5, `faults were injected (${faults.length} of ${log.length} calls)`);
    // Each call is tried at most 1 + 3 times; $batch envelopes are counted by their steps.
    const tries = new Map();
    let run = new Map();
    for (const entry of log.filter((e) => !e.path.endsWith('/$batch'))) {
      const streak = entry.fault ? (run.get(entry.path) ?? 0) + 1 : 0;
      run.set(entry.path, streak);
      tries.set(entry.path, Math.max(tries.get(entry.path) ?? 0, streak));
    }
    for (const [path, failuresInARow] of tries) assert.ok(failuresInARow <= 3, `${path} failed ${failuresInARow} times in a row`);
  } finally {
    await calm.stop();
    await stormy.stop();
  }
});

test('a throttled section says it is waiting, then shows its data', async () => {
  const stack = await startStack();
  try {
    await stack.addFault({ match: 'licenseDetails', fault: '429;retry-after=3', times: 1 });
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}`);
    const licence = page.getByTestId('licence');
    await licence.getByText('Microsoft Graph is throttling; retrying in 3 s.').waitFor();
    await licence.getByText('Licensed (EMS)').waitFor();
    const log = await stack.requests();
    const licenceCalls = log.filter((e) => e.path.includes('licenseDetails'));
    assert.deepEqual(licenceCalls.map((e) => e.status), [429, 200]);
    assert.ok(licenceCalls[1].startedMs - licenceCalls[0].finishedMs >= 3000, 'Retry-After is honoured');
  } finally {
    await stack.stop();
  }
});

test('changing user mid-load never shows the previous user, and a recent user comes back at once', async () => {
  const stack = await startStack({ mockArgs: ['--latency-ms', '150'] });
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${LEE}/enrollment-failures`);
    await page.getByText(/received/).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Change user' }).click();
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
    await page.getByRole('option', { name: /Adele Vance/ }).click();
    await page.getByRole('link', { name: 'Enrollment failures' }).click();
    await page.getByText('20 of 20').waitFor();
    // Lee Gu's pages that were still on their way have arrived (or been stopped) by now.
    await page.waitForLoadState('networkidle');
    assert.match(await page.locator('main').innerText(), /20 of 20/, "Lee Gu's late pages do not land on Adele");
    assert.match(await page.locator('h1').first().innerText(), /Adele Vance/);

    await page.getByRole('link', { name: 'Change user' }).click();
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('megan');
    await page.getByRole('option', { name: /Megan Bowen/ }).click();
    await page.getByTestId('licence').getByText('Not licensed').waitFor();
    // Megan's sign-ins load on their own after her view (by her object id, which her licence
    // call names): they are answered before the requests are counted.
    const log = await stack.requests();
    const megan = /\/users\/([^/?]+)\/licenseDetails/.exec(log.filter((r) => r.path.includes('/licenseDetails')).pop().path)[1];
    await until(async () => (await stack.requests()).some((r) => r.path.includes('/auditLogs/signIns') && r.path.includes(megan)), "Megan's sign-ins are answered");
    const before = (await stack.requests()).length;
    await page.getByRole('link', { name: 'Change user' }).click();
    await page.getByRole('navigation', { name: 'Recent users' }).getByRole('link', { name: 'Adele Vance' }).click();
    await page.getByRole('link', { name: 'Enrollment failures' }).click();
    await page.getByText('20 of 20').waitFor();
    assert.equal((await stack.requests()).length, before, 'going back to Adele sends no request');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('20 of 20').waitFor();
    await until(async () => (await stack.requests()).length > before, 'Refresh asks Graph again');
  } finally {
    await stack.stop();
  }
});
