// Prints the size of what Folio ships (the .wasm, .js and .css Trunk wrote to dist/):
// raw, gzip (level 9) and brotli (quality 11) bytes, per file and in total.
// Usage: node .ci/size.mjs [dist] [--json out.json]   (tests/e2e/bench.mjs imports `measure`)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** Per-file and total (wasm + js) sizes of the app in `dist`. */
export function measure(dist) {
  const kinds = ['.wasm', '.js', '.css'];
  const files = readdirSync(dist)
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
  if (!files.some((r) => r.file.endsWith('.wasm'))) throw new Error(`no .wasm in ${dist}: build first`);
  const sum = (filter, key) => files.filter(filter).reduce((n, r) => n + r[key], 0);
  const app = (r) => r.file.endsWith('.wasm') || r.file.endsWith('.js');
  const total = { file: 'app total (wasm + js)', raw: sum(app, 'raw'), gzip: sum(app, 'gzip'), brotli: sum(app, 'brotli') };
  return { files, total };
}

export function print(dist, { files, total }) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KiB';
  console.log(`\nShipped size of ${dist}/`);
  console.log('file'.padEnd(40) + 'raw'.padStart(12) + 'gzip'.padStart(12) + 'brotli'.padStart(12));
  for (const r of [...files, total]) console.log(r.file.padEnd(40) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--json') ?? 'dist';
  const jsonAt = args.indexOf('--json');
  let sizes;
  try {
    sizes = measure(dist);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  print(dist, sizes);
  if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify(sizes, null, 2));
}
