// The app shell against the demo tenant: account state, routes, language, configuration.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the header shows the demo tenant as Active with its raw subscription state', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    const state = page.getByTestId('account-state');
    await state.waitFor();
    assert.match(await state.innerText(), /Active/);
    assert.ok(await page.getByText('Subscription state: active').isVisible());
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('an inactive tenant is shown as Inactive', async () => {
  const stack = await startStack({ mockArgs: ['--subscription-state', 'lockedOut'] });
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    await page.getByTestId('account-state').getByText('Inactive').waitFor();
    assert.ok(await page.getByText('Subscription state: lockedOut').isVisible());
  } finally {
    await stack.stop();
  }
});

test('a French browser gets French, and the switch goes back to English', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { locale: 'fr-FR', stack });
    await page.goto(stack.portalUrl);
    await page.getByTestId('account-state').getByText('Actif').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    await page.getByLabel('Langue').selectOption('en');
    await page.getByTestId('account-state').getByText('Active').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await stack.stop();
  }
});

test('an unknown route says so and links back to user selection', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(`${stack.portalUrl}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to user selection' }).click();
    await page.getByRole('heading', { name: 'Select a user' }).waitFor();
  } finally {
    await stack.stop();
  }
});

test('a broken config.json shows what to fix instead of a blank page', async () => {
  const stack = await startStack({ rawConfig: JSON.stringify({ graphBaseUrl: 'ftp://graph', scopes: [] }) });
  try {
    const page = await openPage(browser);
    await page.goto(stack.portalUrl);
    await page.getByRole('heading', { name: 'The portal is not set up yet' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.match(text, /graphBaseUrl/);
    assert.match(text, /clientId/);
    assert.match(text, /scopes/);
  } finally {
    await stack.stop();
  }
});

test('config.json is asked for once a load (the start-up script asks, beside the wasm)', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    const asked = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/config.json')) asked.push(request);
    });
    await page.goto(stack.portalUrl);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
    await page.reload();
    await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
    // The wasm takes the start-up script's request instead of asking again.
    assert.equal(asked.length, 2, 'one request for each of the two loads');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('a reload starts with the configuration the tab read before, and a changed config.json wins', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    const search = page.getByRole('combobox', { name: 'Name or e-mail' });
    await search.waitFor();
    // config.json held on its way: the reloaded portal takes input without it.
    let answer;
    const held = new Promise((resolve) => (answer = resolve));
    let asked = false;
    await page.route('**/config.json', async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.id === 'user-search');
    assert.ok(asked, 'config.json was asked for, and is still on its way');
    answer();
    // A broken configuration replaces the good one at the next reload, and is not kept.
    await stack.writeConfig(JSON.stringify({ graphBaseUrl: 'ftp://graph', scopes: [] }));
    await page.reload();
    await page.getByRole('heading', { name: 'The portal is not set up yet' }).waitFor();
    const again = new Promise(() => {});
    await page.unroute('**/config.json');
    await page.route('**/config.json', () => again);
    await page.reload();
    await page.getByText('Loading').waitFor();
    assert.equal(await search.count(), 0, 'no portal before config.json answers');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('typing a name finds the user and Enter opens them; a deep link reloads', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    const search = page.getByRole('combobox', { name: 'Name or e-mail' });
    await search.waitFor();
    assert.ok(await search.evaluate((el) => el === document.activeElement), 'the search box has focus on load');
    await search.pressSequentially('adele');
    await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
    await search.press('Enter');
    await page.getByRole('heading', { name: 'Adele Vance' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Adele Vance' }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('pressing on a search result starts loading the user before the button is released, and only once', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
    const option = page.getByRole('option', { name: /Adele Vance/ });
    await option.waitFor();
    // The user view's chunk, fetched after start-up, holds the loading code.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_user_view/.test(e.name)));
    await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
    const box = await option.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const sent = page.waitForRequest((request) => request.url().endsWith('/$batch'));
    await page.mouse.down();
    await sent;
    assert.equal(await page.getByRole('heading', { name: 'Adele Vance' }).count(), 0, 'still on the search page');
    await page.mouse.up();
    await page.getByRole('region', { name: 'User status' }).getByText(/Licensed/).waitFor();
    const licence = (await stack.requests()).filter((r) => r.path.includes('/licenseDetails'));
    assert.equal(licence.length, 1, 'the view uses the load its press started');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('the account state comes after start-up; when its code cannot be downloaded the header says so and searching still works', async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.route(/\/split_account_state[^/]*\.wasm$/, (route) => route.abort());
    await page.goto(stack.portalUrl);
    const state = page.getByTestId('account-state');
    await state.getByText('Account state unavailable').waitFor();
    assert.match(await state.getAttribute('title'), /This part of the portal could not be downloaded/);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
    await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('the search comes after start-up; when its code cannot be downloaded the results say so, and Retry finds the user', async () => {
  const stack = await startStack();
  const chunk = /\/split_user_search[^/]*\.wasm$/;
  try {
    const page = await openPage(browser, { stack });
    await page.route(chunk, (route) => route.abort());
    await page.goto(stack.portalUrl);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).fill('adele');
    const unavailable = page.getByRole('alert').filter({ hasText: 'This part of the portal could not be downloaded' });
    await unavailable.waitFor();
    assert.equal(await page.getByRole('option', { name: /Adele Vance/ }).count(), 0);
    await page.unroute(chunk);
    await unavailable.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});

test('the user view comes after start-up; when it cannot be downloaded the page says so, and Reload recovers', async () => {
  const stack = await startStack();
  const chunk = /\/split_user_view[^/]*\.wasm$/;
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
    await page.waitForRequest(chunk);

    const offline = await openPage(browser, { stack });
    await offline.route(chunk, (route) => route.abort());
    await offline.goto(`${stack.portalUrl}/users/AdeleV@contoso.onmicrosoft.com/devices`);
    await offline.getByRole('alert').getByText('This part of the portal could not be downloaded').waitFor();
    await offline.getByTestId('account-state').getByText('Active').waitFor();
    await offline.unroute(chunk);
    await offline.getByRole('button', { name: 'Reload' }).click();
    await offline.getByRole('heading', { name: 'Adele Vance' }).waitFor();
    assert.deepEqual(offline.problems, []);
  } finally {
    await stack.stop();
  }
});

test("after start-up the user view's code runs once on a made-up user that leaves no trace, and the first user then opens", async () => {
  const stack = await startStack();
  try {
    const page = await openPage(browser, { stack });
    await page.goto(stack.portalUrl);
    await page.getByRole('combobox', { name: 'Name or e-mail' }).waitFor();
    await fetch(`${stack.mockUrl}/_mock/requests`, { method: 'DELETE' });
    await page.waitForFunction(() => performance.getEntriesByName('helpdesk:warm-up').length === 1);
    const calls = (await stack.requests()).filter((r) => !r.path.startsWith('/_mock'));
    assert.deepEqual(calls.map((r) => r.path).filter((path) => /\/users\b/.test(path)), [], 'no call about a user');
    assert.equal(await page.getByText('Sample User').count(), 0, 'nothing of it on screen');
    assert.equal(await page.getByRole('link', { name: /Sample/ }).count(), 0, 'not among the recent users');
    const search = page.getByRole('combobox', { name: 'Name or e-mail' });
    await search.fill('adele');
    await page.getByRole('option', { name: /Adele Vance/ }).click();
    await page.getByTestId('devices-summary').getByRole('link', { name: 'DESKTOP-ADELE01' }).waitFor();
    await page.getByRole('link', { name: 'Change user' }).click();
    await page.getByRole('link', { name: /Adele Vance/ }).waitFor();
    assert.equal(await page.getByText(/Sample/).count(), 0, 'the recent users list Adele alone');
    assert.deepEqual(page.problems, []);
  } finally {
    await stack.stop();
  }
});
