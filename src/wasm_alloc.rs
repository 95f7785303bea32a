//! The wasm's global allocator: segregated free lists of power-of-two blocks.
//!
//! One analysis allocates and frees the same shapes of memory each time, and the
//! extension calls it per keystroke, so a free block of the same size class is nearly
//! always there: allocation and freeing are a pop and a push. Blocks never merge or
//! split; the memory taken settles at the most each size class held at once.
//! Single-threaded wasm only (no `atomics`).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// Blocks are 16 bytes at least, 16-aligned; class `c` holds blocks of `1 << c` bytes.
const MIN_CLASS: u32 = 4;
const PAGE: usize = 65536;

pub struct Alloc(UnsafeCell<State>);

struct State {
    /// heads of the free lists, by class; a free block's first word is the next one
    free: [*mut u8; 32],
    /// the unused end of the memory last grown: `next..end`
    next: usize,
    end: usize,
}

// SAFETY: wasm32 without atomics has one thread.
unsafe impl Sync for Alloc {}

impl Alloc {
    pub const fn new() -> Self {
        Alloc(UnsafeCell::new(State {
            free: [null_mut(); 32],
            next: 0,
            end: 0,
        }))
    }
}

/// The class of a block of at least `size` bytes (`size` > 0).
fn class(size: usize) -> u32 {
    (usize::BITS - (size.max(1 << MIN_CLASS) - 1).leading_zeros()).max(MIN_CLASS)
}

impl State {
    unsafe fn take(&mut self, c: u32) -> *mut u8 {
        let head = self.free[c as usize];
        if !head.is_null() {
            self.free[c as usize] = *(head as *mut *mut u8);
            return head;
        }
        let size = 1usize << c;
        if self.end - self.next < size {
            let pages = size.div_ceil(PAGE).max(16);
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return null_mut();
            }
            if old * PAGE != self.end {
                // not after our last block (the first growth): start there
                self.next = old * PAGE;
            }
            self.end = (old + pages) * PAGE;
        }
        let p = self.next;
        self.next += size;
        p as *mut u8
    }

    unsafe fn give(&mut self, p: *mut u8, c: u32) {
        *(p as *mut *mut u8) = self.free[c as usize];
        self.free[c as usize] = p;
    }
}

/// Over 16: a block of `size + align`, the pointer past 4 bytes that hold where the block
/// starts, aligned up.
fn big_align(layout: &Layout) -> bool {
    layout.align() > 1 << MIN_CLASS
}

unsafe impl GlobalAlloc for Alloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let st = &mut *self.0.get();
        if big_align(&layout) {
            let size = layout.size() + layout.align(); // both at most isize::MAX
            if size > isize::MAX as usize {
                return null_mut();
            }
            let block = st.take(class(size));
            if block.is_null() {
                return block;
            }
            let p = (block as usize + 16).next_multiple_of(layout.align()) as *mut u8;
            *(p.sub(4) as *mut usize) = block as usize;
            return p;
        }
        st.take(class(layout.size()))
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        let st = &mut *self.0.get();
        if big_align(&layout) {
            let block = *(p.sub(4) as *const usize) as *mut u8;
            st.give(block, class(layout.size() + layout.align()));
        } else {
            st.give(p, class(layout.size()));
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !big_align(&layout) && class(layout.size()) == class(new_size) {
            return p;
        }
        let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(p, new, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        new
    }
}
