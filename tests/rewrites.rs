//! The whole-reply rewrite, one test per pattern a blind judge found in its rewrites
//! (issue 12), in Dutch and English: each either gets a rewrite an agent would post, or
//! none and a note that says why.
#![cfg(not(target_arch = "wasm32"))]

use reply_coach::{
    analyze, analyze_without_rewrite, Certainty, Exchange, Platform, Post, Report, Signal, Trouble,
};

fn exchange(
    post: &str,
    author: Option<&str>,
    age: f64,
    reply: &str,
    agent: Option<&str>,
) -> Exchange {
    let mut ex = Exchange {
        post: Some(Post {
            text: post.into(),
            author: author.map(Into::into),
            age_minutes: Some(age),
        }),
        reply: reply.into(),
        ..Exchange::default()
    };
    ex.profile.agent_name = agent.map(Into::into);
    ex
}

fn rewrite(post: &str, author: Option<&str>, age: f64, reply: &str) -> Option<String> {
    analyze(&exchange(post, author, age, reply, None)).rewrite
}

/// The rewrite of a report whose post reading was changed by `edit` (the reading of the
/// post is the post reader's; the rewrite only follows it).
fn rewrite_with(ex: &Exchange, edit: impl Fn(&mut Report)) -> Option<String> {
    let mut report = analyze_without_rewrite(ex);
    edit(&mut report);
    let mut memo = reply_coach::lexicon::HitMemo::keeping();
    let draft = reply_coach::text::Doc::new(&ex.reply);
    reply_coach::rewrite::rewrite(ex, &report, &draft, &mut memo).rewrite
}

/// The apologies for the wait of a language, as the lexicon words them, alone or with the
/// sympathy joined on ("sorry for the slow reply, and for the trouble").
fn late_openers(lang: reply_coach::Lang) -> Vec<String> {
    use reply_coach::lexicon::{lexicon, Template};
    let lx = lexicon(lang);
    // (a wording that names the thing, "… and for the trouble with {your} {object}!", up
    // to the thing)
    let mut openers: Vec<String> = [
        Template::Late,
        Template::LateSympathy,
        Template::LateSympathyObject,
        Template::LateObject,
        Template::LateSympathyObjectUpset,
    ]
    .into_iter()
    .flat_map(|t| lx.template_variants(t).iter())
    .map(|v| {
        v.split('{')
            .next()
            .unwrap_or_default()
            .trim_end_matches('!')
            .to_string()
    })
    .collect();
    openers.sort();
    openers.dedup();
    openers
}

/// The text holds exactly one of the openers (one inside a longer one that is there too,
/// "sorry to keep you waiting" in "sorry to keep you waiting, and for the hassle", is the
/// same opener).
fn opens_with_one_of(text: &str, openers: &[String]) -> bool {
    let lower = text.to_lowercase();
    let found: Vec<&String> = openers
        .iter()
        .filter(|o| lower.contains(o.as_str()))
        .collect();
    found
        .iter()
        .filter(|o| {
            !found
                .iter()
                .any(|l| l.len() > o.len() && l.contains(o.as_str()))
        })
        .count()
        == 1
}

#[test]
fn a_greeting_with_there_is_kept_whole() {
    let post = "@Tesco will the Monkspath store have the game at midnight?";
    let rw = rewrite(
        post,
        None,
        90.0,
        "@116878 Hi there, I am pleased to say yes, it opens at midnight. Thanks - Callum",
    )
    .unwrap();
    assert!(rw.starts_with("@116878 Hi there, "), "{rw}");
    assert!(
        opens_with_one_of(&rw, &late_openers(reply_coach::Lang::En)) && !rw.contains("There"),
        "{rw}"
    );
    // with the customer's name, the name takes the place of "there"
    let rw = rewrite(
        post,
        Some("Priya Shah"),
        10.0,
        "Hi there! Yes, it opens at midnight. ^Callum",
    )
    .unwrap();
    assert!(rw.starts_with("Hi Priya! Yes"), "{rw}");
    let rw = rewrite(
        "Is de winkel in Zwolle zondag open?",
        Some("Karin de Boer"),
        10.0,
        "Hoi! Ja hoor, van 12 tot 17 uur. ^Bas",
    )
    .unwrap();
    assert!(rw.starts_with("Hoi Karin! Ja hoor"), "{rw}");
}

#[test]
fn a_new_greeting_never_glues_onto_a_capital() {
    for (post, author, reply, start) in [
        (
            "Is the Leeds store open on Sunday?",
            "Olivia Hart",
            "We'd love to see you: we're open 10-4 on Sundays. - Ben",
            "Hi Olivia! We'd love",
        ),
        (
            "Is the Leeds store open on Sunday?",
            "Olivia Hart",
            "I'm happy to say we're open 10-4 on Sundays. - Ben",
            "Hi Olivia, I'm happy",
        ),
        (
            "Zijn jullie zondag open in Eindhoven?",
            "Karin de Boer",
            "Wij zijn zondag open van 12 tot 17 uur. ^Bas",
            "Hoi Karin, wij zijn",
        ),
        (
            "Zijn jullie zondag open in Eindhoven?",
            "Karin de Boer",
            "Marieke helpt je zondag graag, van 12 tot 17 uur. ^Bas",
            "Hoi Karin! Marieke helpt",
        ),
    ] {
        let rw = rewrite(post, Some(author), 10.0, reply).unwrap_or_else(|| panic!("{reply}"));
        assert!(rw.starts_with(start), "{rw}");
    }
}

