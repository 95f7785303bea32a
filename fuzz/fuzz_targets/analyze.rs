//! Fuzzes the engine's single entry point, `reply_coach::analyze`, with an arbitrary
//! post, reply and profile. A panic is a bug (in wasm it kills the extension's worker).
//! Besides "no panic", each run checks what must hold for any input: every span lies
//! inside the reply on UTF-16 char boundaries (never inside a surrogate pair), a fix
//! applied at its span leaves valid text, and the report serialises to JSON (what the
//! CLI and the wasm bindings do with it), the wasm build's JSON (`reply_coach::json`)
//! the same text as serde_json's, and the exchange, written by serde_json, reads back
//! the same through it.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use reply_coach::{analyze, CustomRule, Exchange, Lang, Platform, Post, Profile, SignatureStyle};


#[derive(Debug, Arbitrary)]
struct Input {
    post: Option<(String, Option<String>, Option<f64>)>,
    reply: String,
    platform: Option<bool>,
    agent_name: Option<String>,
    agent_initials: Option<String>,
    signature: u8,
    organisation: Option<String>,
    norm: u32,
    profile_facebook: bool,
    ui_nl: bool,
    rules: Vec<(String, Option<String>, Option<String>, Option<bool>)>,
}

fn lang(nl: bool) -> Lang {
    if nl {
        Lang::Nl
    } else {
        Lang::En
    }
}

fn platform(facebook: bool) -> Platform {
    if facebook {
        Platform::Facebook
    } else {
        Platform::X
    }
}

fuzz_target!(|input: Input| {
    let ex = Exchange {
        post: input.post.map(|(text, author, age_minutes)| Post {
            text,
            author,
            age_minutes,
        }),
        reply: input.reply,
        platform: input.platform.map(platform),
        profile: Profile {
            agent_name: input.agent_name,
            agent_initials: input.agent_initials,
            signature_style: match input.signature % 3 {
                0 => SignatureStyle::Caret,
                1 => SignatureStyle::Dash,
                _ => SignatureStyle::Greeting,
            },
            organisation: input.organisation,
            response_time_norm_minutes: input.norm,
            platform: platform(input.profile_facebook),
            ui_language: lang(input.ui_nl),
            custom_rules: input
                .rules
                .into_iter()
                .take(8)
                .map(|(phrase, replacement, message, language)| CustomRule {
                    phrase,
                    replacement,
                    message,
                    language: language.map(lang),
                })
                .collect(),
            disabled_rules: Vec::new(),
            saved_replies: Vec::new(),
        },
    };
    let report = analyze(&ex);
    let units: Vec<u16> = ex.reply.encode_utf16().collect();
    let is_boundary =
        |i: usize| i == units.len() || (i < units.len() && !(0xDC00..0xE000).contains(&units[i]));
    let spans = report
        .findings
        .iter()
        .filter_map(|f| f.span)
        .chain(report.strategy_occurrences.iter().map(|o| o.span))
        .chain(report.voice.occurrences.iter().map(|o| o.span));
    for [a, b] in spans {
        assert!(
            a <= b && b <= units.len(),
            "span [{a}, {b}) outside the reply ({} units)",
            units.len()
        );
        assert!(
            is_boundary(a) && is_boundary(b),
            "span [{a}, {b}) splits a surrogate pair"
        );
    }
    for f in &report.findings {
        if let (Some([a, b]), Some(rep)) = (f.span, &f.replacement) {
            let mut fixed = units[..a].to_vec();
            fixed.extend(rep.encode_utf16());
            fixed.extend_from_slice(&units[b..]);
            assert!(
                String::from_utf16(&fixed).is_ok(),
                "{} fix leaves invalid UTF-16",
                f.rule
            );
        }
    }
    let json = serde_json::to_string(&report).expect("the report serialises");
    assert_eq!(reply_coach::json::to_string(&report).ok(), Some(json));
    let mut want = ex.clone();
    if let Some(p) = want.post.as_mut() {
        // serde_json writes a number that is not finite as null
        p.age_minutes = p.age_minutes.filter(|a| a.is_finite());
    }
    let written = serde_json::to_string(&ex).expect("the exchange serialises");
    assert_eq!(Exchange::from_js_json(&written).ok(), Some(want));
});
