//! The agent's signature at the end of a reply, as agents write it: initials or a name
//! after a mark ("^PK", "*SR", "~JD", "/KM", "-Sam", "–jeh"), after a sign-off ("Groet,
//! Pim", "Kind regards - Kirsten"), on its own line, or closing the reply after a link or
//! a last sentence ("… <link> HRB"), possibly followed by the organisation's department
//! ("Roopa-HP Social Media Support", "Mike from the Support Team"), a link or the place
//! in a thread ("^Vinod 2/2").

use crate::lexicon::{in_any_language, Category, CategoryHits, Lexicon, List};
use crate::model::Profile;
use crate::text::placeholder::Placeholder;
use crate::text::{normalise, Doc, Token, TokenKind, TokenRange};

use super::is_capitalised;

/// What a signature is read with: the reply, its language, and who the agent and the
/// customer are.
struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    lx: &'d Lexicon,
    hits: &'d CategoryHits,
    /// The agent's name, word by word, normalised.
    agent: Option<String>,
    initials: Option<String>,
    customer: Option<String>,
}

/// How the reply closes: the agent's signature, or a closing that signs for the
/// organisation ("Met vriendelijke groet, Huisartsenpraktijk De Linde", "… Garage
/// Hendriks"), which is part of the frame but names nobody.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Closing {
    pub signature: Option<TokenRange>,
    pub organisation: Option<TokenRange>,
}

/// How the reply closes.
pub(super) fn find(
    doc: &Doc,
    lx: &Lexicon,
    hits: &CategoryHits,
    profile: &Profile,
    customer: Option<&str>,
) -> Closing {
    let core = |w: &str| normalise(w.trim_matches(|c: char| !c.is_alphabetic()));
    let r = Reader {
        doc,
        lx,
        hits,
        agent: profile
            .agent_name
            .as_deref()
            .map(|n| n.split_whitespace().map(core).collect::<Vec<_>>().join(" ")),
        initials: profile.agent_initials.as_deref().map(core),
        customer: customer.map(normalise),
    };
    let last = content_end(doc);
    if last == 0 {
        return Closing::default();
    }
    let signature = r.signature(last).map(|start| TokenRange {
        start,
        end: closing_end(doc, last),
    });
    let organisation = match signature {
        Some(_) => None,
        None => r.organisation(last).map(|start| TokenRange {
            start,
            end: closing_end(doc, last),
        }),
    };
    Closing {
        signature,
        organisation,
    }
}

/// "1/2", "2/2": a reply's place in a thread of replies.
fn is_thread_counter(t: &Token) -> bool {
    t.is_word()
        && t.norm.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 2
                && b.len() <= 2
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
}

/// The end of what the reply says: before the trailing punctuation, emoji, line breaks,
/// links and thread counters, none of which ends a signature.
fn content_end(doc: &Doc) -> usize {
    let mut last = doc.tokens.len();
    // a role or organisation in brackets after the name: "Groet, Karin (Gemeente Houtwijk)"
    let trimmed = doc.tokens[..last]
        .iter()
        .rposition(|t| !matches!(t.kind, TokenKind::Terminal | TokenKind::Newline));
    if let Some(k) = trimmed.filter(|&k| doc.tokens[k].norm == ")") {
        let open = (k.saturating_sub(7)..k)
            .rev()
            .find(|&j| doc.tokens[j].norm == "(");
        if let Some(open) = open.filter(|&o| doc.tokens[o + 1..k].iter().all(|t| t.is_word())) {
            last = open;
        }
    }
    while last > 0 {
        let t = &doc.tokens[last - 1];
        let trailing = matches!(
            t.kind,
            TokenKind::Terminal | TokenKind::Emoji | TokenKind::Newline | TokenKind::Url
        ) || is_thread_counter(t)
            || (t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "(" | ")" | "[" | "]"));
        if !trailing {
            break;
        }
        last -= 1;
    }
    last
}

