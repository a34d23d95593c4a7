// Takes the README's screenshot of the portal on the demo tenant (needs a built dist/):
// node tests/e2e/screenshot.mjs
import { join } from 'node:path';
import { launchBrowser, openPage, startStack } from './harness.mjs';

const stack = await startStack();
const browser = await launchBrowser();
try {
  const page = await openPage(browser, { stack });
  await page.setViewportSize({ width: 1366, height: 600 });
  await page.goto(stack.portalUrl);
  await page.getByRole('combobox', { name: 'Name or e-mail' }).pressSequentially('ad');
  await page.getByRole('option', { name: /Adele Vance/ }).waitFor();
  await page.getByRole('combobox', { name: 'Name or e-mail' }).press('ArrowDown');
  await page.screenshot({ path: join(import.meta.dirname, 'readme-screenshot.png') });
} finally {
  await browser.close();
  await stack.stop();
}
