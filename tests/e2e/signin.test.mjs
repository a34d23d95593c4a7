// Sign-in with the stand-in's Entra ID: the round trip (only the access token kept), renewal,
// permissions, sign-out, and the answers a portal must refuse (tampered state, replayed code,
// wrong PKCE verifier).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startStack, until } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const TOKEN_PATH = '/contoso.onmicrosoft.com/oauth2/v2.0/token';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Opens Adele's user view from the search box, without loading a new page. */
async function openAdele(page) {
  await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
  await page.getByRole('option', { name: /Adele Vance/ }).click();
  await page.getByRole('heading', { name: 'Adele Vance' }).waitFor();
}

const storage = (page) =>
  page.evaluate(() => ({
    session: Object.fromEntries(Object.entries(sessionStorage)),
    local: Object.fromEntries(Object.entries(localStorage)),
  }));

test('a deep link signs in and comes back to the same view, with the operator in the header', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser);
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.ok(page.url().startsWith(`${stack.mockUrl}/contoso.onmicrosoft.com/oauth2/v2.0/authorize?`));
    const authorize = new URL(page.url()).searchParams;
    assert.equal(authorize.get('code_challenge_method'), 'S256');
    assert.match(authorize.get('scope'), /DeviceManagementManagedDevices\.Read\.All/);
    await page.getByRole('button', { name: /Isaiah Langer/ }).click();
    await page.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/users/${ADELE}/devices`);
    assert.equal(new URL(page.url()).search, '', 'the code and state leave the address bar');
    const header = page.getByTestId('operator');
    assert.match(await header.innerText(), /Isaiah Langer[\s\S]*contoso\.onmicrosoft\.com/);
    const stored = await storage(page);
    assert.deepEqual([Object.keys(stored.session).sort(), stored.local], [['helpdesk.access', 'helpdesk.config'], {}], 'the access token and the configuration, for this tab only');
    assert.deepEqual(JSON.parse(stored.session['helpdesk.config']), await (await fetch(`${stack.portalUrl}/config.json`)).json(), 'config.json as read');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('an expired token is renewed once and the view still loads; renewal also happens before expiry', async () => {
  const stack = await startStack({ mockArgs: ['--token-lifetime-secs', '10'] });
  try {
    const page = await openPage(browser, { stack });
    await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
    await fetch(`${stack.mockUrl}/_mock/tokens/expire`, { method: 'POST' });
    // Within the page (a new page would sign in again and get a fresh token).
    await openAdele(page);
    await page.getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
    let log = await stack.requests();
    const refused = log.findIndex((r) => r.status === 401);
    const renewed = log.findIndex((r) => r.path === TOKEN_PATH && r.status === 200);
    assert.ok(refused >= 0 && renewed > refused, 'a 401, then a refresh');
    assert.equal(log.filter((r) => r.path === TOKEN_PATH).length, 1, 'one refresh for all the calls refused together');
    assert.ok(log.slice(renewed).some((r) => r.status === 200 && r.path.includes('$batch')), 'the calls are sent again');

    // A 10 s token is renewed silently at 8 s, before Graph ever refuses it.
    await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
    log = await until(async () => {
      const now = await stack.requests();
      return now.some((r) => r.path === TOKEN_PATH && r.status === 200) && now;
    }, 'the token is renewed before it expires');
    assert.ok(!log.some((r) => r.status === 401), 'renewed before Graph refused it');
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('cell', { name: /All Company/ }).first().waitFor();
    assert.ok(!(await stack.requests()).some((r) => r.status === 401), 'no call was refused');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('when renewal is refused, the operator signs in again and comes back to the same route', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await openAdele(page);
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('cell', { name: /All Company/ }).first().waitFor();
    const route = new URL(page.url()).pathname;
    // The tenant's catalogue, read in the background after the first user view, is in too.
    await page.waitForLoadState('networkidle');
    // Entra's session ends elsewhere (its refresh tokens with it), and Graph no longer takes the access token.
    const [session] = await page.context().cookies(stack.mockUrl);
    await fetch(`${stack.mockUrl}/contoso.onmicrosoft.com/oauth2/v2.0/logout`, { headers: { cookie: `${session.name}=${session.value}` } });
    await fetch(`${stack.mockUrl}/_mock/tokens/expire`, { method: 'POST' });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    const log = await stack.requests();
    assert.ok(log.some((r) => r.status === 401) && log.some((r) => r.path === TOKEN_PATH && r.status === 400), 'a 401, then a refused renewal');
    await page.getByRole('button', { name: /Isaiah Langer/ }).click();
    await page.getByRole('cell', { name: /All Company/ }).first().waitFor();
    assert.equal(new URL(page.url()).pathname, route);
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('the limited operator is told which permission each section lacks; the rest of the page works', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack, operator: 'Lidia Holloway' });
    await page.goto(`${stack.portalUrl}/users/${ADELE}`);
    const status = page.getByRole('region', { name: 'User status' });
    await status.getByTestId('devices-summary').getByText(/3 devices/).waitFor();
    await status.getByText(/Licensed/).waitFor();
    // Install states need the configuration or the managed-devices permission, not the apps one.
    await page.getByTestId('apps-summary').getByText(/9 apps/).waitFor();
    await page.getByRole('link', { name: 'App protection' }).click();
    await page.getByText(/lacks the Microsoft Graph permission DeviceManagementApps\.Read\.All/).first().waitFor();
    await page.getByRole('link', { name: 'Compliance policies' }).click();
    await page.getByText(/lacks the Microsoft Graph permission DeviceManagementConfiguration\.Read\.All/).first().waitFor();
    await page.getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('cell', { name: /All Company/ }).first().waitFor();
    assert.deepEqual(page.problems, []);

    const noRole = await openPage(browser, { stack, operator: 'Pradeep Gupta' });
    await noRole.goto(`${stack.portalUrl}/users/${ADELE}`);
    await noRole.getByText(/no Intune role/).first().waitFor();
    await noRole.getByRole('region', { name: 'User status' }).getByText(/Licensed/).waitFor();
  } finally {
    await stack.stop();
  }
});

test('sign-out leaves no token in storage and ends the sign-in session', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}`);
    await page.getByRole('region', { name: 'User status' }).getByText(/Licensed/).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    const stored = await storage(page);
    assert.deepEqual(stored.session, {});
    assert.deepEqual(Object.keys(stored.local), ['helpdesk.signed-out-at'], 'only when, for tabs asleep at the time');
    assert.ok(Math.abs(Number(stored.local['helpdesk.signed-out-at']) - Date.now()) < 60_000);
    assert.ok((await stack.requests()).some((r) => r.path === '/contoso.onmicrosoft.com/oauth2/v2.0/logout'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.ok(!(await page.getByText('(signed in)').isVisible()), 'the Entra session is over');
  } finally {
    await stack.stop();
  }
});

