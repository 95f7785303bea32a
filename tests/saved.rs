//! Saved replies: the starter set passes the coach, filled and unfilled; the engine reads
//! placeholders in a draft; `reply-coach templates` lints an exported profile.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{cli, write_tmp};

use reply_coach::model::*;
use reply_coach::saved;

/// The profiles a starter reply is filled for: each signature style.
fn profiles() -> Vec<Profile> {
    [
        SignatureStyle::Caret,
        SignatureStyle::Dash,
        SignatureStyle::Greeting,
    ]
    .into_iter()
    .map(|signature_style| Profile {
        agent_name: Some("Pim Kramer".into()),
        agent_initials: Some("PK".into()),
        organisation: Some("FietsPlaats".into()),
        signature_style,
        ..Profile::default()
    })
    .collect()
}

/// The findings of a whole analysis, without those that say the reply already does
/// what the rule asks (as `templates lint` lists them).
fn open_findings(ex: &Exchange) -> Vec<String> {
    reply_coach::analyze(ex)
        .findings
        .iter()
        .filter(|f| !reply_coach::rules::is_done(f))
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

#[test]
fn the_starter_set_passes_the_coach_filled_and_unfilled() {
    // what an agent types for the placeholders the engine cannot fill
    let values = [(
        "link".to_string(),
        "https://example.com/bezorging".to_string(),
    )];
    for lang in Lang::ALL {
        let starter = saved::starter(lang);
        assert!(
            starter.len() >= 5,
            "{lang:?}: a starter set of five or more"
        );
        let kinds: Vec<&str> = saved::sample_kinds(lang).collect();
        for kind in ["complaint", "question", "compliment"] {
            assert!(kinds.contains(&kind), "{lang:?}: no sample {kind}");
        }
        for tag in ["complaint", "question", "compliment", saved::LATE] {
            assert!(
                starter.iter().any(|s| s.tags.iter().any(|t| t == tag)),
                "{lang:?}: no starter reply tagged {tag}"
            );
        }
        for profile in profiles() {
            for s in &starter {
                assert_eq!(s.language, Some(lang), "{}", s.title);
                assert!(
                    s.tags
                        .iter()
                        .all(|t| kinds.contains(&t.as_str()) || t == saved::LATE),
                    "{}: a tag that names no kind of post",
                    s.title
                );
                let (kind, ex) = saved::sample_exchange(s, &profile);
                assert!(kind.is_some(), "{}: no sample post", s.title);
                // as saved, placeholders and all
                assert_eq!(open_findings(&ex), Vec::<String>::new(), "{}", s.title);
                // as it goes into the reply box
                let filled = saved::fill(&ex.reply, ex.post.as_ref(), &ex.profile, &values);
                assert!(
                    filled.missing.is_empty(),
                    "{}: {:?}",
                    s.title,
                    filled.missing
                );
                assert!(!filled.text.contains('{'), "{}", filled.text);
                let ex = Exchange {
                    reply: filled.text.clone(),
                    ..ex
                };
                assert_eq!(open_findings(&ex), Vec::<String>::new(), "{}", filled.text);
                let report = reply_coach::analyze(&ex);
                assert!(report.voice.elements.iter().any(|e| e == "addressee_name"));
                assert!(report.voice.elements.iter().any(|e| e == "signature"));
            }
        }
    }
}

fn exchange(post: &str, author: &str, reply: &str) -> Exchange {
    Exchange {
        post: Some(Post {
            text: post.into(),
            author: Some(author.into()),
            age_minutes: Some(10.0),
        }),
        reply: reply.into(),
        platform: None,
        profile: Profile {
            agent_name: Some("Pim".into()),
            ..Profile::default()
        },
    }
}

fn rules_of(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.rule.as_ref()).collect()
}

