//! The whole-reply rewrite, in the reply's language. Surgical: it applies what the
//! findings name (their content fixes, then the customer's form of address) and keeps the
//! agent's other words, order and voice; then it adds the frame the reply lacks
//! ([`frame`]: the customer's name, one opener that fits the post, the agent's
//! signature) and shortens for the platform by dropping filler only ([`shorten`]). Before
//! it is shown, [`check`] reads it as a draft against the same post; a rewrite that
//! fails is not offered, and [`note`] says why and what to change by hand.

mod check;
mod frame;
mod note;
mod shorten;
mod tidy;

use std::rc::Rc;

use crate::lexicon::Template;
use crate::model::*;
use crate::reply::Element;
use crate::rulebook::{FixKind, RuleId};
use crate::text::{byte_of_utf16, Doc, KnownStretches};

pub use tidy::tidy;

use check::Why;

/// Drafts longer than this (UTF-16 units; Facebook's limit is 8,000 characters) get no
/// whole-reply rewrite: the findings and their fixes still apply.
pub const MAX_REWRITE_UNITS: usize = 10_000;

/// Drafts of fewer words than this get no whole-reply rewrite.
pub const MIN_REWRITE_WORDS: usize = 2;

/// What the rewrite offers: a whole reply, or a note saying why not.
#[derive(Debug, Default)]
pub struct Outcome {
    pub rewrite: Option<String>,
    pub note: Option<String>,
}

/// The finding's rule has a fix of `kind` (`data/rules/<id>.toml`: `fix.kind`).
fn fixes(f: &Finding, kind: FixKind) -> bool {
    RuleId::from_name(&f.rule).is_some_and(|id| id.rule().fix_kind() == Some(kind))
}

/// The fixes that edit the reply's words (the rewrite adds its own frame).
fn edits_content(f: &Finding) -> bool {
    fixes(f, FixKind::Content)
}

/// Applies the non-overlapping fixes of the `findings` that `apply` chooses, most severe
/// first; returns the new text.
pub fn apply_fixes(text: &str, findings: &[Finding], apply: impl Fn(&Finding) -> bool) -> String {
    let mut chosen: Vec<(Span, &str)> = Vec::new();
    let mut ordered: Vec<&Finding> = findings.iter().filter(|f| apply(f)).collect();
    crate::order::sort_by_key(&mut ordered, |f| std::cmp::Reverse(f.severity));
    for f in ordered {
        let (Some(span), Some(rep)) = (f.span, f.replacement.as_deref()) else {
            continue;
        };
        if chosen
            .iter()
            .any(|(s, _)| s[0] < span[1] && span[0] < s[1] || (s[0] == s[1] && s[0] == span[0]))
        {
            continue;
        }
        chosen.push((span, rep));
    }
    // byte offsets of every span in one pass over the original text, then the edits
    // from right to left so that earlier offsets stay valid
    let mut units: Vec<usize> = chosen.iter().flat_map(|(s, _)| [s[0], s[1]]).collect();
    crate::order::sort_by(&mut units, usize::cmp);
    units.dedup();
    let bytes = crate::text::bytes_of_utf16(text, &units);
    let byte = |u: usize| {
        units
            .binary_search(&u)
            .map(|k| bytes[k])
            .unwrap_or(text.len())
    };
    crate::order::sort_by(&mut chosen, |a, b| b.0[0].cmp(&a.0[0]));
    let mut out = text.to_string();
    for (span, rep) in chosen {
        let (a, b) = (byte(span[0]), byte(span[1]));
        if a <= b && b <= out.len() {
            out.replace_range(a..b, rep);
        }
    }
    out
}

/// Re-analyses candidate texts for the same post, remembering the last one (the rewrite
/// checks the same text several times).
struct Analyser<'e> {
    ex: &'e Exchange,
    base: &'e Report,
    /// The draft's tokens, by stretch: a candidate is tokenised from them.
    draft: KnownStretches<'e>,
    /// The last text read, its report and its tokens (none for the draft's own report).
    last: Option<(String, Rc<Report>, Option<Doc<'static>>)>,
    memo: &'e mut crate::lexicon::HitMemo,
}

