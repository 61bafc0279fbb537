//! Closed word lists that more than one stage reads, kept once here: the tagger's cue rules
//! and the clause grammar must agree on what a reporting verb or a subordinator is.

/// A verb that reports speech or thought.
#[derive(Clone, Copy, Debug)]
pub struct ReportingVerb {
    pub lemma: &'static str,
    /// Forms that, right after a name, make it a speaker ("Ana Ruiz said", "Tomas Berg
    /// says"). Verbs of thought (`believe`) and rarer verbs of speech have none: after a
    /// capitalised run they are no evidence that it names a person.
    pub after_name: &'static [&'static str],
    /// Whether what it reports is a statement, whose content is a claim; `ask` reports a
    /// question or a request.
    pub statement: bool,
}

const fn verb(
    lemma: &'static str,
    after_name: &'static [&'static str],
    statement: bool,
) -> ReportingVerb {
    ReportingVerb {
        lemma,
        after_name,
        statement,
    }
}

/// The reporting verbs, one entry per lemma.
pub const REPORTING: &[ReportingVerb] = &[
    verb("say", &["said", "says"], true),
    verb("tell", &["told"], true),
    verb("write", &["wrote"], true),
    verb("announce", &["announced"], true),
    verb("state", &["stated"], true),
    verb("claim", &["claimed"], true),
    verb("add", &["added"], true),
    verb("note", &["noted"], true),
    verb("warn", &["warned"], true),
    verb("insist", &["insisted"], true),
    verb("report", &[], true),
    verb("argue", &["argued"], true),
    verb("explain", &["explained"], true),
    verb("declare", &["declared"], true),
    verb("confirm", &["confirmed"], true),
    verb("deny", &["denied"], true),
    verb("ask", &["asked"], false),
    verb("believe", &[], true),
    verb("think", &[], true),
    verb("suggest", &[], true),
    verb("acknowledge", &[], true),
    verb("stress", &[], true),
    verb("emphasise", &[], true),
    verb("emphasize", &[], true),
    verb("reiterate", &[], true),
    verb("indicate", &[], true),
    verb("predict", &[], true),
    verb("estimate", &[], true),
    verb("allege", &[], true),
    verb("admit", &[], true),
    verb("assert", &[], true),
    verb("maintain", &[], true),
    verb("reveal", &[], true),
    verb("disclose", &[], true),
    verb("tweet", &[], true),
    verb("post", &[], true),
    verb("agree", &[], true),
    verb("hope", &[], true),
    verb("fear", &[], true),
    verb("expect", &[], true),
    verb("know", &[], true),
    verb("feel", &[], true),
    verb("understand", &[], true),
    verb("urge", &["urged"], true),
    verb("accuse", &[], true),
    verb("complain", &[], true),
    verb("reply", &["replied"], true),
    verb("respond", &["responded"], true),
    verb("remark", &[], true),
    verb("observe", &[], true),
    verb("conclude", &[], true),
    verb("concede", &[], true),
    verb("contend", &[], true),
    verb("signal", &[], true),
    verb("hint", &[], true),
    verb("promise", &[], true),
    verb("pledge", &[], true),
    verb("vow", &[], true),
    verb("threaten", &[], true),
    verb("recall", &[], true),
    verb("point", &[], true),
    verb("show", &[], true),
    verb("find", &[], true),
    // Findings of inquiries and bodies: what they discover or determine is theirs.
    verb("discover", &[], true),
    verb("determine", &[], true),
    verb("learn", &[], true),
    verb("assure", &[], true),
    verb("reassure", &[], true),
    verb("inform", &[], true),
    verb("notify", &[], true),
    verb("reckon", &[], true),
    verb("doubt", &[], true),
    verb("forecast", &[], true),
    verb("caution", &[], true),
    verb("opine", &[], true),
    verb("demand", &[], true),
    verb("request", &[], true),
    verb("recommend", &[], true),
    // Courts and witnesses: what they rule or testify is theirs.
    verb("rule", &[], true),
    verb("testify", &[], true),
    verb("confess", &[], true),
    verb("suspect", &[], true),
    verb("speculate", &[], true),
    verb("affirm", &[], true),
    verb("mention", &[], true),
    verb("proclaim", &[], true),
    verb("certify", &[], true),
];