#[test]
fn a_first_name_placeholder_addresses_the_customer() {
    for reply in [
        "Hi {first_name}, I'm sorry your order still hasn't arrived. I'll chase it today.",
        "I'm sorry your order still hasn't arrived, {first_name}. I'll chase it today.",
        "Thanks for your patience {First_Name}! I'll chase your order today.",
    ] {
        let ex = exchange(
            "My order still hasn't arrived after two weeks. Really annoying!",
            "Sonja de Vries",
            reply,
        );
        let r = reply_coach::analyze(&ex);
        assert!(
            r.voice.elements.iter().any(|e| e == "addressee_name"),
            "{reply}: {:?}",
            r.voice.elements
        );
        assert!(!rules_of(&r).contains(&"not-personalised"), "{reply}");
        // the rewrite keeps the placeholder and adds no name of its own
        if let Some(rw) = &r.rewrite {
            assert!(
                rw.to_lowercase().contains("{first_name}") && !rw.contains("Sonja"),
                "{rw}"
            );
        }
    }
}

#[test]
fn a_signature_placeholder_signs() {
    for reply in [
        "Sorry to hear that! We'll look into it today. {signature}",
        "Sorry to hear that! We'll look into it today. ^{agent_initials}",
        "Sorry to hear that! We'll look into it today.\n{agent}",
        "Sorry to hear that! We'll look into it today. Cheers, {agent}",
        "Sorry, that took far too long! We'll look into it today. Kind regards, {agent}",
        "Sorry to hear that! We'll look into it today. {agent} from {organisation}",
    ] {
        let ex = exchange(
            "My order still hasn't arrived after two weeks. Really annoying!",
            "xXdennisXx",
            reply,
        );
        let r = reply_coach::analyze(&ex);
        assert!(
            r.voice.elements.iter().any(|e| e == "signature"),
            "{reply}: {:?}",
            r.voice.elements
        );
        assert!(!rules_of(&r).contains(&"anonymous-reply"), "{reply}");
    }
    // the organisation alone signs for nobody
    let ex = exchange(
        "My order still hasn't arrived after two weeks. Really annoying!",
        "xXdennisXx",
        "Sorry to hear that! We'll look into it today. Cheers, {organisation}",
    );
    assert!(rules_of(&reply_coach::analyze(&ex)).contains(&"anonymous-reply"));
}

#[test]
fn other_placeholders_are_no_words_to_flag() {
    for (post, reply) in [
        (
            "Mijn bestelling is na twee weken nog steeds niet binnen, echt balen!",
            "Hoi {first_name}, wat vervelend! Stuur je me je {order_number} via DM? Dan zoek ik het meteen uit. {signature}",
        ),
        (
            "Mijn bestelling is na twee weken nog steeds niet binnen, echt balen!",
            "Hoi {first_name}, wat vervelend! Ik heb je pakket {tracking_code_from_carrier} nagevraagd: het komt {delivery_day}. {signature}",
        ),
        (
            "My order still hasn't arrived after two weeks. Really annoying!",
            "Hi {first_name}, sorry to hear that! Your parcel {parcel_id} arrives {bezorgdag}. I'll keep an eye on it. {signature}",
        ),
    ] {
        let r = reply_coach::analyze(&exchange(post, "Sonja de Vries", reply));
        assert_eq!(rules_of(&r), Vec::<&str>::new(), "{reply}");
        // a rewrite, when there is one, keeps every placeholder
        if let Some(rw) = &r.rewrite {
            for (_, name) in reply_coach::text::placeholder::find(reply) {
                assert!(rw.contains(&format!("{{{name}}}")), "{rw}");
            }
        }
    }
}