impl Analyser<'_> {
    fn get(&mut self, text: &str) -> Rc<Report> {
        if let Some((t, r, _)) = &self.last {
            if t == text {
                return Rc::clone(r);
            }
        }
        let doc = self.draft.tokenise(text);
        let (report, doc) = crate::analysis::reanalyze_doc(self.ex, doc, self.base, self.memo);
        let r = Rc::new(report);
        self.last = Some((text.to_string(), Rc::clone(&r), Some(doc.detached())));
        r
    }

    /// The tokens of `text`, when it was the last text read (the check reads them
    /// again).
    fn take_doc<'t>(&mut self, text: &'t str) -> Option<Doc<'t>> {
        match &mut self.last {
            Some((t, _, doc)) if t == text => doc.take().map(|d| d.attached(text)),
            _ => None,
        }
    }
}

/// Puts a sentence before the signature (or at the end).
fn insert_before_signature(text: &str, report: &Report, sentence: &str) -> String {
    match Element::Signature.span_in(report) {
        Some(sig) => {
            let at = byte_of_utf16(text, sig[0]);
            let (a, b) = text.split_at(at);
            tidy(&format!("{} {sentence} {b}", a.trim_end()))
        }
        None => tidy(&format!("{} {sentence}", text.trim_end())),
    }
}

/// Applies what the findings can still fix, until nothing changes (at most four
/// rounds): the customer's form of address first, then the content fixes. A finding
/// without a fix stays: the check after the rewrite decides what that means.
fn settle(an: &mut Analyser, mut text: String) -> String {
    // fixes shorten or swap wording; a text that keeps growing means fixes feeding each
    // other (a user's replacement that contains its own phrase): stop there
    let bound = 2 * crate::text::utf16_len(&an.ex.reply) + 1_000;
    for _ in 0..4 {
        if crate::text::utf16_len(&text) > bound {
            break;
        }
        let check = an.get(&text);
        // a late fix can mix "je" into a "u" reply: settle the form of address first
        if let Some(converted) = check
            .findings
            .iter()
            .find(|f| fixes(f, FixKind::Register))
            .and_then(|f| f.replacement.clone())
        {
            if converted != text {
                text = converted;
                continue;
            }
        }
        let fixable = check
            .findings
            .iter()
            .any(|f| edits_content(f) && f.replacement.is_some() && f.span.is_some());
        if !fixable {
            break;
        }
        let next = tidy(&apply_fixes(&text, &check.findings, edits_content));
        if next == text {
            break;
        }
        text = next;
    }
    text
}

