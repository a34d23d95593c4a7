// Part of the release build (split-wasm.mjs). server_fn, which Leptos always links, exports
// wasm-streams' adapters from Rust streams to JavaScript ones (`IntoUnderlyingSource` and two
// more): 13 functions of the start-up module and three classes of its bindings, kept although
// the portal never makes such a stream. Both sides are taken out; what the functions alone
// reach goes with them when wasm-opt runs.
import { createRequire } from 'node:module';
import { leb, readLeb, readName, rewriteSection } from './wasm-binary.mjs';

// The npm packages are installed in tests/e2e (tests/tools/setup.sh).
const { parse } = createRequire(new URL('../e2e/package.json', import.meta.url))('acorn');

/** Every place `text` is a whole identifier in JavaScript code. */
const token = (text) => new RegExp(`(?<![\\w$])${text}(?![\\w$])`);

/**
 * `wasm` without the exports of the classes named in `classes`, and `bindings` (wasm-bindgen's
 * JavaScript, before minifying) without their classes. Throws if a class is not found, or if
 * anything else still uses what was taken out.
 */
export function dropClasses(wasm, bindings, classes) {
  const prefixes = classes.map((name) => name.toLowerCase()).flatMap((name) => [`${name}_`, `__wbg_${name}_free`]);
  const dropped = [];
  wasm = rewriteSection(wasm, 7, (bytes, start) => {
    let [count, cursor] = readLeb(bytes, start);
    const kept = [];
    let left = 0;
    for (; count > 0; count -= 1) {
      const [field, afterName] = readName(bytes, cursor);
      const after = readLeb(bytes, afterName + 1)[1];
      if (prefixes.some((prefix) => field.startsWith(prefix))) {
        dropped.push(field);
      } else {
        kept.push(...bytes.subarray(cursor, after));
        left += 1;
      }
      cursor = after;
    }
    return [...leb(left), ...kept];
  });

  // The top-level statements that declare the classes or their finalization registries, or use them.
  const names = classes.flatMap((name) => [name, `${name}Finalization`]);
  const uses = (text) => names.some((name) => token(name).test(text));
  const statements = parse(bindings, { ecmaVersion: 'latest', sourceType: 'module' }).body;
  const removed = statements.filter((statement) => uses(bindings.slice(statement.start, statement.end)));
  for (const name of classes) {
    const declared = removed.some((s) => s.type === 'ExportNamedDeclaration' && s.declaration?.type === 'ClassDeclaration' && s.declaration.id.name === name);
    if (!declared) throw new Error(`drop-exports: the bindings do not export the class ${name}`);
  }
  for (const statement of removed.reverse()) {
    bindings = bindings.slice(0, statement.start) + bindings.slice(statement.end);
  }
  const left = [...names, ...dropped].find((name) => token(name).test(bindings));
  if (left) throw new Error(`drop-exports: the bindings still use ${left}`);
  if (dropped.length === 0) throw new Error('drop-exports: the module exports none of the classes\' functions');
  return { wasm, bindings };
}
