//! The names the engine uses for the parts of a lexicon file: word lists (`[words]`),
//! phrase categories (`[phrases]`) and templates (`[templates]`). The words and phrases
//! are data; these names are what the code refers to. A name in a lexicon file that is
//! not here is an error when the lexicon loads, and so is a category or template that a
//! lexicon lacks (a word list may be left out: English has no formal pronoun).

use crate::names::data_names;

data_names! {
    /// A word list (`[words]`).
    pub enum List {
        AnswerWords = "answer_words",
        Department = "department",
        FirstPerson = "first_person",
        FormalPronoun = "formal_pronoun",
        Function = "function",
        Greeting = "greeting",
        Imperative = "imperative",
        Informal = "informal",
        InformalPronoun = "informal_pronoun",
        Interjection = "interjection",
        /// Verbs of wanting or aiming ("want", "hope", "willen"): what follows them is
        /// an aim, not a claim ("we want this to work perfectly").
        Wish = "wish",
        /// Interjections that react to what the customer said ("whoa", "yikes", "haha"),
        /// unlike a thinking sound ("hmm").
        Reaction = "reaction",
        /// A first word that answers the customer ("Yes! …", "Ja, dat kan"): no sympathy
        /// in front of it.
        Answer = "answer",
        NotAName = "not_a_name",
        PrivateChannel = "private_channel",
        SignOff = "sign_off",
        Stop = "stop",
        TagQuestion = "tag_question",
        Title = "title",
        Weekday = "weekday",
        // what the text layer asks (build.rs gives it these two lists of every language)
        ClauseConjunction = "clause_conjunction",
        /// Words that join a clause to what comes before ("so I can call you"): what is
        /// asked for ends there.
        ClauseLink = "clause_link",
        SubjectStarter = "subject_starter",
        // reading the reply's frame
        GreetingPair = "greeting_pair",
        GreetingBeforeName = "greeting_before_name",
        SignOffLead = "sign_off_lead",
        // what a clause of the reply does (reply::clauses)
        /// Words before an instruction that leave it one ("please", "also").
        Softener = "softener",
        /// Modals that make a question a request ("Can you try …?", "Kun je …?").
        PoliteModal = "polite_modal",
        /// Words that open a condition, a purpose or a circumstance ("if", "for",
        /// "zonder"): such a clause states nothing by itself.
        Adjunct = "adjunct",
        /// Words that show a clause has a verb: a short clause without one is a fragment.
        Finite = "finite",
        /// Words that take personal data out of a request ("without", "zonder", "our").
        Exclusion = "exclusion",
        /// The customer's own ("your", "je"): their coupon is no pitch.
        Possessive = "possessive",
        /// Words that turn a promise or a request around ("cannot", "niet", "without",
        /// "zonder").
        Negation = "negation",
        /// What links a signing person to the organisation ("Mike from the Support
        /// Team"); recognised in every language.
        SignatureLink = "signature_link",
        // reading the post
        SecondPerson = "second_person",
        /// Letter groups that mark a word as this language's ("ij", "sch"; "wh", "ght"),
        /// for telling languages apart on short texts.
        LetterCluster = "letter_cluster",
        NamePrefix = "name_prefix",
        // fixes and rewrites
        SubjectAfterVerb = "subject_after_verb",
        /// Words that join two parts of a sentence ("and", "or"): a phrase replaced
        /// before one leaves the other part without its subject or its verb.
        Coordinator = "coordinator",
        ObservationOpener = "observation_opener",
        /// Words that open a sentence before a comma and name nobody ("Unfortunately,",
        /// "Helaas,"): no vocative.
        SentenceAdverb = "sentence_adverb",
        /// Greetings too casual for a customer who writes "u" ("Hoi", "Hey").
        InformalGreeting = "informal_greeting",
        CapitalWord = "capital_word",
        /// A word after a greeting that stands where a name could ("Hi there").
        GreetingFiller = "greeting_filler",
        /// Words a sentence does not start with when it is whole ("Since …", "Omdat …").
        FragmentStart = "fragment_start",
        /// Words that may stand twice in a row ("that that", "heel heel").
        MayRepeat = "may_repeat",
        /// The organisation speaking: "we", "us", "ons".
        FirstPersonPlural = "first_person_plural",
        /// Words that open a question for a piece of data ("what's your …?").
        QuestionWord = "question_word",
        // the form of address (crate::register)
        /// Subjects before a verb: the informal pronoun after them is an object.
        SubjectPronoun = "subject_pronoun",
        /// Informal pronouns that can be a subject: the verb changes with them.
        InformalSubject = "informal_subject",
        /// Words after which an infinitive comes ("kan ik je helpen").
        Modal = "modal",
        /// Words that, put first, turn subject and verb around ("wellicht schakelt u").
        Fronted = "fronted",
        /// The ending of a verb with the formal pronoun ("kunt": "t").
        FormalVerbSuffix = "formal_verb_suffix",
        /// How a past participle starts and ends ("gebeld"), and an infinitive ends.
        ParticiplePrefix = "participle_prefix",
        ParticipleEnding = "participle_ending",
        InfinitiveSuffix = "infinitive_suffix",
        /// Endings no verb stem has once the formal ending is cut off ("zit", "weet").
        NoStemEnding = "no_stem_ending",
        // times (lexicon::is_time) and personal data (pii)
        TimeSuffix = "time_suffix",
        /// Function words of languages the coach does not know ("que", "und"); recognised
        /// in every language.
        OtherLanguage = "other_language",
        TimeInfix = "time_infix",
        RoleAddress = "role_address",
        StreetSuffix = "street_suffix",
        StreetWord = "street_word",
    }
}

