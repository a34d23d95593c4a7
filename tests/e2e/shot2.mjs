import { startStack, launchBrowser, openPage } from './harness.mjs';
const stack = await startStack({ mockArgs: ['--tenant', '../graph-mock/fixtures/hostile.json'] });
const browser = await launchBrowser();
const page = await openPage(browser, { stack });
await page.goto(`${stack.portalUrl}/users/Mallory@contoso.onmicrosoft.com/devices/d-hostile`);
await page.waitForTimeout(5000);
console.log((await page.locator('main').innerText()).replace(/x{50,}/g,'xxx…').slice(1200, 6000));
console.log(page.problems);
await browser.close(); await stack.stop();