#[test]
fn one_opener_never_two() {
    // late and a complaint: one opener, the apology for the wait with the sympathy in
    // it, one "sorry" at most, never a second exclamation stacked on it
    let rw = rewrite("@MojangSupport my texture pack won't load, it's broken", None, 558.0,
        "@customer For technical help, please visit our Help site https://help.minecraft.net/hc/en-us ^JR").unwrap();
    let lower = rw.to_lowercase();
    assert!(
        opens_with_one_of(&rw, &late_openers(reply_coach::Lang::En))
            && lower.matches("sorry").count() + lower.matches("apologies").count() == 1
            && rw.matches('!').count() == 1,
        "{rw}"
    );
    let rw = rewrite(
        "@Bol mijn pakket is kapot aangekomen",
        None,
        180.0,
        "Stuur je me je ordernummer via DM? Dan regel ik een nieuwe. ^Iris",
    )
    .unwrap();
    let lower = rw.to_lowercase();
    assert!(
        opens_with_one_of(&rw, &late_openers(reply_coach::Lang::Nl))
            && lower.matches("sorry").count() + lower.matches("excuses").count() == 1
            && rw.matches('!').count() == 1,
        "{rw}"
    );
    // a reply that already says sorry gets no second one: the note asks for the wait
    for (post, reply) in [
        (
            "@hulu I keep getting an error code!",
            "@customer Sorry to hear that! Please try the steps at https://hulu.tv/help ^Ann",
        ),
        (
            "@Bol mijn pakket is kapot aangekomen",
            "Sorry Iris! Stuur je me je ordernummer via DM? ^Tim",
        ),
    ] {
        let r = analyze(&exchange(post, None, 180.0, reply, None));
        assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
        assert!(r.rewrite_note.is_some_and(|n| n.contains("wait")));
    }
}

#[test]
fn via_dm_only_on_a_sentence_that_asks_for_private_data() {
    // a sentence that sends the customer to an e-mail form asks for nothing in public
    let r = analyze(&exchange("@MojangSupport I bought a texture pack but I can't use it", None, 10.0,
        "@customer Please send us an email at https://help.minecraft.net/hc/en-us/requests/new and we will assist. ^JR", None));
    assert!(
        r.rewrite.as_deref().is_none_or(|rw| !rw.contains("via DM")),
        "{:?}",
        r.rewrite
    );
    // a question for the data gets a sentence after it, not "… code via DM?"
    let rw = rewrite("@hulu my live TV keeps freezing", None, 10.0,
        "@customer Sorry about that! Is a channel affected? If so, what's your ZIP code? I'll check for outages there. ^Ann").unwrap();
    assert!(
        rw.contains("what's your ZIP code? Please send that via DM."),
        "{rw}"
    );
    let rw = rewrite(
        "@gemeente al 3 weken ligt er grofvuil voor mijn deur",
        Some("Yusuf Ali"),
        10.0,
        "Hoi Yusuf, vervelend! Stuur je me je adres hieronder? Dan plan ik het ophalen in. ^Mirjam",
    )
    .unwrap();
    assert!(rw.contains("Stuur je me je adres in een DM?"), "{rw}");
}

#[test]
fn no_warm_opener_over_a_denial_or_a_brush_off() {
    for (post, reply) in [
        (
            "@Uber driver took a longer route and charged me £35 for a £20 trip",
            "Our drivers always take the fastest route. There is nothing wrong with your fare.",
        ),
        (
            "@TelcoNL internet ligt er al de hele avond uit in Amersfoort",
            "Dat klopt niet, er is geen storing bij ons bekend. Herstart uw modem.",
        ),
        (
            "@Webwinkel zoals ik al drie keer heb gevraagd: waar blijft mijn terugbetaling???",
            "Zoals wij al eerder aangaven staat alles in onze FAQ. Lees die eerst even.",
        ),
    ] {
        let r = analyze(&exchange(
            post,
            Some("Kees Bakker"),
            10.0,
            reply,
            Some("Pim"),
        ));
        assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
        assert!(r.rewrite_note.is_some(), "{reply}");
    }
    // with something done about it, the softened denial may stand (brief §9)
    let rw = rewrite("@TelcoNL internet ligt er al de hele avond uit in Amersfoort", Some("Kees Bakker"), 10.0,
        "Er is geen storing bij ons bekend. Stuur je me je postcode via DM? Dan kijk ik verder. ^Lotte").unwrap();
    assert!(
        rw.to_lowercase()
            .contains("ik zie bij ons nog geen storing"),
        "{rw}"
    );
}