/// Where the signature that ends at token `last` stops: with the punctuation and emoji
/// right after it, before a link or a thread counter.
fn closing_end(doc: &Doc, last: usize) -> usize {
    let mut end = last;
    while end < doc.tokens.len()
        && matches!(
            doc.tokens[end].kind,
            TokenKind::Terminal | TokenKind::Emoji | TokenKind::Punct | TokenKind::Newline
        )
    {
        end += 1;
    }
    // no line breaks at the end of the range
    while end > last && doc.tokens[end - 1].kind == TokenKind::Newline {
        end -= 1;
    }
    end
}

/// A mark that introduces a signature: ^PK, *SR, ~JD, /KM, - Pim, – Pim, = JJ.
fn is_mark(t: &Token) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            t.norm.as_str(),
            "^" | "*" | "-" | "–" | "—" | "~" | "/" | "="
        )
}

impl Reader<'_, '_> {
    /// Where the agent's signature that ends at token `last` starts, if there is one.
    fn signature(&self, last: usize) -> Option<usize> {
        let name_end = self.before_department(last).unwrap_or(last);
        // the name: one or two person-like words
        let mut name_start = name_end;
        while name_start > 0 && name_end - name_start < 2 && self.is_person(name_start - 1) {
            name_start -= 1;
        }
        if name_start == name_end {
            return None;
        }
        // "{signature}" signs wherever it closes the reply
        self.signature_start(name_start, name_end).or_else(|| {
            (self.placeholder(last - 1) == Some(Placeholder::Signature)).then_some(last - 1)
        })
    }

    /// The placeholder token `i` is ("{agent}"), if the engine knows its name.
    fn placeholder(&self, i: usize) -> Option<Placeholder> {
        self.doc.tokens.get(i).and_then(Token::placeholder)
    }

    /// Token `i` is the agent's name or initials: as the profile has them, or as a
    /// placeholder ("{agent}", "{agent_initials}", "{signature}").
    fn is_agent_at(&self, i: usize) -> bool {
        self.is_agent(&self.doc.tokens[i].norm)
            || self.placeholder(i).is_some_and(Placeholder::signs)
    }

    /// Where a closing that signs for the organisation starts, when nobody signs: a
    /// sign-off and a few capitalised words ("Met vriendelijke groet, Huisartsenpraktijk
    /// De Linde"), or a few capitalised words no list knows after the last sentence
    /// ("… hoger uit. Garage Hendriks").
    fn organisation(&self, last: usize) -> Option<usize> {
        let doc = self.doc;
        let names_it = |i: usize| {
            (self.word(i).is_some() && is_capitalised(doc, i))
                || self.placeholder(i) == Some(Placeholder::Organisation)
        };
        let mut k = last;
        while k > 0 && last - k < 4 && names_it(k - 1) {
            k -= 1;
        }
        if k == last || k == 0 {
            return None;
        }
        let b = &doc.tokens[k - 1];
        let after_sentence = matches!(
            b.kind,
            TokenKind::Terminal | TokenKind::Newline | TokenKind::Emoji
        );
        if after_sentence && (k..last).all(|i| !self.is_known_word(i)) {
            return Some(k);
        }
        let s = if b.norm == "," { k.checked_sub(1)? } else { k };
        self.sign_off_before(s)
    }

    fn word(&self, i: usize) -> Option<&Token> {
        self.doc.tokens.get(i).filter(|t| t.is_word())
    }

    fn is_agent(&self, w: &str) -> bool {
        self.agent
            .as_deref()
            .is_some_and(|a| a.split_whitespace().any(|p| p == w))
    }

    /// A word the language knows as something other than a name.
    fn is_known_word(&self, i: usize) -> bool {
        let norm = &self.doc.tokens[i].norm;
        self.lx.has_word_in_any(
            &[
                List::Function,
                List::Stop,
                List::Greeting,
                List::SignOff,
                List::Department,
                List::Interjection,
                List::Informal,
                List::Imperative,
                List::AnswerWords,
                List::NotAName,
            ],
            norm,
        )
    }

