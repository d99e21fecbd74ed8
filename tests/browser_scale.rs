//! In-browser scale check: generated contacts written through the real service into IndexedDB
//! (batched), read back and searched. Asserts what happened, never how fast; it prints timings.
//! `FOLIO_SCALE` (at compile time) sets the number of contacts: 1,000 by default; for figures:
//! `FOLIO_SCALE=10000 cargo test --release --target wasm32-unknown-unknown --test browser_scale`.
#![cfg(target_arch = "wasm32")]

use folio::app::generator::Generator;
use folio::app::service;
use folio::app::session::perf_now;
use folio::domain::search::Query;
use folio::store::IdbRepository;
use folio::vault::{KdfParams, Passphrase};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn percentile(mut samples: Vec<f64>, p: f64) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

#[wasm_bindgen_test]
async fn generated_contacts_round_trip_and_search_at_scale() {
    let scale: usize = option_env!("FOLIO_SCALE")
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000);
    let name = "folio-test-scale";
    IdbRepository::delete_database(name).await.unwrap();
    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    let pass = Passphrase::new("correct horse battery staple");
    let now = chrono::Utc::now();
    let vault = service::create_vault(repo, &pass, KdfParams::with_cost(1024, 1, 1).unwrap(), now)
        .await
        .unwrap();
    let mut generator = Generator::new(2026, now);
    let drafts: Vec<_> = (0..scale).map(|n| generator.contact(n, None)).collect();

    let started = perf_now();
    let ids = vault
        .create_contacts_in_bulk(&drafts, 500, now)
        .await
        .unwrap();
    let write_ms = perf_now() - started;
    assert_eq!(ids.len(), scale);
    drop(vault);

    let started = perf_now();
    let repo = IdbRepository::open_versioned(name, 1).await.unwrap();
    let vault = service::unlock(repo, &pass).await.unwrap();
    let snapshot = vault.snapshot();
    let load_ms = perf_now() - started;
    assert_eq!(snapshot.contacts.len(), scale);
    assert_eq!(snapshot.chain, None);
    assert!(snapshot.damaged.is_empty());

    // Search as the list does: haystacks built once, then every keystroke of a typed query.
    let started = perf_now();
    let index: Vec<_> = snapshot
        .contacts
        .values()
        .map(|c| c.data.haystack(None))
        .collect();
    let index_ms = perf_now() - started;
    let typed = "dvorakova praha";
    let mut per_keystroke = Vec::new();
    let mut last_hits = 0;
    for end in 1..=typed.len() {
        let t0 = perf_now();
        let q = Query::new(&typed[..end]);
        last_hits = index.iter().filter(|h| h.matches(&q)).count();
        per_keystroke.push(perf_now() - t0);
    }
    let expected = snapshot
        .contacts
        .values()
        .filter(|c| {
            c.data.family_name == "Dvořáková"
                && (c.data.tags.iter().any(|t| t == "Praha")
                    || c.data.notes.contains("Praha")
                    || c.data.addresses.iter().any(|a| a.value.contains("Praha")))
        })
        .count();
    assert!(expected > 0, "the generator made some Dvořáková in Praha");
    assert_eq!(
        last_hits, expected,
        "search finds exactly the Dvořáková tagged, noted or living in Praha"
    );
    console_log!(
        "scale {scale}: bulk write {write_ms:.0} ms; open + decrypt {load_ms:.0} ms; search index {index_ms:.0} ms; \
         search per keystroke p50 {:.2} ms, p95 {:.2} ms over {} keystrokes ({last_hits} hits)",
        percentile(per_keystroke.clone(), 0.5),
        percentile(per_keystroke.clone(), 0.95),
        per_keystroke.len()
    );
}