#[test]
fn no_stock_opener_where_it_does_not_fit() {
    // a compliment and a plain question get no sympathy
    for (post, reply) in [
        (
            "@ChipotleTweets I got my four burrito bowls without issue. Lucky me!",
            "@116185 Success! Well played, my friend.",
        ),
        (
            "Wat een fijne service gisteren in Zwolle!",
            "Wat leuk om te lezen! Ik geef het door aan het team.",
        ),
        ("Is the Leeds store open on Sunday?", "Yes, 10-4."),
    ] {
        let r = analyze(&exchange(post, Some("Sam Lee"), 10.0, reply, Some("Pim")));
        let rw = r.rewrite.unwrap_or_default().to_lowercase();
        assert!(!rw.contains("sorry") && !rw.contains("vervelend"), "{rw}");
    }
    // the second tweet of a thread: no greeting or opener in front of it
    let r = analyze(&exchange(
        "@British_Airways I was moved from row 4, why?",
        Some("Sam Lee"),
        94.0,
        "@117220 may need to be changed for safety reasons. ^Kit 2/2",
        None,
    ));
    assert!(
        r.rewrite.is_none() && r.rewrite_note.is_some(),
        "{:?}",
        r.rewrite
    );
    // a reading that is unsure, or a post that says the problem is solved: no sympathy
    let ex = exchange("@AskPlayStation downloading the update didn't work so I had to initialise", None, 5.0,
        "@customer You can redownload your purchases here: https://support.playstation.com/s/article/Download ^MS", None);
    let unsure = rewrite_with(&ex, |r| r.incoming.certainty = Certainty::Unsure);
    assert!(unsure.is_none_or(|rw| !rw.to_lowercase().contains("sorry")));
    let resolved = rewrite_with(&ex, |r| {
        r.incoming.signals.push(Signal {
            id: "resolved".into(),
            span: [0, 4],
            weight: -1.0,
        })
    });
    assert!(resolved.is_none_or(|rw| !rw.to_lowercase().contains("sorry")));
    // a complaint the reading is sure of gets sympathy that fits what went wrong
    let waiting = rewrite_with(&ex, |r| r.incoming.trouble = Some(Trouble::Waiting)).unwrap();
    assert!(waiting.contains("hear about the"), "{waiting}");
}

#[test]
fn the_wait_is_named_only_where_the_customer_waits_for_something() {
    let trouble = |post: &str| {
        analyze(&exchange(post, None, 5.0, "Please send us a DM. ^Jo", None))
            .incoming
            .trouble
    };
    for waits in [
        "been waiting 2 weeks for my refund, this is a joke",
        "I've been on hold for ages, terrible service",
        "al 3 weken ligt er grofvuil voor mijn deur. Wanneer wordt dat opgehaald?",
        "Waar blijft mijn pakket? Echt belachelijk dit",
    ] {
        assert_eq!(trouble(waits), Some(Trouble::Waiting), "{waits}");
    }
    // "still", "tried everything" and a wait that is no one's service count towards a
    // complaint, not as a wait to be sorry about
    for other in [
        "still getting the same error after reinstalling, this is ridiculous",
        "i feel i should be able to drive now instead of waiting to be 21, ridiculous rule",
        "Ik krijg nog steeds dezelfde foutmelding, belachelijk",
    ] {
        assert_ne!(trouble(other), Some(Trouble::Waiting), "{other}");
    }
}

#[test]
fn taking_out_a_stock_phrase_keeps_what_the_sentence_says() {
    let post = "love the new layout but the play button is hard to reach with one hand";
    // the phrase goes, what the sentence promises stays, with the phrase's capital
    let kept = rewrite(
        post,
        None,
        5.0,
        "Hey! We get it 👀 Rest assured, your idea goes straight to our designers. ^Kim",
    )
    .expect("a rewrite");
    assert!(
        kept.contains("👀 Your idea goes straight to our designers."),
        "{kept}"
    );
    // a human wording whose words the sentence has already would say them twice: the
    // agent rewords it by hand
    let report = analyze(&exchange(
        post,
        None,
        5.0,
        "We appreciate your feedback, Sam and thank you for the photos. ^Kim",
        None,
    ));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == "corporate-phrase")
        .expect("the stock phrase is found");
    assert_eq!(f.replacement, None);
    assert!(report.rewrite.is_none());
}

#[test]
fn a_customer_who_mocks_themselves_gets_no_sympathy_added() {
    let reply = "Practice makes perfect, you'll get there! ^Kim";
    for post in [
        "Wanted to apply for a job at @Wraps but my folding skills suck",
        "as usual I forgot my password again, silly me",
        "Weer mijn pas thuis laten liggen, stom van mij. Kan ik toch inchecken?",
    ] {
        let report = analyze(&exchange(post, None, 5.0, reply, None));
        assert!(!report.incoming.is_sure_complaint(), "{post}");
        assert!(
            report
                .rewrite
                .is_none_or(|rw| !rw.to_lowercase().contains("sorry")),
            "{post}"
        );
    }
    // a product of theirs that fails is a complaint all the same
    let broken = analyze(&exchange(
        "my new phone sucks, it crashed three times today",
        None,
        5.0,
        reply,
        None,
    ));
    assert!(broken.incoming.is_sure_complaint());
}

#[test]
fn a_tweet_that_goes_on_from_the_one_before_gets_no_opener() {
    let post = "my parcel never arrived and nobody answers the phone, ridiculous";
    let opens_with_sorry = |rw: &str| rw.to_lowercase().contains("sorry");
    for draft in [
        "and the phone number on your order, so I can look into this. Thanks! -Kim",
        "to ask the depot, as I have no view of their scanners. ^Kim",
    ] {
        let report = analyze(&exchange(post, None, 90.0, draft, None));
        // no opener in front of it; the finding stays, since a writer who starts in
        // lower case may be no thread at all, and the agent knows
        assert!(
            report.findings.iter().any(|f| f.rule == "no-empathy"),
            "{draft}"
        );
        assert!(
            report
                .rewrite
                .as_deref()
                .is_none_or(|rw| !opens_with_sorry(rw)),
            "{:?}",
            report.rewrite
        );
    }
    // a numbered thread says so: the sympathy may be in the tweet before
    let numbered = analyze(&exchange(
        post,
        None,
        5.0,
        "I can look into it with the order number. -Kim 2/2",
        None,
    ));
    assert!(!numbered.findings.iter().any(|f| f.rule == "no-empathy"));
    // a link or a greeting in lower case starts a reply of its own
    for draft in [
        "https://help.example.com/parcels has the steps. ^Kim",
        "hi, can you DM me the order number? -Kim",
    ] {
        let rw = rewrite(post, None, 5.0, draft).expect("a rewrite");
        assert!(opens_with_sorry(&rw), "{rw}");
    }
}

