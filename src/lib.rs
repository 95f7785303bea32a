//! Reply Coach: reads the post being answered and the draft reply, and coaches the
//! reply by the webcare brief (shared/knowledge/webcare.md). Pure functions over text;
//! the CLI (`src/main.rs`) and the wasm bindings (`src/wasm.rs`) are thin shells around
//! [`analyze`].

pub mod analysis;
pub mod fix;
mod fxhash;
pub mod incoming;
pub mod json;
pub mod length;
pub mod lexicon;
pub mod model;
mod names;
mod order;
pub mod pii;
pub mod register;
pub mod reply;
pub mod rewrite;
pub mod rulebook;
pub mod rules;
pub mod saved;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod wasm_alloc;
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: wasm_alloc::Alloc = wasm_alloc::Alloc::new();

pub use model::*;

pub use analysis::{MAX_POST_UNITS, MAX_REPLY_UNITS};

/// Analyse one exchange: the post's reading, the reply's strategies, voice and findings,
/// and a suggested rewrite.
pub fn analyze(exchange: &Exchange) -> Report {
    // the rewrite re-reads texts that share most sentences with the draft (and does not
    // run on drafts this long)
    let mut memo = if text::utf16_len(&exchange.reply) <= rewrite::MAX_REWRITE_UNITS {
        lexicon::HitMemo::keeping()
    } else {
        lexicon::HitMemo::default()
    };
    let (mut report, doc) = analysis::read_with_doc(exchange, &mut memo);
    if report.truncated.is_none() {
        let outcome = rewrite::rewrite(exchange, &report, &doc, &mut memo);
        report.rewrite = outcome.rewrite;
        report.rewrite_note = outcome.note;
    } else {
        report.rewrite_note = rewrite::too_long_note(exchange, &report);
    }
    report
}

/// [`analyze`] without the rewrite (the rewrite uses this to check its own output).
pub fn analyze_without_rewrite(exchange: &Exchange) -> Report {
    analysis::read(exchange, &mut lexicon::HitMemo::default())
}