#[test]
fn a_saved_reply_needs_a_title_and_a_text() {
    let bad = [
        (
            r#"{"saved_replies": [{"text": "Hi {first_name}!"}]}"#,
            "has no \"title\"",
        ),
        (
            r#"{"saved_replies": [{"title": "Hi", "text": "  "}]}"#,
            "\"Hi\" has no \"text\"",
        ),
        (
            r#"{"saved_replies": [{"title": "Hi", "text": "x", "language": "de"}]}"#,
            "unknown variant",
        ),
    ];
    for (json, want) in bad {
        let e = serde_json::from_str::<Profile>(json)
            .unwrap_err()
            .to_string();
        assert!(e.contains(want), "{e}");
        let e = Exchange::from_js_json(&format!(r#"{{"reply": "", "profile": {json}}}"#))
            .unwrap_err()
            .to_string();
        assert!(e.contains(want), "{e}");
    }
    let p: Profile =
        serde_json::from_str(r#"{"saved_replies": [{"title": "Hi", "text": "Hi {first_name}!"}]}"#)
            .unwrap();
    assert_eq!(p.saved_replies[0].language, None);
    assert!(p.saved_replies[0].tags.is_empty());
    // an empty library is not written out
    assert!(!serde_json::to_string(&Profile::default())
        .unwrap()
        .contains("saved_replies"));
}

fn profile_file(name: &str, replies: &[(&str, &str, &[&str])]) -> std::path::PathBuf {
    let saved: Vec<serde_json::Value> = replies
        .iter()
        .map(|(title, text, tags)| serde_json::json!({"title": title, "text": text, "tags": tags}))
        .collect();
    let profile = serde_json::json!({
        "agent_name": "Pim", "agent_initials": "PK", "saved_replies": saved
    });
    write_tmp(name, profile.to_string())
}

#[test]
fn templates_lint_flags_an_address_asked_in_public() {
    let p = profile_file(
        "lint-address.json",
        &[
            (
                "Order number",
                "Hi {first_name}, sorry to hear that! Could you DM us your {order_number}? Then I'll look into it. {signature}",
                &["complaint"],
            ),
            (
                "Address",
                "Hi {first_name}, sorry about that! Please reply here with your home address and I'll send a new one. {signature}",
                &["complaint"],
            ),
        ],
    );
    let out = cli(&["templates", "lint", p.to_str().unwrap()], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("── Address"), "{stdout}");
    assert!(stdout.contains("error[personal-data-request]"), "{stdout}");
    // named by the saved reply's title: the error sits under "Address"
    let (order, address) = stdout.split_once("── Address").unwrap();
    assert!(!order.contains("personal-data"), "{stdout}");
    assert!(address.contains("personal-data-request"), "{stdout}");

    let out = cli(&["templates", "lint", p.to_str().unwrap(), "--json"], None);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "Order number");
    assert_eq!(v[0]["post"], "complaint");
    assert_eq!(v[0]["findings"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v[1]["title"], "Address");
    assert!(v[1]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "personal-data-request" && f["severity"] == "error"));
}

#[test]
fn templates_lint_passes_placeholders() {
    let p = profile_file(
        "lint-ok.json",
        &[(
            "Order number",
            "Hi {first_name}, sorry to hear that! Could you DM us your {order_number}? Then I'll look into it. {signature}",
            &["complaint"],
        )],
    );
    let out = cli(&["templates", "lint", p.to_str().unwrap()], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("── Order number"), "{stdout}");
    assert!(stdout.contains("0 with an error"), "{stdout}");
}

#[test]
fn templates_lint_bad_input_exits_2() {
    let missing = write_tmp(
        "lint-no-title.json",
        r#"{"saved_replies": [{"text": "Hi!"}]}"#,
    );
    let not_json = write_tmp("lint-not-json.json", "saved_replies: []");
    for (args, want) in [
        (
            vec!["templates", "lint", missing.to_str().unwrap()],
            "has no \"title\"",
        ),
        (
            vec!["templates", "lint", not_json.to_str().unwrap()],
            "is not a valid profile",
        ),
        (
            vec!["templates", "lint", "/nonexistent/profile.json"],
            "cannot read profile",
        ),
        (vec!["templates", "lint"], "needs an exported profile"),
        (vec!["templates", "frobnicate"], "lint or starter"),
    ] {
        let out = cli(&args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(want), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn templates_starter_prints_a_profile_that_lints_clean() {
    let out = cli(&["templates", "starter", "--lang", "nl"], None);
    assert!(out.status.success());
    let profile: Profile = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!profile.saved_replies.is_empty());
    assert!(profile
        .saved_replies
        .iter()
        .all(|s| s.language == Some(Lang::Nl)));
    let p = write_tmp("starter-nl.json", &out.stdout);
    let out = cli(&["templates", "lint", p.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = cli(&["templates", "starter"], None);
    let profile: Profile = serde_json::from_slice(&out.stdout).unwrap();
    assert!(profile
        .saved_replies
        .iter()
        .any(|s| s.language == Some(Lang::En)));
}
