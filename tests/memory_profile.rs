//! A diagnostic, not a test (ignored): the heap an unlocked vault of the benchmark's size L
//! holds, natively, counted by a wrapping allocator, and what of it is the audit trail. Native
//! sizes are larger than the browser's (64-bit pointers); compare runs with each other, and the
//! browser's figure with `./bench.sh`. Run:
//! `cargo test --features bench --test memory_profile -- --ignored --nocapture`
#![cfg(all(not(target_arch = "wasm32"), feature = "bench"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts the bytes allocated and not yet freed, and the most there were.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// How many blocks are allocated and not yet freed: each costs the allocator a header and
/// rounding on top of its size (in the browser's allocator, some 4 to 11 bytes).
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        BLOCKS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        BLOCKS.fetch_sub(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `dealloc` is passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

#[test]
#[ignore = "a diagnostic that prints figures; run it by name"]
fn heap_held_by_an_unlocked_vault_of_size_l() {
    use chrono::TimeZone;
    use folio::app::generator::{populate, Counts};
    use folio::app::service;
    use folio::domain::audit::{AuditEvent, FieldChange};
    use folio::store::MemoryRepository;
    use folio::vault::{KdfParams, Passphrase};
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    futures_executor::block_on(async {
        let pass = Passphrase::new("correct horse battery staple");
        let params = KdfParams::with_cost(KdfParams::MIN_MEMORY_KIB, 1, 1).unwrap();
        let repo = MemoryRepository::default();
        let vault = service::create_vault(repo.clone(), &pass, params, now)
            .await
            .unwrap();
        // The benchmark's L (tests/e2e/bench.mjs).
        let counts = Counts {
            organisations: 1_000,
            contacts: 10_000,
            activities: 50_000,
            consents: 20_000,
            deals: 2_000,
        };
        populate(&vault, 7, counts, now).await.unwrap();
        drop(vault);
        let base = live();
        let base_blocks = BLOCKS.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        // The stages as the app runs them: the first screen's kinds, the other records, the trail.
        let header = service::read_header(&repo).await.unwrap();
        let sealer = header.unlock(&pass).unwrap();
        let vault = service::open_first(repo.clone(), header, sealer)
            .await
            .unwrap();
        let stage = |name: &str| {
            let peak = PEAK.load(Ordering::Relaxed) - base;
            println!(
                "after {name}: {} held in {} blocks, {} at most",
                mb(live() - base),
                BLOCKS.load(Ordering::Relaxed) - base_blocks,
                mb(peak)
            );
            PEAK.store(live(), Ordering::Relaxed);
            peak
        };
        let mut go_on = || async { true };
        let mut peak = stage("the first stage");
        vault.load_records(&mut go_on).await.unwrap();
        peak = peak.max(stage("the other records"));
        vault.load_trail(&mut go_on).await.unwrap();
        peak = peak.max(stage("the trail"));
        let held = live() - base;
        let (events, changes, spare) = vault.with_snapshot(|s| {
            let changes: usize = s.audit.iter().map(|e| e.changes.len()).sum();
            let spare_changes: usize = s
                .audit
                .iter()
                .map(|e| e.changes.capacity() - e.changes.len())
                .sum();
            let spare = spare_changes * size_of::<FieldChange>()
                + (s.audit.capacity() - s.audit.len()) * size_of::<AuditEvent>();
            (s.audit.len(), changes, spare)
        });
        println!(
            "unlocked L: {} held, {} at most while unlocking",
            mb(held),
            mb(peak)
        );
        println!(
            "trail: {events} events, {changes} changes, {} of unused room",
            mb(spare)
        );
        let (before, blocks) = (live(), BLOCKS.load(Ordering::Relaxed));
        let trail = vault.with_snapshot(|s| s.audit.clone());
        println!(
            "a copy of the trail: {} in {} blocks",
            mb(live() - before),
            BLOCKS.load(Ordering::Relaxed) - blocks
        );
        drop(trail);
        // What each kind's records take, measured as a copy of their map (keys, bookkeeping
        // and data; what the map's own nodes take is counted too).
        vault.with_snapshot(|s| {
            let mut kinds: Vec<(&str, usize, usize, usize)> = Vec::new();
            macro_rules! measure {
                ($($name:ident),*) => {$(
                    let (before, blocks) = (live(), BLOCKS.load(Ordering::Relaxed));
                    let copy = s.$name.clone();
                    kinds.push((
                        stringify!($name),
                        copy.len(),
                        live() - before,
                        BLOCKS.load(Ordering::Relaxed) - blocks,
                    ));
                    drop(copy);
                )*};
            }
            measure!(
                contacts,
                organisations,
                activities,
                consents,
                limits,
                deals,
                documents,
                tasks,
                requests,
                purposes
            );
            for (name, count, bytes, blocks) in kinds {
                println!(
                    "  {name}: {count} records, {} ({} bytes, {} blocks each)",
                    mb(bytes),
                    bytes.checked_div(count).unwrap_or(0),
                    blocks.checked_div(count).unwrap_or(0)
                );
            }
        });
        let before = live();
        let copy = vault.snapshot();
        println!("a copy of what the screens show: {}", mb(live() - before));
        drop(copy);
        let before = live();
        drop(vault);
        println!("freed with the vault: {}", mb(before - live()));
    });
}
