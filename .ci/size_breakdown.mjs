// Where the shipped wasm's bytes go, by crate and by Folio module: twiggy's list of every item
// (function, data segment) of the wasm before wasm-opt, which still has the function names,
// grouped by the crate that names each item. The name section itself is not shipped (wasm-opt
// drops it), so it is left out of the total.
//
// Who owns an item: the first crate in its name ("serde_json::de::from_slice<folio::…>" is
// serde_json's, instantiated for Folio; "<folio::X as serde::Serialize>::serialize" is Folio's,
// derived; "core::ptr::drop_in_place<leptos::…>" is the type's crate). Unnamed items are the
// allocator, wasm-bindgen's glue and compiler helpers. These are pre-opt bytes: wasm-opt shrinks
// every item, not all by the same share, so read the shares, not the exact bytes.
//
// Usage: node .ci/size_breakdown.mjs PREOPT.wasm [--json out.json]
//        (twiggy on the PATH: .ci/tools.sh ensure_twiggy installs it into .tools/)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Crates grouped under one name in the table (a framework's crates, the RustCrypto family). */
const GROUPS = {
  leptos: 'leptos', leptos_router: 'leptos', leptos_macro: 'leptos', leptos_dom: 'leptos',
  leptos_meta: 'leptos', tachys: 'leptos', reactive_graph: 'leptos', reactive_stores: 'leptos',
  any_spawner: 'leptos', throw_error: 'leptos', oco_ref: 'leptos', either_of: 'leptos',
  next_tuple: 'leptos', or_poisoned: 'leptos', hydration_context: 'leptos', server_fn: 'leptos',
  send_wrapper: 'leptos', slotmap: 'leptos', guardian: 'leptos', leptos_router_macro: 'leptos',
  serde_core: 'serde', serde: 'serde',
  core: 'Rust std (core, alloc, std)', alloc: 'Rust std (core, alloc, std)', std: 'Rust std (core, alloc, std)',
  hashbrown: 'Rust std (core, alloc, std)', dlmalloc: 'Rust std (core, alloc, std)',
  aes: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', aes_gcm: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  ghash: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', polyval: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  argon2: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', blake2: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  sha2: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', hmac: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  hkdf: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', digest: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  cipher: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', aead: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  universal_hash: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', ctr: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  password_hash: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', base64ct: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  crypto_common: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', block_buffer: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  zeroize: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', subtle: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  cpufeatures: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)', inout: 'RustCrypto (aes-gcm, argon2, sha2, hmac…)',
  wasm_bindgen: 'wasm-bindgen, js-sys, web-sys', js_sys: 'wasm-bindgen, js-sys, web-sys',
  web_sys: 'wasm-bindgen, js-sys, web-sys', wasm_bindgen_futures: 'wasm-bindgen, js-sys, web-sys',
  futures_util: 'futures', futures_core: 'futures', futures_channel: 'futures', futures_executor: 'futures',
  futures_task: 'futures', futures: 'futures',
  csv: 'csv', csv_core: 'csv',
};

const UNNAMED = 'unnamed (allocator, wasm-bindgen glue, compiler helpers)';

/** The crate an item's name starts with, or null. */
function crateOf(name) {
  let n = name;
  // Drop glue and the like belong to the type they are for.
  for (;;) {
    const inner = n.match(/^(?:core|alloc)::ptr::drop_in_place<(.*)>::h[0-9a-f]+$/) ??
      n.match(/^(?:core|alloc)::ptr::drop_in_place<(.*)>$/);
    if (!inner) break;
    n = inner[1];
  }
  n = n.replace(/^(?:<|&mut |&|\*const |\*mut |dyn |\(|\[)+/, '');
  // `<T as Trait>`: a generic parameter names no crate, the trait does.
  const generic = n.match(/^[A-Z][A-Za-z0-9]{0,2} as (?:&|<)*([a-z_][a-z0-9_]*)::/);
  if (generic) return generic[1];
  const m = n.match(/^([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : null;
}

/** Folio's module of an item ("ui::contacts", "app::service", "portability"), or null. */
function folioModule(name) {
  const n = name
    .replace(/^(?:core|alloc)::ptr::drop_in_place<(.*)>(?:::h[0-9a-f]+)?$/, '$1')
    .replace(/^(?:<|&mut |&)+/, '');
  const m = n.match(/^folio::([a-z_][a-z0-9_]*)(?:::([a-z_][a-z0-9_]*))?/);
  if (!m) return null;
  if (['ui', 'app', 'portability'].includes(m[1]) && m[2] && !m[2].startsWith('_')) return `${m[1]}::${m[2]}`;
  return m[1].startsWith('__') ? '(root: lib.rs)' : m[1];
}

/** Sums twiggy's items by crate and by Folio module. */
export function breakdown(items) {
  const byCrate = new Map();
  const byModule = new Map();
  let total = 0;
  let names = 0;
  const add = (map, key, bytes) => map.set(key, (map.get(key) ?? 0) + bytes);
  for (const { name, shallow_size: bytes } of items) {
    if (/subsection|^custom section|^"?producers|^"?target_features|__wasm_split/.test(name)) {
      names += bytes;
      continue;
    }
    total += bytes;
    if (name.startsWith('data segment') || name.startsWith('data[')) {
      add(byCrate, 'data (string literals, tables)', bytes);
      continue;
    }
    const crate = crateOf(name);
    const group = crate === null ? UNNAMED : GROUPS[crate] ?? crate;
    add(byCrate, group, bytes);
    if (crate === 'folio') add(byModule, folioModule(name) ?? 'other', bytes);
  }
  const rows = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, share: bytes / total }));
  return { total, names_section: names, crates: rows(byCrate), folio_modules: rows(byModule) };
}

/** Runs twiggy on a wasm that still has its names. */
export function measureBreakdown(wasm) {
  const out = execFileSync('twiggy', ['top', '-n', '10000000', '-f', 'json', wasm], { maxBuffer: 1 << 30 });
  return breakdown(JSON.parse(out));
}

export function printBreakdown(b, { top = 14 } = {}) {
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(12);
  const pct = (x) => `${(x * 100).toFixed(1)} %`.padStart(8);
  const lines = [`Pre-opt wasm by crate (${kib(b.total).trim()} of code and data; names section left out)`];
  for (const r of b.crates.slice(0, top)) lines.push(`  ${r.name.padEnd(58)}${kib(r.bytes)}${pct(r.share)}`);
  const rest = b.crates.slice(top).reduce((n, r) => n + r.bytes, 0);
  if (rest) lines.push(`  ${`${b.crates.length - top} other crates`.padEnd(58)}${kib(rest)}${pct(rest / b.total)}`);
  lines.push('Folio\'s own code by module');
  for (const r of b.folio_modules.slice(0, top + 6)) lines.push(`  ${('folio::' + r.name).padEnd(58)}${kib(r.bytes)}${pct(r.share)}`);
  const restM = b.folio_modules.slice(top + 6).reduce((n, r) => n + r.bytes, 0);
  if (restM) lines.push(`  ${`${b.folio_modules.length - top - 6} other modules`.padEnd(58)}${kib(restM)}${pct(restM / b.total)}`);
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const wasm = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--json');
  if (!wasm) {
    console.error('usage: node .ci/size_breakdown.mjs PREOPT.wasm [--json out.json]');
    process.exit(2);
  }
  const b = measureBreakdown(wasm);
  console.log(printBreakdown(b).join('\n'));
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0) writeFileSync(args[jsonAt + 1], JSON.stringify(b, null, 2));
}
