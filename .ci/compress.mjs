// Writes NAME.br (brotli, quality 11) and NAME.gz (gzip, level 9) beside every compressible file
// of a release folder, for hosts that serve precompressed files (and .ci/static_server.py, which
// does). The originals stay: a client that accepts neither gets them as they are.
// Usage: node .ci/compress.mjs DIR   (the post-build hook runs it on Trunk's staging folder)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** The kinds worth compressing (text and wasm); images are compressed already. */
export const COMPRESSIBLE = ['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.svg', '.webmanifest'];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node .ci/compress.mjs DIR');
  process.exit(2);
}
let count = 0;
for (const path of files(dir)) {
  if (!COMPRESSIBLE.includes(extname(path))) continue;
  const bytes = readFileSync(path);
  writeFileSync(path + '.gz', gzipSync(bytes, { level: 9 }));
  writeFileSync(path + '.br', brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  count += 1;
}
console.log(`compress: wrote .br and .gz beside ${count} files of ${dir}`);
