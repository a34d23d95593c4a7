// Trunk post-build hook: splits the release wasm (split-wasm.mjs), and makes dist/
// independent of the path it is served from and fit for a strict Content-Security-Policy. Trunk's asset tags (absolute, and an inline loader) become
// a JSON list that index.html's start-up script loads from the portal's mount; the loader
// moves to a hashed file; the stylers stylesheet joins with a hashed name. Every file keeps
// its subresource integrity. Finally, the deployment configurations shipped in dist/ must
// allow exactly the start-up script's hash and store no page.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitWasm } from './split-wasm.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const digest = (algorithm, data, encoding) => createHash(algorithm).update(data).digest(encoding);
const integrity = (data) => `sha384-${digest('sha384', data, 'base64')}`;
const hashedName = (stem, extension, data) => `${stem}-${digest('sha256', data, 'hex').slice(0, 16)}.${extension}`;
const attribute = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
const relative = (href) => href.replace(/^\//, '');

const split = await splitWasm({ html: await readFile(join(staging, 'index.html'), 'utf8'), staging, source, name: hashedName, integrity });
let html = split.html;
const assets = [];

for (const tag of html.match(/<link rel="stylesheet"[^>]*>/g) ?? []) {
  assets.push({ tag: 'link', attrs: { rel: 'stylesheet', href: relative(attribute(tag, 'href')), integrity: attribute(tag, 'integrity') } });
  html = html.replace(tag, '');
}

const stylers = await readFile(join(source, 'target', 'stylers', 'main.css'));
const stylersName = hashedName('stylers', 'css', stylers);
await writeFile(join(staging, stylersName), stylers);
assets.push({ tag: 'link', attrs: { rel: 'stylesheet', href: stylersName, integrity: integrity(stylers) } });

for (const tag of html.match(/<link rel="(?:modulepreload|preload)"[^>]*>/g) ?? []) {
  const attrs = {};
  for (const name of ['rel', 'href', 'as', 'type', 'crossorigin', 'integrity']) {
    const value = attribute(tag, name);
    if (value !== undefined) attrs[name] = name === 'href' ? relative(value) : value;
  }
  assets.push({ tag: 'link', attrs });
  html = html.replace(tag, '');
}
assets.push(...split.preloads);

const loader = html.match(/<script type="module"[^>]*>([\s\S]*?import init[\s\S]*?)<\/script>/);
if (!loader) throw new Error('finish-dist: Trunk\'s loader script was not found in index.html');
// Imports resolve against the loader's own address; the wasm, passed as a string, would
// resolve against the page's, so it is fetched from beside the loader, with its integrity.
const wasmIntegrity = assets.find((asset) => asset.attrs.as === 'fetch' && asset.attrs.href.endsWith('.wasm'))?.attrs.integrity;
if (!wasmIntegrity) throw new Error('finish-dist: the wasm preload (with its integrity) was not found');
const boot = loader[1]
  .replace(/from '\/([^']+)'/g, "from './$1'")
  .replace(/module_or_path: '\/([^']+)'/, `module_or_path: fetch(new URL('./$1', import.meta.url), { integrity: '${wasmIntegrity}' })`);
const bootName = hashedName('boot', 'js', boot);
await writeFile(join(staging, bootName), boot);
assets.push({ tag: 'script', attrs: { type: 'module', src: bootName, crossorigin: 'anonymous', integrity: integrity(boot) } });
html = html.replace(loader[0], '');

assets.push({ tag: 'link', attrs: { rel: 'icon', href: 'favicon.svg', type: 'image/svg+xml' } });
const list = JSON.stringify(assets).replace(/</g, '\\u003c');
html = html.replace('</head>', `<script type="application/json" id="helpdesk-assets">${list}</script>\n</head>`);
html = html.replace(/\n(\s*\n)+/g, '\n');
await writeFile(join(staging, 'index.html'), html);

const startUp = html.match(/<script>([\s\S]*?)<\/script>/)[1];
const startUpHash = `'sha256-${digest('sha256', startUp, 'base64')}'`;
for (const config of ['_headers', 'staticwebapp.config.json', 'nginx.conf']) {
  const text = await readFile(join(staging, config), 'utf8');
  if (!text.includes(startUpHash)) {
    throw new Error(`finish-dist: public/${config} must allow index.html's start-up script: script-src … ${startUpHash}`);
  }
  // Only nginx's is served in the tests: the others are held to the same cache rule here.
  if (!text.includes('no-store') || text.includes('no-cache')) {
    throw new Error(`finish-dist: public/${config} must send index.html, config.json and the routes with Cache-Control: no-store`);
  }
}

// Every file named after its hash is kept a year by the configurations not served in the
// tests (nginx's rule is a pattern, checked by cdn.test.mjs): a new kind of hashed file, such
// as wasm-split's shared chunks, needs a rule of its own there.
const globMatches = (glob, path) => new RegExp(`^${glob.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`).test(path);
const kept = {
  _headers: (text) => {
    const paths = [];
    let path;
    for (const line of text.split('\n')) {
      if (line.startsWith('/')) path = line.trim();
      else if (/^\s+Cache-Control:.*immutable/.test(line)) paths.push(path);
    }
    return paths;
  },
  'staticwebapp.config.json': (text) => JSON.parse(text).routes.filter((route) => route.headers?.['Cache-Control']?.includes('immutable')).map((route) => route.route),
};
const hashedFiles = (await readdir(staging)).filter((file) => /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/.test(file));
for (const [config, rules] of Object.entries(kept)) {
  const globs = rules(await readFile(join(staging, config), 'utf8'));
  const uncached = hashedFiles.filter((file) => !globs.some((glob) => globMatches(glob, `/${file}`)));
  if (uncached.length) throw new Error(`finish-dist: public/${config} must cache ${uncached.join(', ')} for a year (immutable)`);
}
