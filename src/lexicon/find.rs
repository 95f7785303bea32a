//! Every category's hits in one pass over a text ([`Lexicon::find_all`]), and the
//! per-analysis memo of the hits of sentences already read ([`HitMemo`]).

use std::hash::Hasher;

use super::names::Category;
use super::pattern::{match_at, matchable_into, Hit, Subject, NO_ID};
use super::Lexicon;
use crate::fxhash::{FastMap, FxHasher};
use crate::model::Lang;
use crate::text::{Doc, Sentence, TokenKind, TokenRange};

/// Phrase hits remembered by sentence for the several readings of one analysis: the
/// rewrite re-reads drafts that share most of their sentences with the original, and a
/// sentence's hits depend on nothing outside it (its tokens and their clauses). A
/// sentence is found again by its text and its tokens' kinds and spans, compared in
/// full, so a hash collision only costs a recomputation.
#[derive(Default)]
pub struct HitMemo {
    sentences: FastMap<u64, MemoSentence>,
    /// Remember new sentences (off when nothing will read the text again).
    keep: bool,
}

impl HitMemo {
    /// A memo that keeps what it is given, for an analysis that reads texts again.
    pub fn keeping() -> HitMemo {
        HitMemo {
            sentences: FastMap::default(),
            keep: true,
        }
    }

    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// A hit within a sentence: (category, pattern, token range relative to the sentence's
/// first token).
type SentenceHit = (Category, usize, usize, usize);

struct MemoSentence {
    lang: Lang,
    text: String,
    /// Each token's kind and byte span, relative to the sentence's start.
    tokens: Vec<(TokenKind, usize, usize)>,
    /// The sentence's hits, in the order they were found.
    hits: Vec<SentenceHit>,
}

impl MemoSentence {
    fn matches(&self, lang: Lang, text: &str, doc: &Doc, range: TokenRange, at: usize) -> bool {
        self.lang == lang
            && self.text == text
            && self.tokens.len() == range.end - range.start
            && doc.tokens[range.start..range.end]
                .iter()
                .zip(&self.tokens)
                .all(|(t, &(kind, a, b))| {
                    t.kind == kind && t.byte.0 - at == a && t.byte.1 - at == b
                })
    }
}

/// The hits of every category in one text (see [`Lexicon::find_all`]).
#[derive(Debug, Clone)]
pub struct CategoryHits {
    pub(super) by_category: Vec<Vec<Hit>>,
}

impl CategoryHits {
    /// The hits of one category, in text order (`Hit::pattern` indexes the category's
    /// own phrase set, as `Lexicon::phrases(category).pattern(i)`).
    #[inline]
    pub fn get(&self, category: Category) -> &[Hit] {
        &self.by_category[category as usize]
    }
}

/// Adds the hits of sentence `s` to their categories.
fn push_hits(by_category: &mut [Vec<Hit>], s: &Sentence, hits: &[SentenceHit]) {
    for &(cat, pattern, a, b) in hits {
        by_category[cat as usize].push(Hit {
            pattern,
            range: TokenRange {
                start: s.tokens.start + a,
                end: s.tokens.start + b,
            },
        });
    }
}

/// The buffers one pass reuses from sentence to sentence.
struct Scratch {
    /// Per category, the longest match found at this position: (category, end, pattern).
    best: Vec<(Category, usize, usize)>,
    /// The vocabulary ids present in the sentence, as bits (set and cleared per sentence).
    present: Vec<u64>,
    /// Per category, the first position a new match may start at (no overlaps).
    free_from: Vec<usize>,
    /// The sentence's matchable tokens.
    seq: Vec<usize>,
    found: Vec<SentenceHit>,
}

impl Lexicon {
    /// Every category's hits in `doc`, in one pass: per category, the longest match at
    /// each start and no overlaps (as [`super::PhraseSet::find`] gives for one category).
    pub fn find_all(&self, doc: &Doc) -> CategoryHits {
        self.find_all_with(doc, &mut HitMemo::default())
    }