#[test]
fn an_opener_takes_the_place_of_a_thinking_sound() {
    let rw = rewrite(
        "the app keeps crashing when I open my playlists, so annoying",
        None,
        5.0,
        "Hmm, send us a screenshot of the error and I'll check it today. ^Kim",
    )
    .expect("a rewrite");
    assert!(!rw.contains("Hmm"), "{rw}");
    assert!(rw.contains("! Send us a screenshot of the error"), "{rw}");
    // a reaction of the agent's own stays, and gets no opener in front
    let own = rewrite(
        "the app keeps crashing when I open my playlists, so annoying",
        None,
        5.0,
        "Oh no, send us a screenshot of the error and I'll check it today. ^Kim",
    );
    assert!(
        own.as_ref().is_none_or(|rw| rw.starts_with("Oh no")),
        "{own:?}"
    );
}

#[test]
fn clapping_is_irony_only_beside_something_gone_wrong() {
    let read = |post: &str| analyze(&exchange(post, None, 5.0, "Thanks! ^Kim", None)).incoming;
    for praise in [
        "Just had my first delivery from @Shop. 2 hours flat 👏👏",
        "Eerste bestelling bij @Winkel binnen, 2 uur na bestellen 👏👏",
    ] {
        assert_ne!(
            read(praise).kind,
            reply_coach::model::Kind::Complaint,
            "{praise}"
        );
    }
    for irony in [
        "Thanks @Shop for losing my parcel again. Well done 👏",
        "Weer geen pakket en niemand neemt op. Goed bezig @Winkel 👏",
    ] {
        assert_eq!(
            read(irony).kind,
            reply_coach::model::Kind::Complaint,
            "{irony}"
        );
    }
}

#[test]
fn no_apology_for_a_slow_reply_just_past_the_norm() {
    let post = "Does the Leeds store still cut keys?";
    let draft = "Yes, Monday to Saturday 9-5, and I'd bring the old key along. ^Ben";
    let apologises = |rw: &str| {
        let lower = rw.to_lowercase();
        late_openers(reply_coach::Lang::En)
            .iter()
            .any(|o| lower.contains(o.as_str()))
    };
    // 65 minutes on a 1-hour norm: the finding says so, the rewrite adds no apology
    let just = analyze(&exchange(post, None, 65.0, draft, None));
    assert!(just.findings.iter().any(|f| f.rule == "late-reply"));
    assert!(
        just.rewrite.as_deref().is_none_or(|rw| !apologises(rw)),
        "{:?}",
        just.rewrite
    );
    // 90 minutes: it does
    let late = rewrite(post, None, 90.0, draft).expect("a rewrite");
    assert!(apologises(&late), "{late}");
}

#[test]
fn the_opener_is_not_the_same_for_everyone() {
    let posts = [
        "@Shop my order arrived broken",
        "@Shop the app crashes every time",
        "@Shop my parcel is damaged",
        "@Shop the zip on my coat broke",
        "@Shop my card was declined twice",
        "@Shop the screen cracked on day one",
    ];
    let openers: std::collections::BTreeSet<String> = posts
        .iter()
        .filter_map(|p| rewrite(p, None, 5.0, "I'll send a replacement today. ^Jo"))
        .map(|rw| rw.split('!').next().unwrap_or_default().to_string())
        .collect();
    assert!(openers.len() >= 2, "{openers:?}");
}

#[test]
fn shortening_for_x_drops_filler_never_the_answer() {
    let answer = "Yes, the Leeds store still cuts keys, Monday to Saturday from 9 to 5, and on Sundays from 10 to 4 at the service desk near the entrance.";
    let filler = "We hope this information has been really useful to you and we wish you and everyone at home a very pleasant, sunny and relaxing rest of your day with your whole family!";
    let rw = rewrite(
        "Does the Leeds store still cut keys?",
        Some("Olivia Hart"),
        10.0,
        &format!("{answer} {filler} - Ben"),
    )
    .unwrap();
    assert!(
        rw.contains("Monday to Saturday from 9 to 5") && !rw.contains("relaxing"),
        "{rw}"
    );
    // an answer that cannot fit is the writer's to shorten
    let long = format!("{answer} {answer} {answer} - Ben");
    let r = analyze(&exchange(
        "Does the Leeds store still cut keys?",
        Some("Olivia Hart"),
        10.0,
        &long,
        None,
    ));
    assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
    assert!(r.rewrite_note.is_some_and(|n| n.contains("X")));
    let mut ex = exchange(
        "Does the Leeds store still cut keys?",
        Some("Olivia Hart"),
        10.0,
        &long,
        None,
    );
    ex.platform = Some(Platform::Facebook);
    assert!(analyze(&ex)
        .rewrite
        .is_some_and(|rw| rw.contains("Hi Olivia")));
}

#[test]
fn the_form_of_address_keeps_dutch_verbs_right() {
    let rw = rewrite(
        "Kunnen jullie mijn abonnement opzeggen? Je app werkt niet",
        Some("Ricardo Alves"),
        10.0,
        "Heeft u de app al opnieuw geïnstalleerd? Wellicht schakelt u verkeerd. ^Nina",
    )
    .unwrap();
    assert!(
        rw.contains("Heb je de app al opnieuw geïnstalleerd? Wellicht schakel je verkeerd."),
        "{rw}"
    );
    let rw = rewrite(
        "Kunt u mij vertellen waar mijn koffer is?",
        Some("Eva Jansen"),
        10.0,
        "Hoi Eva, ik heb je vraag doorgezet en ik bel je morgen. Kan ik je verder nog helpen? ^Tim",
    )
    .unwrap();
    assert!(
        rw.contains("ik heb uw vraag doorgezet en ik bel u morgen. Kan ik u verder nog helpen?"),
        "{rw}"
    );
}