/// Whether `lemma` is a verb that reports a statement (the clause grammar's reporting verbs).
pub fn is_reporting(lemma: &str) -> bool {
    REPORTING.iter().any(|v| v.statement && v.lemma == lemma)
}
/// Verbs whose object an "as" phrase describes ("described the plan as reckless", "regards
/// the group as a threat"): the description is part of what is said about the object.
pub const DESCRIBING_VERBS: &[&str] = &[
    "describe",
    "denounce",
    "condemn",
    "criticise",
    "criticize",
    "dismiss",
    "reject",
    "regard",
    "view",
    "see",
    "consider",
    "label",
    "brand",
    "characterise",
    "characterize",
    "portray",
    "depict",
    "present",
    "hail",
    "praise",
    "welcome",
    "identify",
    "classify",
    "define",
    "treat",
    "recognise",
    "recognize",
    "cite",
    "perceive",
    "interpret",
    "rate",
    "rank",
    "tout",
    "call",
];

/// Verbs of choosing, whose "as" phrase names a role ("elected her as chair"): a claim without
/// the role, and one with it.
pub const CHOOSING_VERBS: &[&str] = &["name", "appoint", "elect", "designate", "confirm", "list"];

/// Verbs whose object is the subject of the infinitive after it and whose claim is what that
/// infinitive says ("expects prices to rise", "allowed the firm to sell the mine", "caused
/// the plant to close"): the object alone ("expects | prices") says nothing of it. Verbs
/// of asking ("urged the council to act") address their object: `claim/tree/asked.rs` joins
/// their infinitive to it; "lead" is left out, as its infinitive is as often a purpose ("led the parade to mark ...").
/// The tree reader (`claim/tree/whole.rs`) keeps such an infinitive with the object when it
/// can bound it, else empties the clause; the grammar leaves these objects to it.
pub const PROPOSITION_VERBS: &[&str] = &[
    "allow", "believe", "cause", "compel", "consider", "enable", "expect", "force", "intend",
    "oblige", "permit", "predict", "prefer", "prompt", "require", "want", "wish",
];

/// Verbs whose object is often an amount ("employs 300 people", "owns 40 percent"): after a
/// noun and before a number, their -s form is the verb, though a tagger trained on web text
/// reads it as a plural noun.
pub const AMOUNT_VERBS: &[&str] = &[
    "employ",
    "own",
    "hold",
    "control",
    "operate",
    "produce",
    "sell",
    "export",
    "import",
    "spend",
    "earn",
    "pay",
    "owe",
    "cost",
    "receive",
    "need",
    "seek",
    "plan",
    "expect",
    "estimate",
    "report",
    "count",
    "house",
    "serve",
    "carry",
    "attract",
    "lose",
    "gain",
    "add",
    "cut",
    "raise",
    "want",
    "offer",
    "generate",
    "manufacture",
    "build",
    "ship",
    "claim",
    "invest",
];

/// Whether `word`, written right after a capitalised run, makes the run a speaker.
pub fn follows_speaker(word: &str) -> bool {
    REPORTING.iter().any(|v| v.after_name.contains(&word))
}

/// Subordinating conjunctions: a clause starts after them, not a noun phrase.
pub const SUBORDINATORS: &[&str] = &[
    "if", "while", "although", "because", "unless", "though", "whether", "that", "so", "once",
    "whereas", "as", "since",
];

/// Subordinators that also head a phrase inside a clause ("since 2010", "as chairman", "once a
/// week"): a clause's arguments do not stop at them.
pub const ALSO_PREPOSITIONS: &[&str] = &["as", "since", "once"];

/// Whether `word` (lower case) is a subordinating conjunction.
pub fn is_subordinator(word: &str) -> bool {
    SUBORDINATORS.contains(&word)
}

/// Adverbs that hedge what their verb asserts ("reportedly signed", "seemingly ignored"): the
/// clause grammar and the tree reader mark such a verb's claim `hedged`.
pub const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "probably",
    "likely",
    "perhaps",
    "purportedly",
    "supposedly",
    "seemingly",
    "maybe",
];

