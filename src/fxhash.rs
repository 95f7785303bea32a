//! The hasher of the engine's maps (the lexicon's words, the memos of one analysis).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hasher for short word keys (the Fx hash of rustc). The maps here are
/// built from our own data, never from attacker-chosen keys, so a DoS-resistant hash
/// buys nothing and SipHash was a fifth of the analysis time.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes at a time, little-endian, the last chunk zero-padded; no copy into
        // a buffer (in wasm a copy is a call)
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(
                tail.iter()
                    .rev()
                    .fold(0u64, |word, &b| word << 8 | b as u64),
            );
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