#[test]
fn the_organisation_s_own_number_is_never_masked() {
    let r = analyze(&exchange(
        "Mijn declaratie is afgewezen zonder uitleg",
        Some("Anouk Bos"),
        10.0,
        "Wat vervelend! Bel ons gerust op 06-12345678, dan zoeken we het uit.",
        Some("Nina"),
    ));
    assert!(!r.findings.iter().any(|f| f.rule == "personal-data-exposed"));
    assert!(r.rewrite.is_some_and(|rw| rw.contains("06-12345678")));
    // a rewrite never shows masked data
    let r = analyze(&exchange(
        "My refund never arrived",
        Some("Tom Hill"),
        10.0,
        "Sorry Tom! It went to NL91 ABNA 0417 1643 00, I'll check it today.",
        Some("Nina"),
    ));
    assert!(r.rewrite.is_none_or(|rw| !rw.contains('•')));
}

#[test]
fn repeated_words_are_a_finding_and_the_rewrite_drops_them() {
    let r = analyze(&exchange(
        "Waar blijft mijn pakket? Al een week niks.",
        Some("Eva Jansen"),
        10.0,
        "Hoi Eva, sorry! Ik vraag je vriendelijk nog even nog even geduld, ik zoek het uit. ^Tim",
        None,
    ));
    assert!(r.findings.iter().any(|f| f.rule == "repeated-words"));
    let rw = r.rewrite.unwrap();
    assert!(
        rw.contains("nog even geduld") && !rw.contains("nog even nog even"),
        "{rw}"
    );
}

#[test]
fn an_apology_for_the_wait_only_when_late() {
    // (just past the 1-hour norm the apology reads as a contradiction: none before 75
    // minutes)
    for age in [10.0, 30.0, 59.0, 61.0, 74.0] {
        let rw = rewrite(
            "@Shop my order arrived broken",
            None,
            age,
            "I'll send a replacement today. ^Jo",
        )
        .unwrap();
        assert!(
            !opens_with_one_of(&rw, &late_openers(reply_coach::Lang::En)),
            "{rw}"
        );
    }
    let rw = rewrite(
        "@Shop my order arrived broken",
        None,
        80.0,
        "I'll send a replacement today. ^Jo",
    )
    .unwrap();
    assert!(
        opens_with_one_of(&rw, &late_openers(reply_coach::Lang::En)),
        "{rw}"
    );
}

#[test]
fn a_promise_goes_and_the_commitment_stays() {
    let rw = rewrite(
        "my order arrived broken AGAIN",
        Some("Noah Brooks"),
        10.0,
        "Hi Noah, sorry! We refund the amount and make sure this never happens again. ^AB",
    )
    .unwrap();
    assert!(
        rw.contains("We refund the amount.") && !rw.contains("never"),
        "{rw}"
    );
    let rw = rewrite("Mijn eindafrekening is er na 8 weken nog niet", Some("Ingrid Smit"), 10.0,
        "Hoi Ingrid, sorry! Ik zorg dat hij deze week verstuurd wordt. Dit gebeurt nooit meer, beloofd! ^RB").unwrap();
    assert!(
        rw.contains("deze week verstuurd wordt.") && !rw.contains("nooit"),
        "{rw}"
    );
}

#[test]
fn an_abbreviation_keeps_its_lower_case() {
    let rw = rewrite(
        "Where are you based? My order is late",
        Some("Sam Lee"),
        10.0,
        "We're U.S. based, so I'll check with the warehouse today. ^Jo",
    )
    .unwrap();
    assert!(rw.contains("U.S. based"), "{rw}");
}

#[test]
fn an_emoticon_after_the_name_is_no_place_for_an_opener() {
    // "Hi Looreen :)" — the colon belongs to the smiley
    let rw = rewrite(
        "@AirAsiaSupport my surname is misspelled, where do i go to correct it?",
        None,
        449.0,
        "@115797 Hi Looreen :) Kindly DM us the booking number, we'll fix it for you! -Anwar",
    );
    if let Some(rw) = rw {
        assert!(rw.contains("Looreen :)"), "{rw}");
    }
}

#[test]
fn a_stock_phrase_goes_and_what_its_sentence_does_stays() {
    let rw = rewrite(
        "@AskPayPal why is my account limited?",
        None,
        10.0,
        "@115992 Hello! Send us a DM for further assistance. ^ML",
    )
    .unwrap();
    assert!(rw.contains("Send us a DM"), "{rw}");
    assert!(!rw.contains("further assistance"), "{rw}");
}

#[test]
fn money_in_a_post_gets_sympathy_that_names_no_payment_trouble() {
    // a price complaint and a joke about money: "trouble with your payment" misreads both
    for post in [
        "surge pricing is ridiculous. I just ordered the same food elsewhere for $13 less 🙄",
        "Auto stond 3 dagen bij jullie voor een kleine beurt en de rekening is €640. Dit voelt als oplichting.",
    ] {
        let draft = if post.starts_with("Auto") {
            "De remblokken waren versleten, daarom viel de rekening hoger uit. Ik bel je vandaag om het uit te leggen. ^Rob"
        } else {
            "The busy area fee keeps our service fast. I'll pass your feedback on today. ^Rob"
        };
        if let Some(rw) = rewrite(post, None, 10.0, draft) {
            let lower = rw.to_lowercase();
            assert!(!lower.contains("payment") && !lower.contains("betaling"), "{rw}");
        }
    }
}