    fn is_person(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        if let Some(p) = self.placeholder(i) {
            return p.signs();
        }
        if !t.is_word() || t.has_digit() {
            return false;
        }
        let raw = t.text(self.doc.source);
        let is_initials = raw.chars().count() <= 4 && raw.chars().all(|c| c.is_uppercase());
        let known = self.is_agent(&t.norm) || self.initials.as_deref() == Some(t.norm.as_str());
        // "Bedankt Henk!" thanks the customer; it does not sign
        let is_customer = self.customer.as_deref() == Some(t.norm.as_str());
        // "^jv", "–jeh": lower-case initials right after a mark
        let marked_initials = i > 0
            && is_mark(&self.doc.tokens[i - 1])
            && raw.chars().count() <= 3
            && raw.chars().all(char::is_alphabetic)
            && !self.is_known_word(i);
        known
            || is_initials
            || marked_initials
            || (is_capitalised(self.doc, i)
                && !is_customer
                && !self.lx.has_word(List::Department, &t.norm)
                && !self.lx.has_word(List::Function, &t.norm))
    }

    /// The organisation's part of a signature that ends at `last`: department words, the
    /// organisation's name and what links them to the person ("Roopa-HP Social Media
    /// Support", "Rahul - HP Social Media Support", "Mike from the Support Team"). Returns
    /// where the person's name ends, if the signature has such a part and a person
    /// before it.
    fn before_department(&self, last: usize) -> Option<usize> {
        // ("Mike from {organisation}": the organisation's name to come)
        let is_dept = |i: usize| {
            self.word(i)
                .is_some_and(|t| self.lx.has_word(List::Department, &t.norm))
                || self.placeholder(i) == Some(Placeholder::Organisation)
        };
        let mut k = last;
        while k > 0 && is_dept(k - 1) {
            k -= 1;
        }
        if k == last || k == 0 {
            return None;
        }
        // "Roopa-HP": the person and the organisation in one word
        let hyphenated = |i: usize| {
            self.word(i).is_some_and(|t| {
                t.text(self.doc.source)
                    .split_once('-')
                    .is_some_and(|(a, _)| a.chars().all(char::is_alphabetic))
                    && is_capitalised(self.doc, i)
            })
        };
        if hyphenated(k - 1) {
            return Some(k);
        }
        let mut j = k;
        // the organisation's name ("HP", "Apple")
        if self.word(j - 1).is_some() && is_capitalised(self.doc, j - 1) {
            j -= 1;
        }
        let link = j > 0
            && (self
                .word(j - 1)
                .is_some_and(|t| in_any_language(List::SignatureLink, &t.norm))
                || is_mark(&self.doc.tokens[j - 1]));
        if !link {
            return None;
        }
        j -= 1;
        (j > 0 && self.is_person(j - 1)).then_some(j)
    }

