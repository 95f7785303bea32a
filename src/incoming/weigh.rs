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

/// The lines are drawn on the evidence, the log-odds z of a complaint (the chance is
/// 1 / (1 + e^-z)), so no exponential is computed: from z = 0 (a chance of 0.5) the post
/// reads as a complaint;
pub const COMPLAINT_AT: f64 = 0.0;
/// from a chance of 0.7 (z = ln(0.7 / 0.3)) that reading is sure, and up to 0.3 the
/// reading "no complaint" is.
pub const SURE_ABOVE: f64 = 0.847_297_860_387_203_7;
pub const SURE_NOT_BELOW: f64 = -SURE_ABOVE;

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

/// The evidence that the post is a complaint: the log-odds of a complaint.
pub fn complaint_evidence(found: &[Found]) -> f64 {
    model().bias + contributions(found).iter().map(|(_, c)| c).sum::<f64>()
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
        let none = complaint_evidence(&[]);
        assert!(complaint_evidence(&found(&[SignalId::NotWorking])) > none);
        assert!(complaint_evidence(&found(&[SignalId::Resolved])) < none);
        let many = vec![SignalId::NotWorking; model().cap + 3];
        let capped = vec![SignalId::NotWorking; model().cap];
        assert_eq!(
            complaint_evidence(&found(&many)),
            complaint_evidence(&found(&capped))
        );
        // the lines in log-odds are the chances 0.5, 0.7 and 0.3
        let chance = |z: f64| 1.0 / (1.0 + (-z).exp());
        assert!((chance(COMPLAINT_AT) - 0.5).abs() < 1e-12);
        assert!((chance(SURE_ABOVE) - 0.7).abs() < 1e-12);
        assert!((chance(SURE_NOT_BELOW) - 0.3).abs() < 1e-12);
    }
}