#[test]
fn no_opener_before_the_agent_s_own_reaction() {
    // "Whoa, …", "Haha, …": an opener in front would be a second reaction
    for (post, draft) in [
        (
            "Today is the day that @AirFly lost my business for the rest of my life.",
            "@customer Whoa, what's going on that you're feeling this way towards us? ^Jo",
        ),
        (
            "@Bakkerij wie bedenkt bij jullie de namen van de taarten? 'Chocoladebom 3000' 😂",
            "Haha, dat is onze bakker Kees, die heeft daar veel plezier in 😄 Groetjes, Anja",
        ),
    ] {
        let mut offered = 0;
        for age in [5.0, 300.0] {
            if let Some(rw) = rewrite(post, Some("Bo van Dongen"), age, draft) {
                offered += 1;
                let lower = rw.to_lowercase();
                assert!(
                    !["sorry", "apologies", "excuses", "vervelend"]
                        .iter()
                        .any(|w| lower.contains(w)),
                    "{rw}"
                );
                // a greeting goes before it as a sentence of its own, not glued on
                assert!(
                    !lower.contains(", haha") && !lower.contains(", whoa"),
                    "{rw}"
                );
            }
        }
        // (the joke, on time, gets its greeting: "Hoi Bo! Haha, …")
        assert!(offered > 0 || draft.starts_with("@customer Whoa"));
    }
    // a thinking sound is no reaction: "Sorry to hear that! Hmm, …" is fine
    let rw = rewrite(
        "@TeamTube my upload keeps failing and support never answers. So annoying!",
        None,
        5.0,
        "@customer Hmm, send us a feedback report using these steps: https://support.example.com/answer/4347644 ^Kim",
    )
    .unwrap();
    assert!(rw.to_lowercase().contains("sorry"), "{rw}");
}

#[test]
fn no_sympathy_in_front_of_the_agent_s_answer_or_acknowledgement() {
    // "Sorry about the trouble! Yes! …" cuts the yes off from the question; "Sorry about
    // this! Ok, thank you." doubles the agent's own acknowledgement
    for (post, draft) in [
        (
            "@Shop my order arrived damaged, can you help us?",
            "Yes! Send us a DM with your order number and we'll sort it. ^Jo",
        ),
        (
            "@Shop my order arrived damaged",
            "Ok, thank you. Send us a DM with your order number please. ^Jo",
        ),
        (
            "@Winkel mijn bestelling is beschadigd aangekomen, kunnen jullie helpen?",
            "Ja, stuur ons een DM met je ordernummer, dan lossen we het op. ^Jo",
        ),
    ] {
        let rw = rewrite(post, None, 5.0, draft);
        assert!(
            rw.as_deref().is_none_or(|rw| !["sorry", "vervelend"]
                .iter()
                .any(|w| rw.to_lowercase().contains(w))),
            "{rw:?}"
        );
    }
    // an apology for the wait may go first: "Hi Olivia, sorry for the slow reply! Yes, …"
    let rw = rewrite(
        "Does anyone know if the Leeds store still does key cutting?",
        Some("Olivia Smith"),
        240.0,
        "Hi Olivia, yes, our Leeds store still cuts keys, Monday to Saturday 9-5. Thanks for asking! - Ben",
    )
    .unwrap();
    assert!(
        opens_with_one_of(&rw, &late_openers(reply_coach::Lang::En)),
        "{rw}"
    );
}

#[test]
fn an_emoticon_keeps_its_eyes() {
    // "done! :)" must not become "done!)"
    let rw = rewrite(
        "@AirFly my surname is misspelled on my booking, can you correct it?",
        None,
        300.0,
        "@customer Hi Loreen, correction done! :) See you on board! ^Anwar",
    )
    .unwrap();
    assert!(rw.contains("done! :)"), "{rw}");
}

#[test]
fn a_draft_of_one_word_gets_no_rewrite() {
    // a draft still being typed ("H"), or an answer a frame would only bury ("Klopt!")
    for draft in ["@customer H", "Klopt!"] {
        let r = analyze(&exchange(
            "@AirFly my surname is misspelled, where do i go to correct it?",
            None,
            448.0,
            draft,
            None,
        ));
        assert!(r.rewrite.is_none() && r.rewrite_note.is_none(), "{r:?}");
    }
}

#[test]
fn a_rewrite_keeps_something_the_agent_wrote() {
    // the joke goes for its "100%", and an opener with a signature is all that is left
    let r = analyze(&exchange(
        "That's so funny! Our crew was thisclose to dressing up as your cabin crew. Maybe next year! 😉",
        None,
        218.0,
        "@customer Sounds like there's a 100% chance you'll make it rain next year. ^LB",
        None,
    ));
    assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
    assert!(r.rewrite_note.is_some());
    // a kind word with a greeting glued on is still the agent's own sentence
    let r = analyze(&exchange(
        "Vandaag mijn nieuwe fiets opgehaald bij jullie winkel in Utrecht, super geholpen! Top service 👍",
        Some("Sonja de Vries"),
        5.0,
        "Wat leuk om te horen, veel fietsplezier!",
        Some("Pim"),
    ));
    let rw = r.rewrite.unwrap();
    assert!(
        rw.contains("wat leuk om te horen, veel fietsplezier!"),
        "{rw}"
    );
}