// a word's lists are a u64 of bits, and all ones means "not looked up" (text::Norm)
const _: () = assert!(List::COUNT < 64);

impl List {
    /// The list's bit in a word's set of lists.
    #[inline]
    pub fn bit(self) -> u64 {
        1 << self as u32
    }
}

data_names! {
    /// A phrase category (`[phrases]`): what a pattern's match means.
    pub enum Category {
        // the strategies of the brief (§3), and what tells them apart
        Sympathy = "sympathy",
        Apology = "apology",
        CorrectiveAction = "corrective_action",
        InformationRequest = "information_request",
        /// An offer that commits to nothing yet ("shall I …?").
        Offer = "offer",
        Referral = "referral",
        Justification = "justification",
        Denial = "denial",
        /// A polite correction of wrong information (not denial).
        Correction = "correction",
        Compensation = "compensation",
        /// What ties information to this customer's case (a time, "I see").
        AppliedMarker = "applied_marker",
        Pleasantry = "pleasantry",
        /// A clause that asks by its word order ("Did you try …", "Heb je …").
        QuestionOpener = "question_opener",
        /// A clause that points at a resource ("More info here:").
        Pointer = "pointer",
        /// Advice not in the imperative ("We recommend …", "Je kunt het beste …").
        Advice = "advice",
        /// What ties a statement to this customer's case ("I can see", "je pakket is").
        OwnCase = "own_case",
        /// What makes a commitment a hope ("hopefully", "hopelijk").
        Hedge = "hedge",
        // voice elements (§4)
        Thanks = "thanks",
        InviteDialogue = "invite_dialogue",
        Interjection = "interjection",
        /// Colloquial wording of more than one word ("give us a shout", "geen zorgen").
        Informal = "informal",
        // the don'ts (§5, §8, §10)
        Commercial = "commercial",
        /// An offer named in a post ("is the promotion online only?", "die actie"): a
        /// customer who asks about one gets an answer about it, no pitch.
        OfferMention = "offer_mention",
        /// A time still to come ("for the next few hours", "over 3 dagen"): a duration
        /// in it is no wait.
        FutureTime = "future_time",
        /// A stretch of time in a post ("3 days", "since Monday").
        Duration = "duration",
        PromiseAbsolute = "promise_absolute",
        PromiseVague = "promise_vague",
        Irritation = "irritation",
        Corporate = "corporate",
        /// Sending a complaining customer elsewhere or asking them to wait, as the whole
        /// answer ("please contact our customer service", "wij verzoeken u geduld te
        /// hebben"): a brush-off that a warmer wording only polishes.
        BrushOff = "brush_off",
        Humor = "humor",
        /// The customer laughs at or blames themselves ("my rolling skills suck", "my bad",
        /// "stom van mij"): their trouble, told lightly, is no complaint to be sure of.
        SelfMockery = "self_mockery",
        PublicChannel = "public_channel",
        PersonalData = "personal_data",
        Request = "request",
        DmRequest = "dm_request",
        /// A route to a private channel (a DM, a form, a link, a call).
        PrivateRoute = "private_route",
        // reading the incoming post (§2, §6)
        Problem = "problem",
        Venting = "venting",
        QuestionStart = "question_start",
        /// A negation that asks ("please don't let him…", "don't allow this"): no failure
        /// told.
        AskingNegation = "asking_negation",
        Positive = "positive",
        Abuse = "abuse",
        Trolling = "trolling",
        Irony = "irony",
        ConsumersAmongThemselves = "consumers_among_themselves",
        OrgAction = "org_action",
        ImpliedFirstPerson = "implied_first_person",
        // how people complain, ask, praise and mock (the post's signals, incoming::signals)
        NotWorking = "not_working",
        Waiting = "waiting",
        /// The same trouble again ("again", "third time", "weer"): no wait by itself.
        Repeated = "repeated",
        Charged = "charged",
        HelpRequest = "help_request",
        Rhetorical = "rhetorical",
        Sarcasm = "sarcasm",
        UpsetEmoji = "upset_emoji",
        PlainQuestion = "plain_question",
        Suggestion = "suggestion",
        SelfCaused = "self_caused",
        Resolved = "resolved",
        BadEvaluation = "bad_evaluation",
        Expectation = "expectation",
        NoTrouble = "no_trouble",
        Quick = "quick",
        ThanksInAdvance = "thanks_in_advance",
        /// The reply acknowledges that it comes late ("sorry for the slow reply").
        WaitAcknowledged = "wait_acknowledged",
        /// Where a thing of the customer's is told with the trouble ("my" of "my account
        /// got hacked", "waar blijft mijn"): a `thing` right after it, or one word after,
        /// is what sympathy can name.
        ThingPointer = "thing_pointer",
        /// The things sympathy may name ("account", "pakket"): never a person.
        Thing = "thing",
        /// A word after such a thing that makes it another ("my phone number").
        ThingPart = "thing_part",
        /// A thing said to be fine ("not a problem with my wifi"): not the one to name.
        ThingFine = "thing_fine",
        /// What the customer says they wait for ("waiting for my order", "on hold", "waar
        /// blijft"): a wait sympathy can name, unlike "still" or "tried everything".
        WaitsFor = "waits_for",
    }
}

