// Part of the Trunk post-build hook (finish-dist.mjs): when the build marks split points
// (`--cfg helpdesk_split`, the release build), the linked wasm is split with wasm-split-cli
// into the start-up module and the chunks fetched later (the user view's, the sign-in code's,
// the account state's, and what they share). Trunk 0.21 has no step between linking and
// wasm-bindgen, so this redoes wasm-bindgen and wasm-opt on the split modules and swaps them
// in for Trunk's, under content-hashed names. The JavaScript it writes (wasm-bindgen's
// bindings, most of the first load's script, and the link module that fetches the chunks) is
// minified, the functions the wasm imports from the bindings get short names
// (short-imports.mjs), and wasm-streams' classes, which nothing uses, leave both
// (drop-exports.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropClasses } from './drop-exports.mjs';
import { shortenImports } from './short-imports.mjs';

// The npm packages are installed in tests/e2e (tests/tools/setup.sh).
const { minify } = createRequire(new URL('../e2e/package.json', import.meta.url))('terser');

const PLACEHOLDER = '__wasm_split_placeholder__';
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
const LINK_FILE = '__wasm_split.js';

/**
 * Splits the wasm if it has split points; rewrites `html` (Trunk's tags and loader) to the
 * new files and returns it, with the extra modules to preload. `name(stem, ext, data)` gives
 * a content-hashed file name, `integrity(data)` an SRI value.
 */
export async function splitWasm({ html, staging, source, name, integrity }) {
  const trunkJs = html.match(/href="\/(helpdesk-[0-9a-f]+)\.js"/)?.[1];
  if (!trunkJs) throw new Error('finish-dist: Trunk\'s helpdesk-<hash>.js was not found in index.html');
  const bindings = await readFile(join(staging, `${trunkJs}.js`), 'utf8');
  if (!bindings.includes(PLACEHOLDER)) return { html, preloads: [] };

  const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
  const linked = join(process.env.CARGO_TARGET_DIR ?? join(source, 'target'), 'wasm32-unknown-unknown', profile, 'helpdesk.wasm');
  const work = await mkdtemp(join(tmpdir(), 'helpdesk-split-'));
  try {
    const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    run('wasm-split-cli', [linked, work, '--out-name', 'helpdesk']);
    run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--out-name', 'helpdesk', '--out-dir', join(work, 'bindgen'), join(work, 'helpdesk.wasm')]);
    // The same wasm-opt features Trunk is given in the source index.html.
    const sourceHtml = await readFile(join(source, 'index.html'), 'utf8');
    const params = (sourceHtml.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);
    // Symbol names kept only for tests/tools/size-profile.sh and CPU profiles.
    const names = process.env.HELPDESK_WASM_NAMES === '1' ? ['-g'] : [];
    const optimise = (file) => run('wasm-opt', ['-Oz', ...names, ...params, file, '-o', file]);

    const chunks = (await readdir(work)).filter((file) => file.endsWith('.wasm') && file !== 'helpdesk.wasm');
    if (chunks.length === 0) throw new Error('finish-dist: wasm-split-cli produced no chunk');
    let link = await readFile(join(work, LINK_FILE), 'utf8');
    for (const chunk of chunks) {
      optimise(join(work, chunk));
      const data = await readFile(join(work, chunk));
      const hashed = name(chunk.replace(/\.wasm$/, ''), 'wasm', data);
      await writeFile(join(staging, hashed), data);
      const fetchCall = `fetch(new URL("./${chunk}", import.meta.url))`;
      if (!link.includes(fetchCall)) throw new Error(`finish-dist: ${LINK_FILE} does not fetch ${chunk} as expected`);
      link = link.replace(fetchCall, `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${integrity(data)}" })`);
    }

    const wasmPath = join(work, 'bindgen', 'helpdesk_bg.wasm');
    const used = dropClasses(await readFile(wasmPath), await readFile(join(work, 'bindgen', 'helpdesk.js'), 'utf8'), UNUSED_CLASSES);
    await writeFile(wasmPath, used.wasm);
    optimise(wasmPath);
    const { wasm, bindings: bindingsText } = shortenImports(await readFile(wasmPath), used.bindings, './helpdesk_bg.js');
    const wasmName = name('helpdesk', 'wasm', wasm).replace(/\.wasm$/, '_bg.wasm');
    await writeFile(join(staging, wasmName), wasm);

    // The link module and the bindings import each other; the link module's name is fixed
    // first (it names the bindings only through a placeholder), then the bindings'.
    // Only the import statements change (one per split module): the wasm still names its
    // import module the same.
    const importOfLink = `from "./${LINK_FILE}"`;
    if (!bindingsText.includes(importOfLink)) throw new Error(`finish-dist: the bindings do not import ${LINK_FILE}`);
    // Named after the link module too, which changes with the chunks.
    const jsName = name('helpdesk', 'js', bindingsText + link);
    link = await minified(link.replace('from "./helpdesk.js"', `from "./${jsName}"`));
    const linkName = name('wasm-split', 'js', link);
    const finalBindings = await minified(bindingsText.replaceAll(importOfLink, `from "./${linkName}"`));
    await writeFile(join(staging, linkName), link);
    await writeFile(join(staging, jsName), finalBindings);

    const trunkWasm = await readFile(join(staging, `${trunkJs}_bg.wasm`));
    const trunkBindings = Buffer.from(bindings);
    html = html
      .replaceAll(integrity(trunkWasm), integrity(wasm))
      .replaceAll(integrity(trunkBindings), integrity(finalBindings))
      .replaceAll(`${trunkJs}_bg.wasm`, wasmName)
      .replaceAll(`${trunkJs}.js`, jsName);
    await rm(join(staging, `${trunkJs}_bg.wasm`));
    await rm(join(staging, `${trunkJs}.js`));
    const preloads = [{ tag: 'link', attrs: { rel: 'modulepreload', href: linkName, crossorigin: 'anonymous', integrity: integrity(link) } }];
    return { html, preloads };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `code`, an ES module, minified; its exports and the imports' property names stay as they are. */
async function minified(code) {
  const result = await minify(code, { module: true, compress: true, mangle: true });
  return result.code;
}