#[test]
fn a_stock_apology_beside_sympathy_goes_whole() {
    let rw = rewrite(
        "@RideCo WHY DOES MY ACCOUNT GET PUT ON HOLD WHEN I REPORT A DRIVER????",
        None,
        20.0,
        "@customer Sorry to hear about the trouble, Jas. We've escalated your concern and a member of our team will be in touch shortly. We apologize for any inconvenience this may have caused.",
    )
    .unwrap();
    let lower = rw.to_lowercase();
    assert!(
        !lower.contains("may have caused") && lower.matches("sorry").count() == 1,
        "{rw}"
    );
    assert!(lower.contains("escalated your concern"), "{rw}");
}

#[test]
fn no_opener_on_the_second_tweet_of_a_thread() {
    // "2/2^Corry": the apology belongs in the first tweet
    let r = analyze(&exchange(
        "@Airline Thanks. Do you know if you will be running it winter 2018? Planning a holiday",
        None,
        238.0,
        "@customer website when they have been finalised. 2/2^Corry",
        None,
    ));
    if let Some(rw) = r.rewrite {
        let lower = rw.to_lowercase();
        assert!(
            !lower.contains("sorry") && !lower.contains("apologies"),
            "{rw}"
        );
    }
}

#[test]
fn a_stock_phrase_before_a_preposition_keeps_the_sentence_whole() {
    // "reach AT&T for further assistance with regaining access" keeps its "with"
    let rw = rewrite(
        "@Mail $200 to fix a hacked email account? Is this correct or a pure scam?",
        None,
        13.0,
        "@customer Hi Dan. Due to contractual agreements, you would have to reach out to AT&T for further assistance with regaining access: https://help.example.com/kb/25426 ^Kim",
    )
    .unwrap();
    assert!(rw.contains("AT&T for help with regaining access"), "{rw}");
}

/// Every wording of every opener, in front of a reply to a complaint, is what it stands
/// for to the engine itself: sympathy where sympathy is asked, an acknowledged wait where
/// the reply is late; no warning is left that the opener was meant to answer. (The
/// variants are many so that one brand's replies do not all open alike: blind judges
/// marked "template" where a dozen wordings recurred over 50 replies.)
#[test]
fn every_opener_wording_does_what_it_is_for() {
    use reply_coach::lexicon::{lexicon, Template};
    use reply_coach::Lang;
    let cases = [
        (
            Lang::En,
            "my parcel never arrived and nobody answers",
            "parcel",
            "I will check it now. ^Tom",
        ),
        (
            Lang::Nl,
            "mijn pakket is nooit aangekomen en niemand reageert",
            "pakket",
            "Ik zoek het nu uit. ^Tom",
        ),
    ];
    for (lang, post, thing, rest) in cases {
        let lx = lexicon(lang);
        let your = lx.template(Template::Possessive, &[]);
        for (template, late) in [
            (Template::Sympathy, false),
            (Template::SympathyWaiting, false),
            (Template::SympathyNotWorking, false),
            (Template::Late, true),
            (Template::LateSympathy, true),
            (Template::SympathyUpset, false),
            (Template::SympathyObject, false),
            (Template::LateSympathyObject, true),
            (Template::LateObject, true),
            (Template::SympathyObjectUpset, false),
            (Template::LateSympathyObjectUpset, true),
        ] {
            let variants = lx.template_variants(template);
            assert!(
                variants.len() >= 2,
                "{lang:?} {template:?}: one wording for everyone"
            );
            for v in variants {
                // (the thing the trouble is with, as the opener names it)
                let v = &v.replace("{your}", &your).replace("{object}", thing);
                // one "sorry" per opener (two read as a stack, and the check refuses it)
                let sorries = lx
                    .phrases(reply_coach::lexicon::Category::Apology)
                    .find(&reply_coach::text::Doc::new(v))
                    .len();
                assert!(sorries <= 1, "{lang:?} {v:?}: {sorries} apologies");
                let mut opener = v.clone();
                opener[..1].make_ascii_uppercase();
                let reply = format!("{opener} {rest}");
                let age = if late { 300.0 } else { 5.0 };
                let report = analyze(&exchange(post, None, age, &reply, None));
                let left: Vec<&str> = report
                    .findings
                    .iter()
                    .filter(|f| {
                        f.severity != reply_coach::Severity::Suggestion
                            && ["no-empathy", "late-reply", "corporate-phrase"]
                                .contains(&f.rule.as_ref())
                    })
                    .map(|f| f.rule.as_ref())
                    .collect();
                assert!(left.is_empty(), "{lang:?} {reply:?}: {left:?}");
            }
        }
    }
}

/// A complaint answered only with why the rule stands gets no sympathy pasted in front:
/// "So sorry! … a charge applies" rings hollow (blind judges called it incoherent). The
/// note says what to do by hand.
#[test]
fn no_sympathy_over_a_reply_that_only_defends_the_rule() {
    let r = analyze(&exchange(
        "why do you charge for a bag at the meat counter?? ridiculous, poor service",
        None,
        5.0,
        "We're only obliged to provide free bags for loose meat. As ours is prepacked, a charge applies. ^Jo",
        None,
    ));
    assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
    let note = r.rewrite_note.unwrap_or_default();
    assert!(note.contains("only explains why"), "{note}");
    // the same rule with something done for the customer is rewritten as ever
    let r = analyze(&exchange(
        "why do you charge for a bag at the meat counter?? ridiculous, poor service",
        None,
        5.0,
        "We're only obliged to provide free bags for loose meat, but I'll refund the charge today. ^Jo",
        None,
    ));
    assert!(r.rewrite.is_some(), "{:?}", r.rewrite_note);
}

