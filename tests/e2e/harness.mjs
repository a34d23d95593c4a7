// Starts what a browser test needs: the Graph stand-in on a free port, the built portal
// served with a config.json pointing at it, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveApart, serveHere } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const dist = process.env.HELPDESK_DIST ?? join(root, 'dist');
const mockBin = process.env.GRAPH_MOCK_BIN ?? join(root, 'target', 'debug', 'graph-mock');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function startMock(args) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mockBin, ['--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/serving Graph on (http:\/\/\S+) /);
      if (match) resolvePromise({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`graph-mock exited with ${code}: ${seen}`)));
  });
}

/** The paths of the tenant's catalogue of policies, profiles and apps, which the portal reads once a session. */
export const CATALOGUE = /\/(deviceCompliancePolicies|deviceConfigurations|configurationPolicies|mobileApps|iosManagedAppProtections|androidManagedAppProtections|assignmentFilters)\b/;

/**
 * The demo stack; `mockArgs` go to graph-mock, `config` overrides fields of config.json, and
 * `apart` serves the portal from a process of its own (see `serveApart`).
 */
export async function startStack({ mockArgs = [], config = {}, rawConfig, apart = false } = {}) {
  const mock = await startMock(mockArgs);
  const dir = await mkdtemp(join(tmpdir(), 'helpdesk-e2e-'));
  const configFile = join(dir, 'config.json');
  const base = JSON.parse(await (await import('node:fs/promises')).readFile(join(root, 'public', 'config.json'), 'utf8'));
  const authority = { authority: `${mock.url}/contoso.onmicrosoft.com`, trustedAuthorityOrigin: mock.url };
  const body = rawConfig ?? JSON.stringify({ ...base, graphBaseUrl: mock.url, ...authority, ...config });
  await writeFile(configFile, body);
  const site = apart ? await serveApart(dist, configFile) : await serveHere(dist, configFile);
  return {
    portalUrl: site.url,
    mockUrl: mock.url,
    async requests() {
      return (await (await fetch(`${mock.url}/_mock/requests`)).json()).requests;
    },
    async addFault(rule) {
      const response = await fetch(`${mock.url}/_mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
      if (!response.ok) throw new Error(await response.text());
    },
    async clearFaults() {
      await fetch(`${mock.url}/_mock/faults`, { method: 'DELETE' });
    },
    /** What config.json answers from now on. */
    async writeConfig(text) {
      await writeFile(configFile, text);
    },
    async stop() {
      await closeContexts();
      mock.child.removeAllListeners('exit');
      mock.child.kill();
      await site.stop();
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

const openContexts = new Set();

async function closeContexts() {
  const closing = [...openContexts].map((context) => Promise.race([context.close(), new Promise((r) => setTimeout(r, 10000))]));
  openContexts.clear();
  await Promise.all(closing);
}

/** Signs in on the stand-in's account picker as `operator` and waits to be back in the portal. */
export async function signIn(page, portalUrl, operator = 'Isaiah Langer') {
  await page.goto(portalUrl);
  await page.getByRole('button', { name: new RegExp(operator) }).click();
  await page.getByTestId('operator').getByText(operator).waitFor();
}

/**
 * A page that fails the test on any uncaught error or panic in the portal; closed by the
 * stack's stop(). With `stack`, the page is signed in first (as `operator`); `contextOptions`
 * go to Playwright's browser context.
 */
export async function openPage(browser, { locale = 'en-US', stack, operator, permissions = [], contextOptions = {} } = {}) {
  const context = await browser.newContext({ locale, permissions, ...contextOptions });
  openContexts.add(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /panicked|RuntimeError|unreachable/.test(message.text())) problems.push(message.text());
  });
  page.problems = problems;
  if (stack) await signIn(page, stack.portalUrl, operator);
  return page;
}

/** Waits until `condition()` holds (checked every 100 ms, at most `timeoutMs`), then returns its value. */
export async function until(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
