//! The allocator of the browser build: small blocks (up to 128 bytes) come from pages of their
//! own size, with no header; larger ones from the standard allocator under it. Imports nothing
//! of the app.
//!
//! Why: an unlocked vault holds well over a million small blocks (ids, names, the audit trail's
//! values). The standard wasm allocator (dlmalloc) puts a 4-byte header before each and rounds
//! the whole up to 8 bytes, 16 at least, so a 4-byte value takes 16 and a 36-byte id 40. Rust
//! tells an allocator the size and alignment of every block it frees, so blocks sorted by size
//! need no header: a 36-byte id takes 36 here. Freed blocks are kept, by size, for the next
//! block of that size (WebAssembly memory never shrinks, so nothing is given back anyway).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

/// Block sizes go in steps of an address's width (4 bytes in wasm32): a free block holds the
/// address of the next free block of its size.
const STEP: usize = size_of::<usize>();
/// The largest block served from pages; larger ones go to the allocator underneath.
pub const MAX_SMALL: usize = 128;
const CLASSES: usize = MAX_SMALL / STEP;
/// Each size takes room from the allocator underneath this much at a time.
const PAGE: usize = 16 * 1024;
/// Pages are aligned to 8, so a size that is a multiple of 8 gives blocks aligned to 8.
const PAGE_ALIGN: usize = 8;

/// Small blocks by size over `A`, which serves everything else and gives the pages.
pub struct SmallBlocks<A> {
    inner: A,
    state: UnsafeCell<State>,
}

struct State {
    /// Per size: the last block freed (holding the address of the one freed before), or null.
    free: [*mut u8; CLASSES],
    /// Per size: the next block never handed out, and the end of its page.
    next: [*mut u8; CLASSES],
    end: [*mut u8; CLASSES],
}

// SAFETY: a WebAssembly module without the atomics feature runs on one thread only, so the
// state is never touched by two threads; no other build installs this allocator.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<A: Sync> Sync for SmallBlocks<A> {}

/// The size class of a block of `layout`, or None when it is not served here. The class
/// depends on the layout alone, which `dealloc` and `realloc` are given too. A block that must
/// be aligned to more than a step gets a size that is a multiple of 8 (blocks of such sizes are
/// aligned to 8); one aligned to more than 8 is not served here.
fn class_of(layout: Layout) -> Option<usize> {
    let step = if layout.align() <= STEP {
        STEP
    } else if layout.align() <= PAGE_ALIGN {
        PAGE_ALIGN
    } else {
        return None;
    };
    let size = layout.size().max(1).checked_next_multiple_of(step)?;
    (size <= MAX_SMALL).then(|| size / STEP - 1)
}

fn block_size(class: usize) -> usize {
    (class + 1) * STEP
}

impl<A: GlobalAlloc> SmallBlocks<A> {
    pub const fn new(inner: A) -> Self {
        Self {
            inner,
            state: UnsafeCell::new(State {
                free: [ptr::null_mut(); CLASSES],
                next: [ptr::null_mut(); CLASSES],
                end: [ptr::null_mut(); CLASSES],
            }),
        }
    }

    /// A block of `class`: the last one freed, else the next of its page, else a new page's
    /// first. Null when the allocator underneath has no more room.
    ///
    /// # Safety
    /// Not called from two threads at once (see the `Sync` impl).
    unsafe fn take(&self, class: usize) -> *mut u8 {
        let state = self.state.get();
        // SAFETY: only this allocator touches the state, on one thread, and no reference to it
        // is held across the call to the allocator underneath.
        unsafe {
            let head = (*state).free[class];
            if !head.is_null() {
                // A free block holds the address of the next free block of its size.
                (*state).free[class] = head.cast::<*mut u8>().read();
                return head;
            }
            let size = block_size(class);
            let (next, end) = ((*state).next[class], (*state).end[class]);
            if next.is_null() || (end as usize) - (next as usize) < size {
                let page = self
                    .inner
                    .alloc(Layout::from_size_align_unchecked(PAGE, PAGE_ALIGN));
                if page.is_null() {
                    return page;
                }
                (*state).next[class] = page;
                (*state).end[class] = page.add(PAGE);
            }
            let block = (*state).next[class];
            (*state).next[class] = block.add(size);
            block
        }
    }

