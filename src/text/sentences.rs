//! Sentences, and the clauses within them.

use super::{Sentence, Token, TokenKind, TokenRange};

// Conjunctions that start a new clause when a subject-like word follows, in every
// language: CLAUSE_CONJUNCTIONS and SUBJECT_STARTERS, from the lexicons' word lists (the
// text layer sits below the lexicon, so build.rs hands them over).
include!(concat!(env!("OUT_DIR"), "/clause_words.rs"));

/// Splits tokens into sentences: at terminal punctuation and line breaks, with the
/// emoji and punctuation that trail them, and after a link or an emoji that a
/// capitalised word follows (they often stand where the full stop should be: "… on this
/// page: <link> These tips may help", "Happy to help :) Can you …").
pub(super) fn split_sentences(tokens: &[Token], source: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        let ends = match t.kind {
            TokenKind::Terminal => true,
            TokenKind::Newline => true,
            TokenKind::Url => tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Word && super::starts_upper(n.text(source))),
            // an emoji followed by a line break, or by a capitalised word after a few
            // words, ends the sentence ("I'd love to help :) HP recommends …"; not "Hi 👋
            // Sarah")
            TokenKind::Emoji => tokens.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Newline
                    || (n.kind == TokenKind::Word
                        && super::starts_upper(n.text(source))
                        && tokens[start..i].iter().filter(|t| t.is_word()).count() >= 2)
            }),
            _ => false,
        };
        if ends {
            // absorb trailing emoji / closing punctuation into this sentence
            let mut j = i + 1;
            while j < n && matches!(tokens[j].kind, TokenKind::Emoji | TokenKind::Terminal) {
                j += 1;
            }
            let question = tokens[start..j]
                .iter()
                .any(|t| t.kind == TokenKind::Terminal && t.norm.contains('?'));
            if tokens[start..j]
                .iter()
                .any(|t| t.kind != TokenKind::Newline)
            {
                out.push(make_sentence(tokens, start, j, question));
            }
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    if start < n && tokens[start..].iter().any(|t| t.kind != TokenKind::Newline) {
        out.push(make_sentence(tokens, start, n, false));
    }
    out
}

/// A sentence of tokens `[start, end)`, split into clauses at `, : ;` and dashes, and
/// before a conjunction that starts a new subject.
fn make_sentence(tokens: &[Token], start: usize, end: usize, question: bool) -> Sentence {
    let mut clauses = Vec::new();
    let mut cs = start;
    for i in start..end {
        let t = &tokens[i];
        let split_here = match t.kind {
            // (not at brackets: a parenthesis sits inside its clause, "I've refunded the
            // amount (€23.47) today")
            TokenKind::Punct => matches!(t.norm.as_str(), "," | ":" | ";" | "–" | "—"),
            TokenKind::Word => {
                CLAUSE_CONJUNCTIONS.contains(&t.norm.as_str())
                    && i > cs
                    && tokens
                        .get(i + 1)
                        .map(|n| SUBJECT_STARTERS.contains(&n.norm.as_str()))
                        .unwrap_or(false)
            }
            _ => false,
        };
        if split_here {
            if i > cs {
                clauses.push(TokenRange { start: cs, end: i });
            }
            cs = if t.kind == TokenKind::Punct { i + 1 } else { i };
        }
    }
    if end > cs {
        clauses.push(TokenRange { start: cs, end });
    }
    Sentence {
        tokens: TokenRange { start, end },
        clauses,
        question,
    }
}
