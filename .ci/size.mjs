// Prints the size of what Folio ships (the .wasm, .js and .css Trunk wrote to dist/):
// raw, gzip (level 9) and brotli (quality 11) bytes, per file and in total.
// Usage: node .ci/size.mjs [dist] [--json out.json]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const jsonAt = args.indexOf('--json');
const kinds = ['.wasm', '.js', '.css'];
const rows = readdirSync(dist)
  .filter((f) => kinds.includes(extname(f)))
  .sort()
  .map((file) => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
if (!rows.some((r) => r.file.endsWith('.wasm'))) {
  console.error(`no .wasm in ${dist}: build first`);
  process.exit(1);
}
const sum = (filter, key) => rows.filter(filter).reduce((n, r) => n + r[key], 0);
const app = (r) => r.file.endsWith('.wasm') || r.file.endsWith('.js');
const total = { file: 'app total (wasm + js)', raw: sum(app, 'raw'), gzip: sum(app, 'gzip'), brotli: sum(app, 'brotli') };
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
console.log(`\nShipped size of ${dist}/`);
console.log('file'.padEnd(40) + 'raw'.padStart(12) + 'gzip'.padStart(12) + 'brotli'.padStart(12));
for (const r of [...rows, total]) {
  console.log(r.file.padEnd(40) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
}
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify({ files: rows, total }, null, 2));
