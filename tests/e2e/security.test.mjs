// What the security review asked for (issue 20), end to end: the bearer token goes to Graph
// only, an answer the portal did not ask for is not shown, sign-out ends every tab and the
// page, an idle operator is signed out, and no token lies in Web Storage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startStack } from './harness.mjs';

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
    await stack.addFault({ match: 'managedDevices$', fault: 'foreign-next-link', times: 1 });
    await page.goto(`${stack.portalUrl}/users/${ADELE}/devices`);
    const alert = page.getByRole('alert').filter({ hasText: 'pointed to another server' });
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