/// Adverbs that weaken or limit what their verb says ("partly funded", "only operates",
/// "nearly doubled", "barely won"): a claim without them states more than the sentence. They
/// join the predicate's lemma. "directly" limits only under negation ("did not directly
/// answer"), so it is listed apart.
pub const LIMITING_ADVERBS: &[&str] = &[
    "partly",
    "partially",
    "largely",
    "mostly",
    "mainly",
    "primarily",
    "chiefly",
    "predominantly",
    "nearly",
    "almost",
    "only",
    "solely",
    "merely",
    "exclusively",
    "barely",
    "hardly",
    "scarcely",
    "narrowly",
    "temporarily",
    "indirectly",
    "virtually",
    "practically",
    "nominally",
    "tentatively",
    "provisionally",
    "conditionally",
    "slightly",
    "somewhat",
    // A past state or a habit, not a plain current fact ("was formerly the secretary",
    // "does not generally affect", "is usually held").
    "formerly",
    "previously",
    "once",
    "originally",
    "initially",
    "generally",
    "usually",
    "typically",
    "normally",
    "traditionally",
    "historically",
    "sometimes",
    "occasionally",
    "rarely",
    "seldom",
];

/// Whether a (lower-case) adverb limits its verb (`LIMITING_ADVERBS`, or "directly" under a
/// negation).
pub fn is_limiting(w: &str, negated: bool) -> bool {
    LIMITING_ADVERBS.contains(&w) || (negated && w == "directly")
}

/// Whether a (lower-case) adverb hedges its verb.
pub fn is_hedge(w: &str) -> bool {
    HEDGES.contains(&w)
}

/// Verbs whose passive with an infinitive reports hearsay or belief, not fact ("is said to
/// have", "are believed to be", "was reported to"): the infinitive's claim is hedged.
pub const HEARSAY_PASSIVES: &[&str] = &[
    "say",
    "believe",
    "think",
    "report",
    "rumour",
    "rumor",
    "allege",
    "suspect",
    "reckon",
    "understand",
    "consider",
    "claim",
    "presume",
];

/// Verbs of raising that hedge their infinitive ("appeared to be", "seems to have").
pub const SEEM_VERBS: &[&str] = &["seem", "appear"];

/// Verbs of request: their infinitive states what someone was asked to do, not what was done
/// ("customers are urged to save water", "asked governments to act"): an obligation.
pub const REQUEST_VERBS: &[&str] = &[
    "urge",
    "ask",
    "request",
    "encourage",
    "advise",
    "order",
    "instruct",
    "tell",
    "call",
    "press",
    "pressure",
    "invite",
    "direct",
    "implore",
    "beg",
    "exhort",
];

/// Verbs whose passive with an infinitive states a schedule or a forecast ("are scheduled to
/// meet", "is expected to rise"): the infinitive's claim is future.
pub const SCHEDULE_PASSIVES: &[&str] = &[
    "expect", "schedule", "slate", "set", "plan", "poise", "due", "project", "tip",
];

/// The days of the week, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower case.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns that make a bare noun phrase a time besides days and months ("last week", "today").
pub const TIME_NOUNS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Light-verb idioms: a verb (lemma) and the bare noun (no determiner, no modifier) that
/// joins it in the predicate ("the vote took place on Sunday" is "take place on | Sunday",
/// never "take | place"). With no further argument the idiom makes no claim: its noun is not
/// an object.
pub const VERB_NOUN_IDIOMS: &[(&str, &str)] = &[
    ("take", "place"),
    ("take", "part"),
    ("take", "effect"),
    ("take", "office"),
    ("take", "power"),
    ("take", "hold"),
    ("take", "shape"),
    ("take", "root"),
    ("take", "charge"),
    ("take", "aim"),
    ("take", "note"),
    ("take", "care"),
    ("take", "advantage"),
    ("take", "issue"),
    ("take", "refuge"),
    ("take", "cover"),
    ("take", "shelter"),
    ("take", "responsibility"),
    ("take", "action"),
    ("take", "notice"),
    ("take", "heart"),
    ("make", "sense"),
    ("make", "way"),
    ("make", "headway"),
    ("make", "use"),
    ("make", "landfall"),
    ("give", "way"),
    ("give", "birth"),
    ("give", "chase"),
    ("give", "rise"),
    ("pay", "tribute"),
    ("pay", "attention"),
    ("pay", "homage"),
    ("lose", "sight"),
    ("lose", "touch"),
    ("keep", "pace"),
    ("keep", "track"),
    ("set", "fire"),
    ("set", "foot"),
    ("set", "sail"),
    ("catch", "fire"),
    ("open", "fire"),
    ("cast", "doubt"),
    ("come", "true"),
    ("run", "aground"),
    ("stand", "trial"),
    ("stand", "guard"),
    ("bear", "fruit"),
    ("hold", "sway"),
];