    /// Keeps a block of `class` for the next one asked of its size.
    ///
    /// # Safety
    /// `block` was handed out for `class` and is not used any more; one thread only.
    unsafe fn give_back(&self, block: *mut u8, class: usize) {
        let state = self.state.get();
        // SAFETY: the block is at least an address wide and aligned to one (its size and
        // alignment are whole steps), and is the caller's to give.
        unsafe {
            block.cast::<*mut u8>().write((*state).free[class]);
            (*state).free[class] = block;
        }
    }
}

// SAFETY: every block handed out is inside a page of the allocator underneath, at least the
// size asked and aligned as asked (see `class_of`), and belongs to one caller until it is
// freed; anything not served here is passed to the allocator underneath unchanged.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: the caller's contract, passed on.
            Some(class) => unsafe { self.take(class) },
            None => unsafe { self.inner.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            Some(class) => {
                // SAFETY: a block handed out is at least `layout.size()` long; a freed block
                // is not zero, so it is cleared.
                unsafe {
                    let block = self.take(class);
                    if !block.is_null() {
                        ptr::write_bytes(block, 0, layout.size());
                    }
                    block
                }
            }
            // SAFETY: the caller's contract, passed on.
            None => unsafe { self.inner.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match class_of(layout) {
            // SAFETY: the caller's contract: `block` came from `alloc` with this layout, which
            // gives the same class.
            Some(class) => unsafe { self.give_back(block, class) },
            None => unsafe { self.inner.dealloc(block, layout) },
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract says the new size, rounded up to the alignment, fits.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class_of(layout), class_of(new_layout)) {
            // SAFETY: the caller's contract, passed on.
            (None, None) => unsafe { self.inner.realloc(block, layout, new_size) },
            // The block is already as large as its class: it fits the new size too.
            (Some(old), Some(new)) if old == new => block,
            _ => {
                // SAFETY: a new block for the new layout, the old contents copied as far as
                // both reach, the old block freed with its own layout (so by its own class).
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::alloc::System;

    /// A live block: where, its layout, and the byte it was filled with.
    struct Live {
        at: *mut u8,
        layout: Layout,
        fill: u8,
    }

    fn intact(b: &Live) -> bool {
        // SAFETY: `at` is a live block of `layout.size()` bytes, written in full.
        (0..b.layout.size()).all(|i| unsafe { *b.at.add(i) } == b.fill)
    }

    #[test]
    fn blocks_are_aligned_as_asked_and_do_not_overlap() {
        let a = SmallBlocks::new(System);
        let mut live = Vec::new();
        for round in 0..3u8 {
            for size in 1..=MAX_SMALL + 40 {
                for align in [1, 2, 4, 8, 16] {
                    let layout = Layout::from_size_align(size, align).unwrap();
                    // SAFETY: a non-zero size; the block is filled within its size and freed
                    // below with the same layout.
                    let at = unsafe { a.alloc(layout) };
                    assert!(!at.is_null());
                    assert_eq!(at as usize % align, 0, "size {size}, align {align}");
                    let fill = (size as u8) ^ (align as u8) ^ round;
                    unsafe { ptr::write_bytes(at, fill, size) };
                    live.push(Live { at, layout, fill });
                }
            }
        }
        assert!(live.iter().all(intact));
        for b in live {
            // SAFETY: each block once, with its own layout.
            unsafe { a.dealloc(b.at, b.layout) };
        }
    }

    #[test]
    fn a_freed_block_is_the_next_of_its_size_and_takes_no_more_than_its_size() {
        let a = SmallBlocks::new(System);
        let layout = Layout::from_size_align(36, 1).unwrap();
        // SAFETY: blocks used within their size and freed with their layout.
        unsafe {
            let first = a.alloc(layout);
            let second = a.alloc(layout);
            // Blocks of one size lie side by side, with no header between them.
            assert_eq!(
                second as usize - first as usize,
                36_usize.next_multiple_of(STEP)
            );
            a.dealloc(first, layout);
            assert_eq!(a.alloc(layout), first);
            a.dealloc(first, layout);
            a.dealloc(second, layout);
        }
    }

    #[test]
    fn a_zeroed_block_is_zero_even_when_it_was_used_before() {
        let a = SmallBlocks::new(System);
        let layout = Layout::from_size_align(24, 8).unwrap();
        // SAFETY: as above.
        unsafe {
            let used = a.alloc(layout);
            ptr::write_bytes(used, 0xAB, 24);
            a.dealloc(used, layout);
            let zeroed = a.alloc_zeroed(layout);
            assert_eq!(zeroed, used);
            assert!((0..24).all(|i| *zeroed.add(i) == 0));
            a.dealloc(zeroed, layout);
        }
    }

    /// One step of the property test: allocate, free or resize.
    #[derive(Debug, Clone)]
    enum Op {
        Alloc {
            size: usize,
            align_log: u32,
            zeroed: bool,
        },
        Free(usize),
        Realloc(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (1..300usize, 0..5u32, any::<bool>()).prop_map(|(size, align_log, zeroed)| {
                Op::Alloc {
                    size,
                    align_log,
                    zeroed,
                }
            }),
            any::<usize>().prop_map(Op::Free),
            (any::<usize>(), 1..300usize).prop_map(|(i, size)| Op::Realloc(i, size)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the order of allocations, frees and resizes, every live block keeps what
        /// was written in it (no two overlap), is aligned as asked, and a resized block keeps
        /// its contents as far as both sizes reach.
        #[test]
        fn live_blocks_keep_their_contents(ops in proptest::collection::vec(op(), 1..400)) {
            let a = SmallBlocks::new(System);
            let mut live: Vec<Live> = Vec::new();
            let mut fill = 0u8;
            for op in ops {
                fill = fill.wrapping_add(1);
                match op {
                    Op::Alloc { size, align_log, zeroed } => {
                        let layout = Layout::from_size_align(size, 1 << align_log).unwrap();
                        // SAFETY: a non-zero size; written within it; freed below.
                        let at = unsafe {
                            if zeroed { a.alloc_zeroed(layout) } else { a.alloc(layout) }
                        };
                        prop_assert!(!at.is_null());
                        prop_assert_eq!(at as usize % layout.align(), 0);
                        if zeroed {
                            let zero = (0..size).all(|i| unsafe { *at.add(i) } == 0);
                            prop_assert!(zero);
                        }
                        unsafe { ptr::write_bytes(at, fill, size) };
                        live.push(Live { at, layout, fill });
                    }
                    Op::Free(i) if !live.is_empty() => {
                        let b = live.swap_remove(i % live.len());
                        prop_assert!(intact(&b));
                        // SAFETY: a live block, freed once with its layout.
                        unsafe { a.dealloc(b.at, b.layout) };
                    }
                    Op::Realloc(i, size) if !live.is_empty() => {
                        let n = i % live.len();
                        let b = &live[n];
                        prop_assert!(intact(b));
                        // SAFETY: a live block with its layout; the new size is non-zero.
                        let at = unsafe { a.realloc(b.at, b.layout, size) };
                        prop_assert!(!at.is_null());
                        prop_assert_eq!(at as usize % b.layout.align(), 0);
                        let kept = b.layout.size().min(size);
                        let moved_intact = (0..kept).all(|j| unsafe { *at.add(j) } == b.fill);
                        prop_assert!(moved_intact);
                        unsafe { ptr::write_bytes(at, fill, size) };
                        let layout = Layout::from_size_align(size, b.layout.align()).unwrap();
                        live[n] = Live { at, layout, fill };
                    }
                    _ => {}
                }
            }
            prop_assert!(live.iter().all(intact));
            for b in live {
                // SAFETY: each live block once, with its layout.
                unsafe { a.dealloc(b.at, b.layout) };
            }
        }
    }
}
