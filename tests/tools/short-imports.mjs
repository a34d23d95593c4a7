// Part of the release build (split-wasm.mjs). wasm-bindgen names each JavaScript function the
// wasm imports after its binding and a hash (`__wbg_setAttribute_5a7bc3ae8c0bf3bd`), once in
// the wasm's import section and once in the bindings that provide it: about 250 names, 13 KB
// of the start-up module. Both get the same short names instead (`$0`, `$1`, …).

import { leb, name, readLeb, readName, rewriteSection } from './wasm-binary.mjs';

/** The offset after a value type or reference type at `at` (a typed reference has a heap type after it). */
function skipValueType(bytes, at) {
  const type = bytes[at++];
  return type === 0x63 || type === 0x64 ? readLeb(bytes, at)[1] : at;
}

/** The offset after a table's or memory's limits (flags: a maximum, a custom page size). */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  at = readLeb(bytes, at)[1];
  if (flags & 0x01) at = readLeb(bytes, at)[1];
  if (flags & 0x08) at = readLeb(bytes, at)[1];
  return at;
}

/** The offset after an import's description (function, table, memory, global or tag). */
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0x00:
      return readLeb(bytes, at)[1];
    case 0x01:
      return skipLimits(bytes, skipValueType(bytes, at));
    case 0x02:
      return skipLimits(bytes, at);
    case 0x03:
      return skipValueType(bytes, at) + 1;
    case 0x04:
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/** Every place `text` is a whole identifier or property key in JavaScript code. */
const token = (text) => new RegExp(`(?<![\\w$])${text.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');

/**
 * `wasm` (a Uint8Array) and its `bindings` (the JavaScript text) with every function imported
 * from `module` renamed, in both, to a short name. Throws if a name is not in the bindings.
 */
export function shortenImports(wasm, bindings, module) {
  wasm = rewriteSection(wasm, 2, (bytes, start) => {
    let [count, cursor] = readLeb(bytes, start);
    const section = [...leb(count)];
    let next = 0;
    for (; count > 0; count -= 1) {
      const [from, afterModule] = readName(bytes, cursor);
      const [field, afterField] = readName(bytes, afterModule);
      const after = skipImportDescription(bytes, afterField);
      let newField = field;
      if (from === module && bytes[afterField] === 0x00) {
        newField = `$${(next++).toString(36)}`;
        const pattern = token(field);
        if (!pattern.test(bindings)) throw new Error(`short-imports: ${field} is not in the bindings`);
        bindings = bindings.replace(pattern, () => newField);
      }
      section.push(...name(from), ...name(newField), ...bytes.subarray(afterField, after));
      cursor = after;
    }
    return section;
  });
  return { wasm, bindings };
}
