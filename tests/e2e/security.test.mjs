// What the security review asked for (issue 20), end to end: the bearer token goes to Graph
// only, an answer the portal did not ask for is not shown, sign-out ends every tab and the
// page, an idle operator is signed out, and only the access token is kept, for its tab.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, signIn, startStack } from './harness.mjs';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('an @odata.nextLink to another host is refused in its section, and nothing is sent there', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    const elsewhere = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname.endsWith('example.invalid')) elsewhere.push(request.url());
    });
    // Adele's device list answers with a next page on graph.example.invalid.
    await stack.addFault({ match: 'managedDevices?$select', fault: 'foreign-next-link', times: 1 });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    // The devices tab says so (and so does the status card, which shows the same list).
    const alert = page.getByRole('main').getByRole('alert').filter({ hasText: 'pointed to another server' }).last();
    await alert.getByText('https://graph.example.invalid', { exact: false }).waitFor();
    assert.match(await alert.innerText(), /did not follow it, so your sign-in was not sent there/);
    await page.getByTestId('account-state').getByText('Active').waitFor();
    assert.deepEqual(elsewhere, [], 'no request, with or without the token, went to the other host');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('an error on the redirect address that no sign-in of this tab asked for shows nothing of it', async () => {
  const stack = await startStack();
  try {
    const forged = 'AADSTS50053: Your account is locked. Call the help desk on +1 555 0100';
    const query = new URLSearchParams({ error: 'access_denied', error_description: forged, state: 'forged-state' });
    const signedIn = await openPage(browser, { stack });
    await signedIn.goto(`${stack.portalUrl}/?${query}`);
    await signedIn.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
    assert.equal(new URL(signedIn.url()).search, '', 'the error leaves the address bar');
    const shown = await signedIn.locator('body').innerText();
    assert.ok(!shown.includes('555 0100') && !shown.includes('access_denied'), shown);

    // A tab that started no sign-in goes to sign in, as it would without the error.
    const fresh = await openPage(browser);
    await fresh.goto(`${stack.portalUrl}/?${query}`);
    await fresh.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.ok(!(await fresh.locator('body').innerText()).includes('555 0100'));
    assert.deepEqual([...signedIn.problems, ...fresh.problems], []);
  } finally {
    await stack.stop();
  }
});

/** Opens `url` in a new tab of `context`, signing in as Isaiah if the tab is sent to the account picker. */
async function signedInTab(context, url, ready) {
  const tab = await context.newPage();
  await tab.goto(url);
  const picker = tab.getByRole('button', { name: /Isaiah Langer/ });
  await picker.or(ready(tab)).first().waitFor();
  if (await picker.isVisible()) await picker.click();
  await ready(tab).waitFor();
  return tab;
}

const adeleLaptop = (tab) => tab.getByRole('cell', { name: 'DESKTOP-ADELE01' });

test('signing out in one tab ends the others: their data and tokens go, and they say so', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(page).waitFor();
    const other = await signedInTab(page.context(), `${stack.portalUrl}/users/${ADELE}/devices`, adeleLaptop);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    await other.getByRole('heading', { name: 'You are signed out' }).waitFor();
    assert.ok(!(await other.locator('body').innerText()).includes('DESKTOP-ADELE01'));
    assert.deepEqual(await other.evaluate(() => Object.keys(sessionStorage)), [], 'no token left in the other tab');
    assert.equal((await stack.requests()).filter((r) => r.path.endsWith('/oauth2/v2.0/logout')).length, 1, 'Entra is signed out of once');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('Back after sign-out shows no tenant data, only the way to sign in', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(page).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.ok(!(await page.locator('body').innerText()).includes('DESKTOP-ADELE01'));
    assert.ok(!(await page.getByText('(signed in)').isVisible()), 'the Entra session stays ended');
  } finally {
    await stack.stop();
  }
});

test('a tab asleep during a sign-out does not resume with the token it kept', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(page).waitFor();
    const kept = await page.evaluate(() => sessionStorage.getItem('helpdesk.access'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
    // What a discarded tab brings back when it wakes: its sessionStorage, from before the sign-out.
    await page.evaluate((value) => sessionStorage.setItem('helpdesk.access', value), kept);
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await page.getByRole('heading', { name: 'Pick an account' }).waitFor();
    assert.ok(!(await page.locator('body').innerText()).includes('DESKTOP-ADELE01'));
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('an operator idle for the configured time is signed out, with a message that says why', async () => {
  const stack = await startStack({ config: { idleTimeoutMinutes: 0.1 } });
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(page).waitFor();
    // Nothing is touched from here: six seconds later the portal signs out by itself.
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor({ timeout: 30_000 });
    await page.getByText('because the portal was not used for 0.1 minutes').waitFor();
    assert.ok(!(await page.locator('body').innerText()).includes('DESKTOP-ADELE01'));
    assert.deepEqual(await page.evaluate(() => [Object.keys(sessionStorage), Object.keys(localStorage)]), [[], ['helpdesk.signed-out-at']]);
    assert.ok((await stack.requests()).some((r) => r.path.endsWith('/oauth2/v2.0/logout')), 'the Entra session is ended too');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('only the access token is kept, for its tab: a deep link and a reload resume with it, a new tab signs in through Entra, nothing else token-like is stored', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser);
    const issued = { access: [], others: [] };
    page.context().on('response', async (response) => {
      if (!response.url().endsWith('/oauth2/v2.0/token') || response.request().method() !== 'POST') return;
      const body = await response.json().catch(() => ({}));
      if (body.access_token) issued.access.push(body.access_token);
      issued.others.push(...[body.refresh_token, body.id_token].filter(Boolean));
    });
    const authorizeCalls = async () => (await stack.requests()).filter((r) => r.path.endsWith('/oauth2/v2.0/authorize')).length;
    await signIn(page, stack.portalUrl);
    const signingIn = await authorizeCalls();
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(page).waitFor();
    await page.reload();
    await adeleLaptop(page).waitFor();
    assert.equal(await authorizeCalls(), signingIn, 'the deep link and the reload did not go to Entra');
    assert.equal(issued.access.length, 1);
    assert.ok(issued.others.length >= 2, 'a refresh token and an ID token were issued');
    const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage }, cookies: document.cookie }));
    assert.deepEqual(Object.keys(stored.session).sort(), ['helpdesk.access', 'helpdesk.config']);
    assert.ok(stored.session['helpdesk.access'].includes(issued.access[0]), 'the access token is kept for this tab');
    // Everything else (the configuration too), the tenant's id (a GUID, nothing secret) left out.
    const session = { ...stored.session, 'helpdesk.access': stored.session['helpdesk.access'].replace(issued.access[0], '') };
    const elsewhere = JSON.stringify({ ...stored, session }).replace(/[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}/g, '');
    for (const token of issued.others) assert.ok(!elsewhere.includes(token), 'a refresh or ID token is in storage');
    assert.doesNotMatch(elsewhere, /eyJ[\w-]+\.|[\w-]{32,}/, `nothing else token-like in ${elsewhere}`);

    // A new tab holds no token: Entra's session signs it in, with no page to click through.
    const tab = await page.context().newPage();
    await tab.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    await adeleLaptop(tab).waitFor();
    assert.equal(await authorizeCalls(), signingIn + 1, 'one silent trip to Entra');
    assert.equal(issued.access.length, 2);
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});
