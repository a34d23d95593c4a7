// Reading and rewriting the sections of a wasm module, for the release build's steps on the
// start-up module (short-imports.mjs, drop-exports.mjs).

/** Unsigned LEB128 at `at`: [value, the offset after it]. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

export function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A name (length and UTF-8) at `at`: [text, the offset after it]. */
export function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

/** `text` as a wasm name: its length, then its UTF-8 bytes. */
export function name(text) {
  const encoded = encoder.encode(text);
  return [...leb(encoded.length), ...encoded];
}

/**
 * `wasm` with the body of its section `id` replaced by what `rewrite(wasm, start, end)` returns
 * (an array of bytes); `wasm` itself when it has no such section.
 */
export function rewriteSection(wasm, id, rewrite) {
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (wasm[at] === id) {
      const body = rewrite(wasm, start, end);
      const header = Uint8Array.from([id, ...leb(body.length)]);
      return Buffer.concat([wasm.subarray(0, at), header, Uint8Array.from(body), wasm.subarray(end)]);
    }
    at = end;
  }
  return wasm;
}