test('a signed-in tab starts without the sign-in code, and a sign-in that cannot download it says so', async () => {
  const stack = await startStack();
  const signInCode = /\/split_sign_in[^/]*\.wasm$/;
  try {
    const page = await openPage(browser, { stack });
    await page.route(signInCode, (route) => route.abort());
    await page.goto(stack.portalUrl);
    await openAdele(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('This part of the portal could not be downloaded').waitFor();
    await page.unroute(signInCode);
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.deepEqual(page.problems, []);

    // A deep link in a new tab: the retry goes back to the same view.
    const fresh = await openPage(browser);
    await fresh.route(signInCode, (route) => route.abort());
    await fresh.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await fresh.getByRole('alert').getByText('This part of the portal could not be downloaded').waitFor();
    await fresh.unroute(signInCode);
    await fresh.getByRole('button', { name: 'Sign in again' }).click();
    await fresh.getByRole('button', { name: /Isaiah Langer/ }).click();
    await fresh.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
    assert.deepEqual(fresh.problems, []);
  } finally {
    await stack.stop();
  }
});

test('a tampered state is refused before any token is asked for', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser);
    await page.goto(stack.portalUrl);
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    await page.locator('input[name=state]').evaluate((input) => {
      input.value = 'forged-state';
    });
    await page.getByRole('button', { name: /Isaiah Langer/ }).click();
    await page.getByRole('heading', { name: 'Sign-in did not complete' }).waitFor();
    await page.getByText(/does not match a sign-in started in this tab/).waitFor();
    assert.ok(!(await stack.requests()).some((r) => r.path === TOKEN_PATH), 'no code was redeemed');
    assert.deepEqual((await storage(page)).session, {});
  } finally {
    await stack.stop();
  }
});

test('a replayed code and a wrong PKCE verifier get no tokens', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser);
    let redemption;
    await page.route(`**${TOKEN_PATH}`, async (route) => {
      redemption ??= { body: route.request().postData(), origin: new URL(stack.portalUrl).origin };
      await route.continue();
    });
    await signIn(page, stack.portalUrl);
    const callback = await page.evaluate(() => performance.getEntriesByType('navigation')[0].name);
    // The signed-in page is left first: the replay revokes what the code gave (as Entra does),
    // and a call of that page refused then sends it to sign in again, a navigation that
    // would abort the one below.
    await page.goto('about:blank');
    const replay = await fetch(`${stack.mockUrl}${TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: redemption.origin },
      body: redemption.body,
    });
    assert.equal(replay.status, 400);
    assert.match((await replay.json()).error_description, /^AADSTS54005/);
    await page.goto(`${stack.portalUrl}/?${new URLSearchParams(new URL(callback).search)}`);
    await page.getByText(/does not match a sign-in started in this tab/).waitFor();
    await page.unroute(`**${TOKEN_PATH}`);

    const wrong = await openPage(browser);
    await wrong.route(`**${TOKEN_PATH}`, (route) => {
      const form = new URLSearchParams(route.request().postData());
      form.set('code_verifier', 'x'.repeat(64));
      return route.continue({ postData: form.toString() });
    });
    await wrong.goto(stack.portalUrl);
    await wrong.getByRole('button', { name: /Isaiah Langer/ }).click();
    await wrong.getByText(/would not issue tokens \(invalid_grant\): AADSTS501481/).waitFor();
    assert.deepEqual((await storage(wrong)).session, {});
  } finally {
    await stack.stop();
  }
});
