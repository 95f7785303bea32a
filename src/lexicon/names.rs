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
        NotAName = "not_a_name",
        PrivateChannel = "private_channel",
        SignOff = "sign_off",
        Stop = "stop",
        TagQuestion = "tag_question",
        Title = "title",
        Weekday = "weekday",
        // what the text layer asks (build.rs gives it these two lists of every language)
        ClauseConjunction = "clause_conjunction",
        SubjectStarter = "subject_starter",
        // reading the reply's frame
        GreetingPair = "greeting_pair",
        GreetingBeforeName = "greeting_before_name",
        SignOffLead = "sign_off_lead",
        // reading the post
        SecondPerson = "second_person",
        NamePrefix = "name_prefix",
        // fixes and rewrites
        SubjectAfterVerb = "subject_after_verb",
        ObservationOpener = "observation_opener",
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
        /// Words that turn a request around ("without", "zonder").
        Negation = "negation",
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
        // voice elements (§4)
        Thanks = "thanks",
        InviteDialogue = "invite_dialogue",
        Interjection = "interjection",
        // the don'ts (§5, §8, §10)
        Commercial = "commercial",
        PromiseAbsolute = "promise_absolute",
        PromiseVague = "promise_vague",
        Irritation = "irritation",
        Corporate = "corporate",
        Humor = "humor",
        PublicChannel = "public_channel",
        PersonalData = "personal_data",
        Request = "request",
        DmRequest = "dm_request",
        // reading the incoming post (§2, §6)
        Problem = "problem",
        Venting = "venting",
        QuestionStart = "question_start",
        Positive = "positive",
        Abuse = "abuse",
        Trolling = "trolling",
        Irony = "irony",
        ConsumersAmongThemselves = "consumers_among_themselves",
        OrgAction = "org_action",
        ImpliedFirstPerson = "implied_first_person",
        /// The reply acknowledges that it comes late ("sorry for the slow reply").
        WaitAcknowledged = "wait_acknowledged",
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
        Invite = "invite",
        /// Sympathy that fits what went wrong (`incoming.trouble`).
        SympathyWaiting = "sympathy_waiting",
        SympathyNotWorking = "sympathy_not_working",
        SympathyCharged = "sympathy_charged",
        /// A sentence after a question for personal data that moves the answer to a DM.
        DmFollowup = "dm_followup",
    }
}
