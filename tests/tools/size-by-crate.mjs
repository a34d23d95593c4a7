// Sums a wasm module's bytes by crate from twiggy's item list (`twiggy top -n 1000000 -f csv`),
// for tests/tools/size-profile.sh. Usage: node size-by-crate.mjs FILE.csv [LABEL]
import { readFile } from 'node:fs/promises';

const [csvFile, label = csvFile] = process.argv.slice(2);
const lines = (await readFile(csvFile, 'utf8')).trim().split('\n').slice(1);

/** The crate an item belongs to: the first path in its name (a trait impl counts for its type). */
function crateOf(name) {
  if (name.startsWith('data segment')) return '(data: strings, tables)';
  if (/^(code|func)\[\d+\]$/.test(name)) return '(unnamed code)';
  const path = name.match(/([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return path ? path[1] : '(wasm sections, imports, exports, glue)';
}

/** The first two fields of a CSV line: the item's name (maybe quoted) and its size. */
function fields(line) {
  const quoted = line.match(/^"((?:[^"]|"")*)",(\d+),/);
  if (quoted) return [quoted[1].replace(/""/g, '"'), Number(quoted[2])];
  const plain = line.match(/^([^,]*),(\d+),/);
  return plain ? [plain[1], Number(plain[2])] : undefined;
}

const bytes = new Map();
/** The portal's own code by module, to see which of its parts a module carries. */
const own = new Map();
let total = 0;
for (const line of lines) {
  const item = fields(line);
  // The names themselves are kept only for this profile: the shipped module has none.
  if (!item || /subsection|^custom section/.test(item[0])) continue;
  const [name, size] = item;
  total += size;
  const crate = crateOf(name);
  bytes.set(crate, (bytes.get(crate) ?? 0) + size);
  const module = name.match(/helpdesk(?:\[[0-9a-f]+\])?::([a-z_]+(?:::[a-z_]+)?)/)?.[1];
  if (crate === 'helpdesk' && module) own.set(module, (own.get(module) ?? 0) + size);
}
console.log(`\n${label}: ${(total / 1024).toFixed(1)} KB before compression`);
for (const [crate, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`  ${crate.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KB ${((size / total) * 100).toFixed(1).padStart(5)} %`);
}
console.log('  of which the portal\'s own modules:');
for (const [module, size] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`    ${module.padEnd(38)} ${(size / 1024).toFixed(1).padStart(7)} KB`);
}