    /// [`Lexicon::find_all`], taking the hits of sentences it has seen before from
    /// `memo`, and leaving the new ones there.
    pub fn find_all_with(&self, doc: &Doc, memo: &mut HitMemo) -> CategoryHits {
        let mut by_category: Vec<Vec<Hit>> = vec![Vec::new(); Category::COUNT];
        let ids = self.word_ids(doc);
        let mut scratch = Scratch {
            best: Vec::new(),
            present: vec![0u64; self.first_by_id.len().div_ceil(64)],
            free_from: vec![0usize; Category::COUNT],
            seq: Vec::new(),
            found: Vec::new(),
        };
        // (a memo that keeps nothing and holds nothing: no sentence keys to compute)
        let use_memo = memo.keep || !memo.sentences.is_empty();
        for s in &doc.sentences {
            let (at, to) = doc.byte_range(s.tokens);
            let text = &doc.source[at..to];
            let key = if use_memo {
                let mut h = FxHasher::default();
                h.write(text.as_bytes());
                h.write_u8(self.lang as u8);
                h.finish()
            } else {
                0
            };
            if use_memo {
                let remembered = memo.sentences.get(&key);
                if let Some(m) =
                    remembered.filter(|m| m.matches(self.lang, text, doc, s.tokens, at))
                {
                    push_hits(&mut by_category, s, &m.hits);
                    continue;
                }
            }
            self.match_sentence(doc, s, &ids, &mut scratch);
            push_hits(&mut by_category, s, &scratch.found);
            if memo.keep {
                memo.sentences.insert(
                    key,
                    MemoSentence {
                        lang: self.lang,
                        text: text.to_string(),
                        tokens: doc.tokens[s.tokens.start..s.tokens.end]
                            .iter()
                            .map(|t| (t.kind, t.byte.0 - at, t.byte.1 - at))
                            .collect(),
                        hits: scratch.found.clone(),
                    },
                );
            }
        }
        CategoryHits { by_category }
    }

    /// The hits of every category in sentence `s`, into `scratch.found`.
    fn match_sentence(&self, doc: &Doc, s: &Sentence, ids: &[u32], scratch: &mut Scratch) {
        let set = &self.combined;
        let subject = Subject {
            doc,
            ids: Some(ids),
        };
        let Scratch {
            best,
            present,
            free_from,
            seq,
            found,
        } = scratch;
        found.clear();
        matchable_into(doc, s.tokens, seq);
        free_from.fill(0);
        for &i in seq.iter() {
            if let Some(id) = ids.get(i).filter(|&&id| id != NO_ID) {
                present[*id as usize / 64] |= 1 << (id % 64);
            }
        }
        let has_all = |pid: usize| {
            self.required[pid]
                .iter()
                .all(|&id| present[id as usize / 64] & (1 << (id % 64)) != 0)
        };
        for pos in 0..seq.len() {
            best.clear();
            let tok = &doc.tokens[seq[pos]];
            // patterns whose literal first word is this token's (by its id: no hashing,
            // and that first word need not be checked again), then the rest
            let by_word = self
                .first_by_id
                .get(ids[seq[pos]] as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let candidates = by_word
                .iter()
                .map(|&pid| (pid, true))
                .chain(set.inexact_candidates(tok).map(|pid| (pid, false)));
            for (pid, first_matched) in candidates {
                let (cat, local) = self.owners[pid];
                if pos < free_from[cat as usize]
                    || (set.patterns[pid].anchored && !doc.opens_clause(seq[pos]))
                    || !has_all(pid)
                {
                    continue;
                }
                let elems = &set.patterns[pid].elems;
                let end = if first_matched {
                    match_at(&elems[1..], subject, seq, pos + 1)
                } else {
                    match_at(elems, subject, seq, pos)
                };
                if let Some(end) = end {
                    match best.iter_mut().find(|b| b.0 == cat) {
                        Some(b) if end > b.1 => *b = (cat, end, local),
                        Some(_) => {}
                        None => best.push((cat, end, local)),
                    }
                }
            }
            for &(cat, end, local) in best.iter() {
                let range = TokenRange {
                    start: seq[pos],
                    end: seq[end - 1] + 1,
                };
                found.push((
                    cat,
                    local,
                    range.start - s.tokens.start,
                    range.end - s.tokens.start,
                ));
                free_from[cat as usize] = end;
            }
        }
        for &i in seq.iter() {
            if let Some(id) = ids.get(i).filter(|&&id| id != NO_ID) {
                present[*id as usize / 64] &= !(1 << (id % 64));
            }
        }
    }
}
