//! Sorting with one sorting routine in the wasm for every caller.
//!
//! The standard library's sorts are generic: each element type and comparison gets its
//! own copy of the routine (about 4 KB of wasm each, 34 KB for the engine's eight
//! sorts). The lists the engine sorts are short (findings, edits, sentences), so here
//! the positions are sorted once, through a comparison behind a reference, and the
//! items moved into that order.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping the order of equal items (a stable sort).
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|k| taken[k].take()));
}

/// Sorts `items` by the key `key` gives, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..n` in the order `cmp` gives them (stable).
#[inline(never)]
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5, 2, 9, 2];
        sort_by(&mut w, |a, b| b.cmp(a));
        assert_eq!(w, [9, 5, 2, 2]);
        let mut e: Vec<u8> = Vec::new();
        sort_by(&mut e, |a, b| a.cmp(b));
        assert!(e.is_empty());
    }
}