/// Prepositional phrases of a bare noun that describe the state an action leaves its object
/// or subject in ("left the tax in place", "was put on hold", "stays in power"): they belong
/// to the predicate, never a claim's object.
pub const STATE_PHRASES: &[(&str, &str)] = &[
    ("in", "place"),
    ("in", "power"),
    ("in", "charge"),
    ("in", "control"),
    ("in", "check"),
    ("in", "office"),
    ("in", "force"),
    ("in", "effect"),
    ("in", "limbo"),
    ("in", "touch"),
    ("in", "custody"),
    ("in", "jail"),
    ("in", "prison"),
    ("in", "detention"),
    ("in", "mind"),
    ("in", "doubt"),
    ("in", "question"),
    ("in", "danger"),
    ("in", "line"),
    ("on", "hold"),
    ("on", "track"),
    ("on", "alert"),
    ("on", "board"),
    ("on", "edge"),
    ("on", "trial"),
    ("on", "strike"),
    ("on", "record"),
    ("on", "bail"),
    ("at", "bay"),
    ("at", "risk"),
    ("at", "stake"),
    ("at", "large"),
    ("at", "odds"),
    ("under", "way"),
    ("under", "arrest"),
    ("under", "fire"),
    ("under", "pressure"),
    ("under", "control"),
    ("under", "review"),
];

/// Manner adverbs that carry the point of their clause: "did not take the news kindly" is not
/// "did not take the news", "spoke highly of" is not "spoke of". After a verb or its object
/// they join the predicate.
pub const MEANING_ADVERBS: &[&str] = &[
    "kindly",
    "lightly",
    "seriously",
    "well",
    "badly",
    "poorly",
    "highly",
    "personally",
    "literally",
    "hard",
    "harshly",
    "warmly",
    "favourably",
    "favorably",
    "unfavourably",
    "unfavorably",
    "positively",
    "negatively",
    "fairly",
    "unfairly",
    "otherwise",
    "differently",
    "wrongly",
    "falsely",
];

/// Whether a (lower-case) word names a month or a day of the week.
pub fn is_month_or_day(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs_and_speaker_forms() {
        assert!(is_reporting("say") && is_reporting("believe") && !is_reporting("said"));
        assert!(!is_reporting("ask"));
        assert!(follows_speaker("said") && follows_speaker("says") && follows_speaker("asked"));
        assert!(!follows_speaker("believed") && !follows_speaker("say"));
        // Every form belongs to a listed lemma, and no lemma is listed twice.
        let mut lemmas: Vec<&str> = REPORTING.iter().map(|v| v.lemma).collect();
        lemmas.sort_unstable();
        let n = lemmas.len();
        lemmas.dedup();
        assert_eq!(lemmas.len(), n);
    }

    #[test]
    fn hedges_and_verbs_of_modality() {
        assert!(is_hedge("seemingly") && is_hedge("maybe") && is_hedge("reportedly"));
        assert!(!is_hedge("really"));
        // A verb of request is no verb of schedule or hearsay: each gives one modality.
        for v in REQUEST_VERBS {
            assert!(
                !SCHEDULE_PASSIVES.contains(v) && !HEARSAY_PASSIVES.contains(v),
                "{v}"
            );
        }
        for v in SCHEDULE_PASSIVES {
            assert!(!HEARSAY_PASSIVES.contains(v), "{v}");
        }
    }

    #[test]
    fn subordinators() {
        assert!(is_subordinator("although") && is_subordinator("since"));
        assert!(!is_subordinator("of"));
        assert!(ALSO_PREPOSITIONS.iter().all(|w| is_subordinator(w)));
    }
}