data_names! {
    /// A template (`[templates]`): wording the engine writes into a reply, with
    /// `{name}`-style holes.
    pub enum Template {
        Greeting = "greeting",
        GreetingFormal = "greeting_formal",
        GreetingNoName = "greeting_no_name",
        Sympathy = "sympathy",
        DmInvite = "dm_invite",
        /// How to ask for something privately, after the request ("… via een DM").
        ViaDm = "via_dm",
        SignatureGreeting = "signature_greeting",
        Late = "late",
        /// An apology for the wait and sympathy in one opener, for a late reply to a
        /// complaint that shows neither (one "sorry", not two in a row).
        LateSympathy = "late_sympathy",
        Invite = "invite",
        /// Sympathy that fits what went wrong (`incoming.trouble`).
        SympathyWaiting = "sympathy_waiting",
        SympathyNotWorking = "sympathy_not_working",
        /// Sympathy for an angry customer (swearing, venting, sarcasm): "sorry about the
        /// trouble" is too light there.
        SympathyUpset = "sympathy_upset",
        /// A sentence after a question for personal data that moves the answer to a DM.
        DmFollowup = "dm_followup",
        /// Sympathy that names the thing the trouble is with (`incoming.trouble_object`):
        /// `{your} {object}`.
        SympathyObject = "sympathy_object",
        LateSympathyObject = "late_sympathy_object",
        /// The same for an angry customer (`sympathy_upset`'s reason).
        SympathyObjectUpset = "sympathy_object_upset",
        LateSympathyObjectUpset = "late_sympathy_object_upset",
        /// The apology for the wait that names what the post is about ("sorry for the slow
        /// reply about your order!").
        LateObject = "late_object",
        /// "your" before that thing, in the reply's register ("je", "uw").
        Possessive = "possessive",
        PossessiveFormal = "possessive_formal",
    }
}