/// A reply in a language the coach does not write gets no English or Dutch frame
/// ("Apologies for the wait! Hallo! …"), and a note that says why; a drawn-out reaction
/// ("Yessssss!!!!!") is the agent's own as much as "Yes!".
#[test]
fn no_frame_in_another_language_or_before_a_drawn_out_reaction() {
    let r = analyze(&exchange(
        "ICH HABE KEINE LUST AUF DIESE WERBUNG, MACHT SIE WEG",
        None,
        300.0,
        "Hallo! Schau mal auf diesem Link, da findest du, wie du die Werbung meldest. Wir sind für dich da!",
        None,
    ));
    assert!(r.rewrite.is_none(), "{:?}", r.rewrite);
    assert!(r
        .rewrite_note
        .unwrap_or_default()
        .contains("another language"));
    let rw = rewrite(
        "Want to join the mince pie competition? We scored a 6!",
        None,
        200.0,
        "Yessssss!!!!! When's our trophy? ;)",
    );
    assert!(
        rw.as_deref()
            .is_none_or(|rw| !rw.to_lowercase().contains("sorry")
                && !rw.to_lowercase().contains("apologies")),
        "{rw:?}"
    );
}

/// A reply that closes with the business's name is signed: the agent's signature is not
/// added after it ("… Garage Hendriks ^Rob" read as two signatures to a blind judge).
#[test]
fn no_second_signature_after_the_business_s_name() {
    let rw = analyze(&exchange(
        "Auto stond 3 dagen bij jullie voor een kleine beurt en de rekening is €640. Niemand heeft vooraf gebeld.",
        Some("Patrick de Wit"),
        5.0,
        "Beste Patrick, bij de beurt bleken de remblokken versleten. Die moesten vervangen worden, daarom viel de rekening hoger uit. Garage Hendriks",
        Some("Rob Hendriks"),
    ))
    .rewrite;
    assert!(
        rw.as_deref()
            .is_none_or(|rw| rw.ends_with("Garage Hendriks")),
        "{rw:?}"
    );
}

/// Sympathy names the thing the trouble is with when the customer names one ("sorry about
/// the trouble with your account!"): blind judges asked for openers "specific to the
/// payment" instead of the stock ones. Only a thing of the customer's, told with the
/// trouble, and only one: a person, a phone number or two things name nothing.
#[test]
fn sympathy_names_the_thing_the_trouble_is_with() {
    let thing = |post: &str| {
        analyze(&exchange(post, None, 5.0, "Please send us a DM.", None))
            .incoming
            .trouble_object
    };
    let own = |w: &str| Some(w.to_string());
    assert_eq!(
        thing("my account got hacked and nobody helps"),
        own("account")
    );
    assert_eq!(
        thing("I'm locked out of my Gmail account, tried everything"),
        own("account")
    );
    assert_eq!(
        thing("The flight was delayed 3 hours and nobody told us anything"),
        Some("the flight".to_string())
    );
    assert_eq!(
        thing("Waar blijft mijn pakket? Al 2 weken niks!"),
        own("pakket")
    );
    // not told with the trouble, not a thing, a part of a thing, two things
    assert_eq!(
        thing("I restarted my phone and the app still crashes"),
        None
    );
    assert_eq!(thing("my son can't log in, it keeps failing"), None);
    assert_eq!(thing("my phone number is wrong on your site, fix it"), None);
    assert_eq!(
        thing("My order never arrived. My card was charged twice!"),
        None
    );
    assert_eq!(
        thing("The update broke my console, and it's not a problem with my wifi!"),
        None
    );
    // the phone is told with no trouble; the brand's "your app" is "the app"
    assert_eq!(
        thing("I love my phone. Your app keeps crashing though"),
        Some("the app".to_string())
    );
    // in lower case, or as the lexicon writes a name
    assert_eq!(thing("I can't log in to my Account!"), own("account"));
    assert_eq!(thing("my iphone won't turn on"), own("iPhone"));

    let rewritten = rewrite(
        "my account got hacked and nobody helps",
        None,
        5.0,
        "Please send us a DM with your username.",
    )
    .expect("a rewrite");
    assert!(
        rewritten.to_lowercase().contains("with your account!"),
        "{rewritten}"
    );
    // the reply's register: "uw" to a customer addressed with "u"
    let formal = rewrite(
        "Waar blijft mijn pakket? Al 2 weken niks! Wanneer krijg ik antwoord van u?",
        None,
        5.0,
        "Kunt u ons uw ordernummer sturen via DM?",
    )
    .expect("a rewrite");
    assert!(formal.contains("uw pakket"), "{formal}");
    // the thing may come back in the reply ("… your account! … of your account")
    let again = rewrite(
        "my account got hacked and nobody helps",
        None,
        5.0,
        "Please DM us the email address of your account.",
    )
    .unwrap_or_default();
    assert!(again.contains("trouble with your account!"), "{again}");
    // no room on X for the wording that names the thing: a short stock one, not none
    let full = rewrite(
        "my account got hacked and nobody helps",
        None,
        5.0,
        "Please send us a DM with your username and the email address on the account, and \
         tell us when you last signed in and from which device, so that our team can look \
         into what happened and secure it for you. We'll get back to you with the next \
         steps. ^Sam",
    )
    .expect("a rewrite with a shorter opener");
    assert!(
        full.starts_with("Sorry") && !full.contains("your account!"),
        "{full}"
    );
}