/// The first letter of the reply's body as the agent wrote it, when the rewrite starts
/// with the agent's own first word: a tweet that goes on from the one before ("may need
/// to be changed…") or an agent who writes in lower case keeps it.
fn first_letter_as_written(original: &str, text: &str) -> String {
    let first_word = |s: &str| -> Option<(usize, String)> {
        let at = crate::text::body_start(s)?;
        let w: String = s[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
            .collect();
        (!w.is_empty()).then_some((at, w))
    };
    match (first_word(original), first_word(text)) {
        (Some((_, a)), Some((at, b)))
            if a != b && a.starts_with(char::is_lowercase) && crate::text::capitalise(&a) == b =>
        {
            format!("{}{a}{}", &text[..at], &text[at + b.len()..])
        }
        _ => text.to_string(),
    }
}

/// The candidate rewrite, and the opener its frame put in.
fn candidate(ex: &Exchange, report: &Report, an: &mut Analyser) -> (String, Option<frame::Opener>) {
    let original = ex.reply.as_str();
    // 1. the content fixes (when they change nothing, the draft's own report holds)
    let mut text = tidy(&apply_fixes(original, &report.findings, edits_content));
    if text == original {
        an.last = Some((text.clone(), Rc::new(report.clone()), None));
    }
    // 2. fix to a fixed point: the form of address and what the fixes can still change
    text = settle(an, text);
    let fixed = text.clone();
    // 3. the human frame, then settle again (a rewrite of the rewrite must change
    // nothing)
    let current = an.get(&text);
    let framed = frame::add_within_limit(ex, &text, &current);
    text = settle(an, framed.text);
    // 4. a fix that took out a voice element (an emoji in a removed promotion, a "haha")
    // must not leave the reply less human than the draft: invite dialogue (not when
    // only the score moved: an opener in front lowers it, and a second closing after
    // "Hope this helps!" reads as a template)
    let check = an.get(&text);
    let invite = crate::lexicon::lexicon(check.language).template(Template::Invite, &[]);
    let lost = report
        .voice
        .elements
        .iter()
        .any(|e| !check.voice.elements.contains(e));
    if lost
        && check.voice.score < report.voice.score
        && !Element::InviteDialogue.in_report(&check)
        && !frame::user_avoids(ex, &invite)
    {
        text = insert_before_signature(&text, &check, &invite);
    }
    // 5. too long for the platform: when the additions pushed it over, keep the fixed
    // text without them; then drop filler, never what the reply says
    let check = an.get(&text);
    let mut opener = framed.opener;
    if check.length.counted > check.length.limit {
        let bare = an.get(&fixed);
        if bare.length.counted <= bare.length.limit {
            text = fixed;
            opener = None;
        }
    }
    text = shorten::shorten(an, &text);
    (first_letter_as_written(original, &text), opener)
}

/// Suggests a whole reply, or says why not (`Outcome::note`); `draft` is the draft as the
/// analysis tokenised it. No rewrite when the draft
/// is empty or has no findings, when the brief advises not to respond, and when the
/// candidate fails the check. `memo` holds the phrase hits of the sentences this
/// analysis has read: the rewrite's re-readings match only the sentences that changed.
pub fn rewrite(
    ex: &Exchange,
    report: &Report,
    draft: &Doc,
    memo: &mut crate::lexicon::HitMemo,
) -> Outcome {
    let original = ex.reply.as_str();
    if original.trim().is_empty() || report.findings.is_empty() {
        return Outcome::default();
    }
    // a word or less ("H", "Klopt!") is a draft still being typed, or an answer a frame
    // would only bury: nothing to rewrite, and nothing to say about it
    if draft.tokens.iter().filter(|t| t.is_word()).count() < MIN_REWRITE_WORDS {
        return Outcome::default();
    }
    let refuse = |why: Why| Outcome {
        rewrite: None,
        note: note::line(ex, report, why),
    };
    if report.incoming.advice == Advice::DontRespond {
        return refuse(Why::DontRespond);
    }
    if crate::text::utf16_len(original) > MAX_REWRITE_UNITS {
        return refuse(Why::TooLongToRewrite);
    }
    if frame::has(report, RuleId::LanguageMismatch) {
        return refuse(Why::Translate);
    }
    // a reply in a language the coach does not write would get an English or Dutch frame
    // ("Apologies for the wait! Hallo! …")
    if crate::incoming::in_another_language(draft) {
        return refuse(Why::OtherLanguage);
    }
    let mut an = Analyser {
        ex,
        base: report,
        draft: KnownStretches::new(draft),
        last: None,
        memo,
    };
    let (text, opener) = candidate(ex, report, &mut an);
    let rw = an.get(&text);
    let rdoc = an
        .take_doc(&text)
        .unwrap_or_else(|| an.draft.tokenise(&text));
    let verdict = check::check(report, draft, &rdoc, &rw, opener);
    match verdict {
        Ok(()) => Outcome {
            rewrite: Some(text),
            note: None,
        },
        Err(why) => refuse(why),
    }
}

/// The note for a draft past the engine's window (no rewrite is offered for it).
pub fn too_long_note(ex: &Exchange, report: &Report) -> Option<String> {
    note::line(ex, report, Why::TooLongToRewrite)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixes_apply_right_to_left_without_overlap() {
        let f = |span: Span, rep: &str| Finding {
            rule: "corporate-phrase".into(),
            severity: Severity::Warning,
            message: String::new(),
            explanation: Text::Borrowed(""),
            span: Some(span),
            replacement: Some(rep.into()),
        };
        let out = apply_fixes(
            "😊 abc def",
            &[f([3, 6], "X"), f([7, 10], "Y"), f([4, 8], "Z")],
            edits_content,
        );
        assert_eq!(out, "😊 X Y");
    }
}
