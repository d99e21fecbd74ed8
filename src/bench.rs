//! Benchmark entry points, compiled only with the `bench` feature (never in the shipped app):
//! what `tests/e2e/bench.mjs` calls from the page, through the real service and IndexedDB store.
//! It may import `app`, `store` and `vault`; nothing in the app imports it.

use crate::app::clock::perf_now;
use crate::app::generator::{self, Counts, Generator};
use crate::app::service::{self, AppError};
use crate::domain::contact::ContactDraft;
use crate::store::{IdbRepository, Repository};
use crate::vault::{KdfParams, Passphrase};
use wasm_bindgen::prelude::*;

fn fail(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

/// Deletes `database` and opens it anew at the current schema.
async fn fresh_repository(database: &str) -> Result<IdbRepository, JsValue> {
    IdbRepository::delete_database(database)
        .await
        .map_err(fail)?;
    open_repository(database).await
}

async fn open_repository(database: &str) -> Result<IdbRepository, JsValue> {
    IdbRepository::open_versioned(database, crate::store::indexed_db::SCHEMA_VERSION)
        .await
        .map_err(fail)
}

fn to_json(value: serde_json::Value) -> String {
    value.to_string()
}

/// Cheap KDF parameters for vaults whose unlock is not what is being measured.
fn cheap_kdf() -> Result<KdfParams, JsValue> {
    KdfParams::cheapest().map_err(fail)
}

/// Argon2id alone, at the shipped parameters: one sample (ms) per run.
#[wasm_bindgen]
pub fn bench_kdf(passphrase: String, runs: u32) -> Result<String, JsValue> {
    let passphrase = Passphrase::new(&passphrase);
    let mut samples = Vec::new();
    for _ in 0..runs.max(1) {
        let params = KdfParams::recommended().map_err(fail)?;
        let started = perf_now();
        let key = params.derive(&passphrase).map_err(fail)?;
        samples.push(perf_now() - started);
        drop(key);
    }
    Ok(to_json(serde_json::json!({ "samples": samples })))
}

/// Deletes `database` and creates a vault in it holding generated data, written through the
/// service's bulk path. `shipped_kdf` chooses the shipped Argon2id parameters (for measuring
/// unlock) over cheap ones.
#[wasm_bindgen]
pub async fn bench_populate(
    database: String,
    passphrase: String,
    // {"organisations":…, "contacts":…, "activities":…, "consents":…, "deals":…}
    counts: String,
    shipped_kdf: bool,
) -> Result<String, JsValue> {
    let repo = fresh_repository(&database).await?;
    let params = if shipped_kdf {
        KdfParams::recommended().map_err(fail)?
    } else {
        cheap_kdf()?
    };
    let now = chrono::Utc::now();
    let vault = service::create_vault(repo, &Passphrase::new(&passphrase), params, now)
        .await
        .map_err(fail)?;
    let counts: Counts = serde_json::from_str(&counts).map_err(fail)?;
    let started = perf_now();
    generator::populate(&vault, 2026, counts, now)
        .await
        .map_err(fail)?;
    let ms = perf_now() - started;
    let snapshot = vault.snapshot();
    vault.into_repository().close();
    Ok(to_json(serde_json::json!({
        "ms": ms,
        "organisations": snapshot.organisations.len(),
        "contacts": snapshot.contacts.len(),
        "activities": snapshot.activities.len(),
        "purposes": snapshot.purposes.len(),
        "consents": snapshot.consents.len(),
        "deals": snapshot.deals.len(),
        "documents": snapshot.documents.len(),
        "audit_events": snapshot.audit.len(),
    })))
}

/// Bulk write: `contacts` generated contacts (drafts made before the clock starts) written into
/// a fresh vault in `database` (seal + put + audit event, batched). Reports the time and the
/// average stored sizes, so the bare IndexedDB loop can write values of the same size.
#[wasm_bindgen]
pub async fn bench_bulk_write(database: String, contacts: u32) -> Result<String, JsValue> {
    let repo = fresh_repository(&database).await?;
    let now = chrono::Utc::now();
    let vault = service::create_vault(repo, &Passphrase::new("bench"), cheap_kdf()?, now)
        .await
        .map_err(fail)?;
    let mut generator = Generator::new(7, now);
    let drafts: Vec<ContactDraft> = (0..contacts as usize)
        .map(|n| generator.contact(n, None))
        .collect();
    let started = perf_now();
    let ids = vault
        .create_contacts_in_bulk(&drafts, generator::PER_TRANSACTION, now)
        .await
        .map_err(fail)?;
    let ms = perf_now() - started;
    vault.into_repository().close();
    let repo = open_repository(&database).await?;
    let records = repo
        .list(<crate::domain::contact::Contact as crate::app::service::RecordKind>::KIND)
        .await
        .map_err(fail)?
        .items;
    let events = repo.audit_events().await.map_err(fail)?.items;
    repo.close();
    let average =
        |sizes: Vec<usize>| sizes.iter().sum::<usize>() as f64 / sizes.len().max(1) as f64;
    Ok(to_json(serde_json::json!({
        "ms": ms,
        "written": ids.len(),
        "stored": records.len(),
        "record_bytes": average(records.iter().map(|r| r.ciphertext.len()).collect()),
        "audit_bytes": average(events.iter().map(|e| e.ciphertext.len()).collect()),
        "per_transaction": generator::PER_TRANSACTION,
    })))
}

/// Single saves: `saves` edits of existing contacts in `database` (made by `bench_bulk_write`),
/// each one transaction of record + audit event + chain head. One sample (ms) per save.
#[wasm_bindgen]
pub async fn bench_single_saves(database: String, saves: u32) -> Result<String, JsValue> {
    let repo = open_repository(&database).await?;
    let vault = service::unlock(repo, &Passphrase::new("bench"))
        .await
        .map_err(fail)?;
    let contacts: Vec<_> = vault.snapshot().contacts.into_values().collect();
    if contacts.is_empty() {
        return Err(fail(AppError::NotFound("contacts".into())));
    }
    let mut samples = Vec::new();
    for n in 0..saves as usize {
        let contact = &contacts[n % contacts.len()];
        let id = &contact.id;
        let mut draft = ContactDraft::from_contact(&contact.data);
        draft.notes = format!("Benchmark edit {n}");
        let started = perf_now();
        vault
            .save_contact(Some(id), &draft, chrono::Utc::now())
            .await
            .map_err(fail)?;
        samples.push(perf_now() - started);
    }
    vault.into_repository().close();
    Ok(to_json(serde_json::json!({ "samples": samples })))
}

/// The size of the wasm linear memory, in bytes.
#[wasm_bindgen]
pub fn bench_wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The heap the app holds, counted (in the browser only: the native tests count their own).
#[cfg(target_arch = "wasm32")]
mod heap {
    use super::to_json;
    use crate::small_alloc::SmallBlocks;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use wasm_bindgen::prelude::*;

    /// Counts the bytes allocated and not yet freed, and the most there ever were, so the
    /// memory row can tell live data from the room the allocator keeps: WebAssembly memory
    /// grows to the most ever held and never shrinks. Every call goes to the standard allocator
    /// unchanged: the shipped build's (realloc included, so blocks still grow in place as they
    /// would).
    struct Counting;
    static SHIPPED: SmallBlocks<System> = SmallBlocks::new(System);
    static LIVE: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn add(bytes: usize) {
        let now = LIVE.fetch_add(bytes, Relaxed) + bytes;
        PEAK.fetch_max(now, Relaxed);
    }

    fn sub(bytes: usize) {
        LIVE.fetch_sub(bytes, Relaxed);
    }

    // SAFETY: every method passes its caller's contract on to `SHIPPED` unchanged; the counters
    // are only added to and read.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: as the caller's contract for `alloc`.
            let p = unsafe { SHIPPED.alloc(layout) };
            if !p.is_null() {
                add(layout.size());
            }
            p
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            // SAFETY: as the caller's contract for `alloc_zeroed`.
            let p = unsafe { SHIPPED.alloc_zeroed(layout) };
            if !p.is_null() {
                add(layout.size());
            }
            p
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            sub(layout.size());
            // SAFETY: as the caller's contract for `dealloc`.
            unsafe { SHIPPED.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, size: usize) -> *mut u8 {
            // SAFETY: as the caller's contract for `realloc`.
            let p = unsafe { SHIPPED.realloc(ptr, layout, size) };
            if !p.is_null() {
                sub(layout.size());
                add(size);
            }
            p
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// The heap held now and the most ever held (bytes, as JSON): what of the linear memory is
    /// live data.
    #[wasm_bindgen]
    pub fn bench_heap_bytes() -> String {
        to_json(serde_json::json!({ "live": LIVE.load(Relaxed), "peak": PEAK.load(Relaxed) }))
    }
}

thread_local! {
    /// The last export's JSON, kept in the page for `bench_import` (30 MB need not cross to JS).
    static LAST_EXPORT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Full export of the vault in `database`: unlocks it (not timed), then per run the whole vault
/// to the portability format's JSON text, as **Export all data (JSON)** makes it.
#[wasm_bindgen]
pub async fn bench_export(
    database: String,
    passphrase: String,
    runs: u32,
) -> Result<String, JsValue> {
    let repo = open_repository(&database).await?;
    let vault = service::unlock(repo, &Passphrase::new(&passphrase))
        .await
        .map_err(fail)?;
    let mut samples = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs.max(1) {
        let started = perf_now();
        let export = vault.export(chrono::Utc::now(), "bench").map_err(fail)?;
        let text = serde_json::to_string(&export).map_err(fail)?;
        samples.push(perf_now() - started);
        bytes = text.len();
        LAST_EXPORT.with(|l| *l.borrow_mut() = Some(text));
    }
    let contacts = vault.snapshot().contacts.len();
    vault.into_repository().close();
    Ok(to_json(
        serde_json::json!({ "samples": samples, "bytes": bytes, "contacts": contacts }),
    ))
}

/// Full import of the last export, per run into a fresh vault in `database`: the file read and
/// checked (parse, rules, audit chain) and restored in one transaction, as the Data page does.
#[wasm_bindgen]
pub async fn bench_import(database: String, runs: u32) -> Result<String, JsValue> {
    let text = LAST_EXPORT
        .with(|l| l.borrow().clone())
        .ok_or_else(|| fail("run bench_export first"))?;
    let mut samples = Vec::new();
    let mut contacts = 0;
    for _ in 0..runs.max(1) {
        let repo = fresh_repository(&database).await?;
        let vault = service::create_vault(
            repo,
            &Passphrase::new("bench"),
            cheap_kdf()?,
            chrono::Utc::now(),
        )
        .await
        .map_err(fail)?;
        let started = perf_now();
        let export = crate::portability::parse(text.as_bytes()).map_err(fail)?;
        let summary = vault
            .import_into_empty(&export, chrono::Utc::now())
            .await
            .map_err(fail)?;
        samples.push(perf_now() - started);
        contacts = summary.count("contact");
        vault.into_repository().close();
    }
    // What the import stored, so that a bare loop can put as many values of the same size.
    let repo = open_repository(&database).await?;
    let stored = repo.list_all().await.map_err(fail)?.items;
    let audit_items = repo.audit_events().await.map_err(fail)?.items.len();
    repo.close();
    let record_bytes = stored.iter().map(|r| r.ciphertext.len()).sum::<usize>() as f64
        / stored.len().max(1) as f64;
    IdbRepository::delete_database(&database)
        .await
        .map_err(fail)?;
    Ok(to_json(serde_json::json!({
        "samples": samples,
        "contacts": contacts,
        "records": stored.len(),
        "record_bytes": record_bytes,
        "audit_items": audit_items,
    })))
}

/// A contacts file of at most `bytes` bytes (and nearly that), as real programs write one: a Czech Outlook-style
/// CSV (semicolons, diacritics, an address over columns, a birthday, a note) or vCard 3.0
/// cards (quoted-printable names, labelled e-mails and phones, an address, a birthday).
fn contacts_file(kind: &str, bytes: usize) -> Vec<u8> {
    const GIVEN: [&str; 6] = ["Zdeňka", "Jiří", "Věra", "Tomáš", "Žaneta", "Ľubomír"];
    const FAMILY: [&str; 6] = [
        "Šťastná",
        "Dvořák",
        "Kučerová",
        "Marek",
        "Černá",
        "Ďurovčík",
    ];
    let mut out = String::with_capacity(bytes + 512);
    if kind == "csv" {
        out.push_str("Jméno;Příjmení;Společnost;Funkce;E-mailová adresa;Mobilní telefon;Telefon (zam.);Ulice (zam.);Město (zam.);PSČ (zam.);Narozeniny;Kategorie;Poznámky\r\n");
    }
    let mut n = 0usize;
    loop {
        let (g, f) = (GIVEN[n % 6], FAMILY[(n / 6) % 6]);
        let record = if kind == "csv" {
            format!(
                "{g};{f};Firma {n} s.r.o.;jednatel;kontakt{n}@firma{n}.cz;+420 601 {:03} {:03};222 333 {:03};Dlouhá {};Praha;110 00;{}. {}. {};klient;\"Poznámka k osobě {n}: volat po 14:00, preferuje e-mail; schůzka v Brně.\"\r\n",
                n % 1000,
                (n / 1000) % 1000,
                n % 1000,
                1 + n % 200,
                1 + n % 28,
                1 + n % 12,
                1950 + n % 50,
            )
        } else {
            format!(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nN:{f};{g};;;\r\nFN:{g} {f}\r\nORG:Firma {n} s.r.o.\r\nTITLE:jednatel\r\nitem1.EMAIL;TYPE=INTERNET:kontakt{n}@firma{n}.cz\r\nitem1.X-ABLabel:práce\r\nTEL;TYPE=CELL:+420 601 {:03} {:03}\r\nADR;TYPE=WORK:;;Dlouhá {};Praha;;110 00;Česko\r\nBDAY:{}-{:02}-{:02}\r\nNOTE:Poznámka k osobě {n}: volat po 14:00\\, preferuje e-mail.\r\nEND:VCARD\r\n",
                n % 1000,
                (n / 1000) % 1000,
                1 + n % 200,
                1950 + n % 50,
                1 + n % 12,
                1 + n % 28,
            )
        };
        if out.len() + record.len() > bytes {
            break;
        }
        out.push_str(&record);
        n += 1;
    }
    out.into_bytes()
}

/// The contacts import's preview of a generated file of about `bytes` bytes (`kind`: "csv" or
/// "vcard"), per run: the file read (character set, header, cards), its rows made under the
/// proposed mapping, and the plan of what an import into an empty vault would skip — what the
/// Data page does between choosing a file and showing its preview.
#[wasm_bindgen]
pub fn bench_contacts_preview(kind: String, bytes: u32, runs: u32) -> Result<String, JsValue> {
    use crate::portability::contacts_in::{read, Source};
    let file = contacts_file(&kind, bytes as usize);
    let empty = service::VaultSnapshot::default();
    let mut samples = Vec::new();
    let mut rows = 0;
    for _ in 0..runs.max(1) {
        let started = perf_now();
        let read = read(&file).map_err(fail)?;
        let made = match read.source {
            Source::Csv(t) => t.rows(&t.guess_mapping()),
            Source::Vcard(f) => f.rows,
        };
        let skips = service::contacts_import::contacts_import_skips(&empty, &made);
        samples.push(perf_now() - started);
        rows = made.len() - skips.len();
    }
    Ok(to_json(
        serde_json::json!({ "samples": samples, "bytes": file.len(), "rows": rows }),
    ))
}