    /// Where a signature whose name is tokens `[name_start, name_end)` begins: at the mark
    /// or the sign-off before the name, or at the name itself when it stands on its own
    /// line, closes the reply after a link, or is the agent's own (or initials, or a
    /// name nothing else explains) after the last sentence; `None` when the name does not
    /// sign.
    fn signature_start(&self, name_start: usize, name_end: usize) -> Option<usize> {
        let doc = self.doc;
        let b = &doc.tokens[name_start.checked_sub(1)?];
        if is_mark(b) {
            // with a sign-off before the mark: "Kind regards - Kirsten", "Groet - Anne"
            return Some(
                self.sign_off_before(name_start - 1)
                    .unwrap_or(name_start - 1),
            );
        }
        // Groet, Pim  /  Groetjes Anne  /  Cheers, Tom  /  Met vriendelijke groet, apotheker
        // Marco  /  Groetjes van ons allemaal, Anja
        let mut k = name_start - 1;
        let mut roles = 0;
        while roles < 2
            && self
                .word(k)
                .is_some_and(|_| !is_capitalised(doc, k) && !self.is_known_word(k))
        {
            k = k.checked_sub(1)?;
            roles += 1;
        }
        if doc.tokens[k].norm == "," {
            k = k.checked_sub(1)?;
            if let Some(s) = self.sign_off_clause(k) {
                return Some(s);
            }
        }
        let is_sign_off = |i: usize| {
            doc.tokens[i].is_word() && self.lx.has_word(List::SignOff, &doc.tokens[i].norm)
        };
        if is_sign_off(k) {
            // the whole sign-off ("Met vriendelijke groet", "With kind regards")
            return self.sign_off_before(k + 1);
        }
        if b.kind == TokenKind::Terminal
            && b.norm == "."
            && name_start >= 2
            && is_sign_off(name_start - 2)
        {
            // an abbreviated sign-off: "Gr. Anne", "Mvg. Pim"
            return Some(name_start - 2);
        }
        match b.kind {
            TokenKind::Newline => Some(name_start),
            // "… <link> HRB", "… <link> Sasha"
            TokenKind::Url => Some(name_start),
            TokenKind::Terminal | TokenKind::Emoji => (self.is_agent_at(name_start)
                || self.closes_after_sentence(name_start, name_end))
            .then_some(name_start),
            _ => None,
        }
    }

    /// The sign-off that opens the clause ending at token `k` ("Groetjes van ons allemaal",
    /// "Best wishes from all of us"), where it starts.
    fn sign_off_clause(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        let mut s = k;
        while s > 0
            && k - s < 6
            && !matches!(
                doc.tokens[s - 1].kind,
                TokenKind::Terminal | TokenKind::Newline | TokenKind::Emoji | TokenKind::Punct
            )
        {
            s -= 1;
        }
        let opens = (s..=k).find(|&i| doc.tokens[i].is_word())?;
        (opens < k && self.lx.has_word(List::SignOff, &doc.tokens[opens].norm)).then_some(opens)
    }

    /// Where a sign-off that ends right before token `at` starts ("Met vriendelijke
    /// groet", "With kind regards"), if one does.
    fn sign_off_before(&self, at: usize) -> Option<usize> {
        let doc = self.doc;
        let is_sign_off = |i: usize| {
            doc.tokens[i].is_word() && self.lx.has_word(List::SignOff, &doc.tokens[i].norm)
        };
        let mut s = at;
        while s > 0 && is_sign_off(s - 1) {
            s -= 1;
        }
        if s == at {
            return None;
        }
        // and the word before it, in either language ("With kind regards")
        if s > 0
            && doc.tokens[s - 1].is_word()
            && in_any_language(List::SignOffLead, &doc.tokens[s - 1].norm)
        {
            s -= 1;
        }
        Some(s)
    }

    /// One word after the last sentence that can only be a name: initials ("… today.
    /// HRB"), or a capitalised word that no word list or phrase explains ("… soon! Mia").
    fn closes_after_sentence(&self, name_start: usize, name_end: usize) -> bool {
        if name_end - name_start != 1 {
            return false;
        }
        let raw = self.doc.tokens[name_start].text(self.doc.source);
        let initials =
            (2..=4).contains(&raw.chars().count()) && raw.chars().all(char::is_uppercase);
        let in_phrase = [
            Category::Pleasantry,
            Category::Thanks,
            Category::Sympathy,
            Category::Apology,
            Category::Interjection,
            Category::InviteDialogue,
            Category::Humor,
        ]
        .iter()
        .any(|&c| {
            self.hits
                .get(c)
                .iter()
                .any(|h| h.range.contains(name_start))
        });
        initials || (!self.is_known_word(name_start) && !in_phrase)
    }
}
