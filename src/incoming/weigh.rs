//! How likely a post is a complaint, from its signals: a logistic regression whose
//! weights `scripts/train/post_kind.py` learns from labelled posts
//! (data/training/posts.jsonl) and writes to data/model/post_kind.toml, which build.rs
//! embeds. Small on purpose: one weight a signal, so every reading can say which signals
//! made it, and a signal the lexicon finds in a new language needs no new training to
//! count.

use std::sync::OnceLock;

use super::signals::{Found, SignalId};

mod data {
    include!(concat!(env!("OUT_DIR"), "/post_kind.rs"));
}

/// At or above this chance the post reads as a complaint.
pub const COMPLAINT_AT: f64 = 0.5;
/// At or above this chance the reading "complaint" is sure; at or below
/// [`SURE_NOT_BELOW`], the reading "no complaint" is.
pub const SURE_ABOVE: f64 = 0.7;
pub const SURE_NOT_BELOW: f64 = 0.3;

/// The weights by signal (`SignalId as usize`), and the bias.
struct Model {
    weights: Vec<f64>,
    bias: f64,
    cap: usize,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut weights = vec![0.0; SignalId::COUNT];
        for &(name, w) in data::WEIGHTS {
            // (tests/post_model.rs checks that every name is a signal)
            if let Some(id) = SignalId::from_name(name) {
                weights[id as usize] = w;
            }
        }
        Model {
            weights,
            bias: data::BIAS,
            cap: data::CAP,
        }
    })
}

/// The names in data/model/post_kind.toml that are no signal (none, says a test).
pub fn unknown_names() -> Vec<&'static str> {
    data::WEIGHTS
        .iter()
        .map(|&(n, _)| n)
        .filter(|n| SignalId::from_name(n).is_none())
        .collect()
}

/// The learned weight of one signal (per occurrence, up to the cap).
pub fn weight(id: SignalId) -> f64 {
    model().weights[id as usize]
}

/// How much each signal adds to the evidence (its weight times its capped count).
pub fn contributions(found: &[Found]) -> Vec<(SignalId, f64)> {
    let m = model();
    let mut counts = vec![0usize; SignalId::COUNT];
    for f in found {
        counts[f.id as usize] += 1;
    }
    SignalId::ALL
        .iter()
        .filter(|&&id| counts[id as usize] > 0)
        .map(|&id| {
            (
                id,
                m.weights[id as usize] * counts[id as usize].min(m.cap) as f64,
            )
        })
        .collect()
}

/// The chance the post is a complaint.
pub fn complaint_chance(found: &[Found]) -> f64 {
    let z = model().bias + contributions(found).iter().map(|(_, c)| c).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TokenRange;

    #[test]
    fn every_weight_is_a_signal_and_the_chance_follows_the_weights() {
        assert_eq!(unknown_names(), Vec::<&str>::new());
        let at = TokenRange { start: 0, end: 1 };
        let found = |ids: &[SignalId]| -> Vec<Found> {
            ids.iter().map(|&id| Found { id, range: at }).collect()
        };
        // a signal that weighs towards a complaint raises the chance, one against lowers
        // it, and a signal counts at most `cap` times
        let none = complaint_chance(&[]);
        assert!(complaint_chance(&found(&[SignalId::NotWorking])) > none);
        assert!(complaint_chance(&found(&[SignalId::Resolved])) < none);
        let many = vec![SignalId::NotWorking; model().cap + 3];
        let capped = vec![SignalId::NotWorking; model().cap];
        assert_eq!(complaint_chance(&found(&many)), complaint_chance(&found(&capped)));
    }
}
