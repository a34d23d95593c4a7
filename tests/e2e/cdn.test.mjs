// dist/ served by Debian's nginx under /helpdesk/ with the shipped configuration
// (dist/nginx.conf), as an administrator would deploy it: https with a certificate made for
// the test, and plain http that only redirects to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { launchBrowser, openPage, startStack } from './harness.mjs';
import { HASHED } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const dist = process.env.HELPDESK_DIST ?? join(root, 'dist');
const ADELE = 'AdeleV@contoso.onmicrosoft.com';

let browser;
let stack;
let nginx;
let site;
let plainSite;
let certificate;

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

const listening = (port) =>
  new Promise((done) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });

/** GET `url` (https checked against the test's certificate), without following redirects. */
const get = (url) =>
  new Promise((done, fail) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { ca: certificate }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });

/** `text` with `from` replaced by `to`; the shipped file must hold `from`, or the test is stale. */
function replaced(text, from, to) {
  assert.ok(text.includes(from), `dist/nginx.conf holds ${from}`);
  return text.replace(from, to);
}

before(async () => {
  browser = await launchBrowser();
  const [port, plainPort] = [await freePort(), await freePort()];
  site = `https://127.0.0.1:${port}/helpdesk/`;
  plainSite = `http://127.0.0.1:${plainPort}/helpdesk/`;
  // The app registration for this portal's exact addresses.
  stack = await startStack({ mockArgs: ['--redirect-uri', site, '--redirect-uri', `${site}signed-out`] });
  const dir = await mkdtemp(join(tmpdir(), 'helpdesk-nginx-'));
  await chmod(dir, 0o755); // nginx's workers run as another user
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  certificate = await readFile(join(dir, 'cert.pem'));
  await cp(dist, join(dir, 'srv', 'helpdesk'), { recursive: true });
  const config = JSON.parse(await readFile(join(root, 'public', 'config.json'), 'utf8'));
  const settings = { ...config, graphBaseUrl: stack.mockUrl, authority: `${stack.mockUrl}/contoso.onmicrosoft.com`, trustedAuthorityOrigin: stack.mockUrl };
  await writeFile(join(dir, 'srv', 'helpdesk', 'config.json'), JSON.stringify(settings));
  // The shipped file, with this machine's addresses (no IPv6, no privileged ports), folder,
  // certificate and Graph / sign-in origin; nothing else changes.
  const shipped = await readFile(join(dist, 'nginx.conf'), 'utf8');
  let site_conf = shipped;
  for (const [from, to] of [
    ['listen 80;', `listen 127.0.0.1:${plainPort};`],
    ['listen [::]:80;', ''],
    ['listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`],
    ['listen [::]:443 ssl;', ''],
    ['ssl_certificate /etc/ssl/certs/helpdesk.example.com.pem;', `ssl_certificate ${join(dir, 'cert.pem')};`],
    ['ssl_certificate_key /etc/ssl/private/helpdesk.example.com.key;', `ssl_certificate_key ${join(dir, 'key.pem')};`],
    ['root /srv/helpdesk;', `root ${join(dir, 'srv')};`],
    ["connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com", `connect-src 'self' ${stack.mockUrl}`],
  ]) {
    site_conf = replaced(site_conf, from, to);
  }
  await writeFile(join(dir, 'helpdesk.conf'), site_conf);
  const temp = (name) => `${name} ${join(dir, name)};`;
  await writeFile(
    join(dir, 'main.conf'),
    `worker_processes 1; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};
     events {}
     http {
       include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
       ${['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'].map(temp).join(' ')}
       include ${join(dir, 'helpdesk.conf')};
     }`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'main.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  nginx.stderr.on('data', (chunk) => (errors += chunk));
  for (let i = 0; i < 100 && !((await listening(port)) && (await listening(plainPort))); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok((await listening(port)) && (await listening(plainPort)), `nginx did not start: ${errors}`);
});

after(async () => {
  nginx?.kill();
  await browser?.close();
  await stack?.stop();
});

/** A page that records every Content-Security-Policy violation. */
async function watchedPage(options) {
  // Chromium does not know the test's certificate authority.
  const page = await openPage(browser, { ...options, contextOptions: { ignoreHTTPSErrors: true } });
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  page.violations = async () => [...violations, ...(await page.evaluate(() => window.__violations))];
  return page;
}

test('under /helpdesk/, a deep link signs in, reloads and navigates without any CSP violation', async () => {
  const page = await watchedPage();
  await page.goto(`${site}users/${ADELE}/devices`);
  await page.getByRole('button', { name: /Isaiah Langer/ }).click();
  await page.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/helpdesk/users/${ADELE}/devices`);
  await page.reload();
  await page.getByRole('cell', { name: 'DESKTOP-ADELE01' }).waitFor();
  await page.getByRole('link', { name: 'Enrollment failures' }).click();
  await page.getByRole('row').filter({ hasText: 'Device cap reached' }).getByRole('link').click();
  await page.getByRole('heading', { name: 'Device cap reached' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/helpdesk\/users\/.+\/enrollment-failures\/.+/);
  await page.getByRole('link', { name: 'Change user' }).click();
  await page.getByRole('heading', { name: 'Select a user' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/helpdesk/');
  const unchecked = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel=stylesheet], link[rel=modulepreload], link[rel=preload], script[src]')].filter((e) => !e.integrity).map((e) => e.outerHTML),
  );
  assert.deepEqual(unchecked, [], 'every stylesheet and script is loaded with its integrity');
  const boot = (await get(site + (await readdir(dist)).find((f) => f.startsWith('boot-')))).body;
  assert.match(boot, /fetch\(new URL\('\.\/helpdesk-[0-9a-f]{16}_bg\.wasm', import\.meta\.url\), \{ integrity: 'sha384-/, 'the wasm is fetched with its integrity');
  assert.deepEqual(await page.violations(), []);
  assert.deepEqual(page.problems, []);
});

test('sign-out under /helpdesk/ comes back to its signed-out page', async () => {
  const page = await watchedPage();
  await page.goto(site);
  await page.getByRole('button', { name: /Isaiah Langer/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'You are signed out' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/helpdesk/signed-out');
  assert.deepEqual(await page.violations(), []);
});

test('hashed assets are cached for a year; index.html, config.json and routes are never stored', async () => {
  const files = await readdir(dist);
  const hashed = files.filter((f) => HASHED.test(f));
  assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.startsWith('boot-')) && hashed.some((f) => f.startsWith('stylers-')));
  for (const file of hashed) {
    const response = await get(site + file);
    assert.equal(response.status, 200, file);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', file);
  }
  assert.equal((await get(site + hashed.find((f) => f.endsWith('.wasm')))).headers['content-type'], 'application/wasm');
  for (const path of ['', 'index.html', 'config.json', `users/${ADELE}/groups`, 'signed-out']) {
    const response = await get(site + path);
    assert.equal(response.status, 200, path);
    assert.equal(response.headers['cache-control'], 'no-store', path);
    const csp = response.headers['content-security-policy'];
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "'wasm-unsafe-eval'"]) assert.ok(csp.includes(directive), `${directive} on ${path}`);
    assert.ok(!csp.includes('unsafe-inline'));
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.match(response.headers['strict-transport-security'], /max-age=31536000/);
  }
  assert.equal((await get(`${site}no/such/file`)).status, 404, 'only the portal\'s routes fall back to index.html');
});

test('the hosting configurations shipped in dist/ are not served', async () => {
  const files = await readdir(dist);
  for (const file of ['nginx.conf', '_headers', '_redirects', 'staticwebapp.config.json']) {
    assert.ok(files.includes(file), `dist/ holds ${file}`);
    const response = await get(site + file);
    assert.equal(response.status, 404, file);
    assert.ok(!response.body.includes('helpdesk'), `${file} is not in the answer`);
  }
});

test('plain http only redirects to https, keeping the address', async () => {
  for (const path of ['', `users/${ADELE}/devices`, 'config.json']) {
    const response = await get(plainSite + path);
    assert.equal(response.status, 301, path);
    assert.equal(response.headers.location, `https://127.0.0.1/helpdesk/${path}`, path);
    assert.ok(!response.body.includes('helpdesk-assets'), 'no page over plain http');
  }
});
