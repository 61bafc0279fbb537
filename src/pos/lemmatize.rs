//! Lemmatiser: hand-written irregular forms and suffix rules, a lemma
//! lexicon (to choose between `hop`/`hope` for `hoped`) and an exception
//! table of `(form, tag) -> lemma` pairs learned from training data where
//! the rules get it wrong.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::{GoldSentence, Tag};

/// Plurals that EWT lemmatises as plurale tantum (`troops` -> `troops`) but
/// that claim normalisation wants singular; learned exceptions are ignored.
const PREFER_RULE: &[&str] = &["troops", "supplies"];

const VERB: u8 = 1;
const NOUN: u8 = 2;
const ADJ: u8 = 4;
const ADV: u8 = 8;

/// Lemma exception table + lemma lexicon (both lower-case), usually learned
/// from a treebank with [`LemmaTable::learn`] and stored in the model file.
#[derive(Clone, Debug, Default)]
pub struct LemmaTable {
    exceptions: HashMap<String, Vec<(Tag, String)>>,
    lexicon: HashMap<String, u8>,
}

/// Lower-case a word and normalise typographic apostrophes.
fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => s.push('\''),
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// Irregular verbs: `base past participle`, alternatives separated by `|`.
const IRREGULAR_VERBS: &str = "\
arise arose arisen;awake awoke awoken;bear bore born|borne;beat beat beaten;become became become;\
befall befell befallen;begin began begun;bend bent bent;bet bet bet;bid bid bid;bind bound bound;\
bite bit bitten;bleed bled bled;blow blew blown;break broke broken;breed bred bred;bring brought brought;\
broadcast broadcast broadcast;build built built;burn burnt burnt;burst burst burst;buy bought bought;\
cast cast cast;catch caught caught;choose chose chosen;cling clung clung;come came come;cost cost cost;\
creep crept crept;cut cut cut;deal dealt dealt;dig dug dug;do did done;draw drew drawn;dream dreamt dreamt;\
drink drank drunk;drive drove driven;dwell dwelt dwelt;eat ate eaten;fall fell fallen;feed fed fed;\
feel felt felt;fight fought fought;find found found;flee fled fled;fling flung flung;fly flew flown;\
forbid forbade forbidden;forecast forecast forecast;foresee foresaw foreseen;foretell foretold foretold;\
forget forgot forgotten;forgive forgave forgiven;forgo forwent forgone;forsake forsook forsaken;\
freeze froze frozen;get got got|gotten;give gave given;go went gone;grind ground ground;grow grew grown;\
hang hung hung;have had had;hear heard heard;hide hid hidden;hit hit hit;hold held held;hurt hurt hurt;\
keep kept kept;kneel knelt knelt;know knew known;lay laid laid;lead led led;lean leant leant;\
leap leapt leapt;learn learnt learnt;leave left left;lend lent lent;let let let;lie lay lain;\
light lit lit;lose lost lost;make made made;mean meant meant;meet met met;mislead misled misled;\
mistake mistook mistaken;misunderstand misunderstood misunderstood;outdo outdid outdone;\
outgrow outgrew outgrown;overcome overcame overcome;overdo overdid overdone;override overrode overridden;\
oversee oversaw overseen;overtake overtook overtaken;overthrow overthrew overthrown;pay paid paid;\
prove proved proven;put put put;quit quit quit;read read read;rebuild rebuilt rebuilt;redo redid redone;\
remake remade remade;repay repaid repaid;rerun reran rerun;resell resold resold;retell retold retold;\
rewrite rewrote rewritten;rid rid rid;ride rode ridden;ring rang rung;rise rose risen;run ran run;\
say said said;see saw seen;seek sought sought;sell sold sold;send sent sent;set set set;sew sewed sewn;\
shake shook shaken;shed shed shed;shine shone shone;shoot shot shot;show showed shown;shrink shrank shrunk;\
shut shut shut;sing sang sung;sink sank sunk;sit sat sat;slay slew slain;sleep slept slept;slide slid slid;\
sling slung slung;smell smelt smelt;speak spoke spoken;speed sped sped;spell spelt spelt;spend spent spent;\
spill spilt spilt;spin spun spun;spit spat spat;split split split;spoil spoilt spoilt;spread spread spread;\
spring sprang sprung;stand stood stood;steal stole stolen;stick stuck stuck;sting stung stung;\
stink stank stunk;stride strode stridden;strike struck struck|stricken;string strung strung;\
strive strove striven;swear swore sworn;sweep swept swept;swell swelled swollen;swim swam swum;\
swing swung swung;take took taken;teach taught taught;tear tore torn;tell told told;think thought thought;\
throw threw thrown;thrust thrust thrust;tread trod trodden;understand understood understood;\
undergo underwent undergone;undertake undertook undertaken;undo undid undone;uphold upheld upheld;\
upset upset upset;wake woke woken;wear wore worn;weave wove woven;weep wept wept;win won won;\
wind wound wound;withdraw withdrew withdrawn;withhold withheld withheld;withstand withstood withstood;\
wring wrung wrung;write wrote written;be was|were been;\
";

/// The one-word verb lemmas of WordNet 3.1 (`models/wordnet-verbs.txt`, built by
/// `scripts/gazetteer/wordnet_verbs.py`): the fallback lexicon for verbs the treebank never
/// showed, so that "convened" is `convene` and "boycotted" `boycott`, not a guessed stem.
const WORDNET_VERBS: &str = include_str!("../../models/wordnet-verbs.txt");

/// Whether `w` is a WordNet verb lemma.
fn wordnet_verb(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        WORDNET_VERBS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect()
    })
    .contains(w)
}

/// Past / participle form -> base form.
fn irregular_past() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for entry in IRREGULAR_VERBS.split(';') {
            let mut parts = entry.split_whitespace();
            let Some(base) = parts.next() else { continue };
            for forms in parts {
                for f in forms.split('|') {
                    if f != base {
                        m.entry(f).or_insert(base);
                    }
                }
            }
        }
        m
    })
}

/// Forms of *be*, *have*, *do*, *go* and clitics, for any verb tag.
fn special_verb(w: &str) -> Option<&'static str> {
    Some(match w {
        "am" | "are" | "is" | "was" | "were" | "been" | "being" | "'m" | "'re" | "art" => "be",
        "has" | "had" | "having" | "'ve" | "hath" => "have",
        "does" | "did" | "done" | "doing" => "do",
        "goes" | "went" | "gone" | "going" => "go",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        _ => return None,
    })
}

fn irregular_noun(w: &str) -> Option<&'static str> {
    Some(match w {
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "oxen" => "ox",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "wolves" => "wolf",
        "leaves" => "leaf",
        "halves" => "half",
        "shelves" => "shelf",
        "thieves" => "thief",
        "selves" => "self",
        "analyses" => "analysis",
        "crises" => "crisis",
        "theses" => "thesis",
        "hypotheses" => "hypothesis",
        "criteria" => "criterion",
        "phenomena" => "phenomenon",
        _ => return None,
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(c: u8) -> bool {
    c.is_ascii_lowercase() && !is_vowel(c)
}

/// `stem` minus its last byte if it ends in a doubled consonant (`stopp`).
fn undoubled(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    match b {
        [.., x, y] if x == y && is_consonant(*y) => stem.get(..stem.len() - 1),
        _ => None,
    }
}

/// One-syllable stem ending consonant-vowel-consonant (`hop`, `vot`, `bak`):
/// a following `-ed`/`-ing` without doubling means a silent `e` was dropped.
fn one_syllable_cvc(stem: &str) -> bool {
    let b = stem.as_bytes();
    if !b.iter().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let groups = b
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let v = is_vowel(c) || (c == b'y' && i > 0);
            let prev_v = i > 0 && b.get(i - 1).is_some_and(|&p| is_vowel(p) || p == b'y');
            v && !prev_v
        })
        .count();
    if groups != 1 {
        return false;
    }
    match b {
        [.., c1, v, c2] => {
            is_consonant(*c1)
                && is_vowel(*v)
                && is_consonant(*c2)
                && !matches!(c2, b'w' | b'x' | b'y')
        }
        [v, c2] => is_vowel(*v) && is_consonant(*c2) && !matches!(c2, b'w' | b'x' | b'y'),
        _ => false,
    }
}

/// Heuristic: does an unknown verb stem (after removing `-ed`/`-ing`) need
/// its silent `e` back?
fn needs_e(stem: &str) -> bool {
    let b = stem.as_bytes();
    if one_syllable_cvc(stem) {
        return true;
    }
    let n = b.len();
    let [.., prev2, prev, last] = *b else {
        return false;
    };
    match (prev, last) {
        (_, b'v') | (_, b'c') => true,
        (p, b'z') => p != b'z',
        (b'd' | b'r' | b'l', b'g') => true,
        (b'n', b'g') => matches!(prev2, b'a' | b'e') && n > 4,
        (b'u', b's') => true,
        (b'i', b's') => true,
        (b'a', b's') => prev2 != b'i',
        (b'r' | b'n' | b'p' | b'l', b's') => true,
        (b'b' | b'p' | b't' | b'd' | b'g' | b'k' | b'c' | b'f' | b'z', b'l') => true,
        (b'u', b'r') | (b'o', b's') => is_consonant(prev2),
        (b'i', b'r') => is_consonant(prev2) || prev2 == b'u',
        (b'a', b't') => !matches!(prev2, b'e' | b'o' | b'a'),
        (b'a', b'r' | b'g' | b'd' | b'p' | b'm') => is_consonant(prev2),
        (b'o', b'd' | b't' | b'k') => is_consonant(prev2),
        (b'i', b'd' | b'n' | b'b' | b'm') => is_consonant(prev2),
        (b'u', b'd' | b't' | b'm' | b'l') => is_consonant(prev2),
        _ => false,
    }
}

/// The lemma among a stripped verb's candidates (`stem`, `stem` + "e", `stem` undoubled) that
/// the lexicon `has` decides, if it decides one.
fn choose_stem(
    stem: &str,
    with_e: &str,
    undbl: Option<&str>,
    has: impl Fn(&str) -> bool,
) -> Option<String> {
    let in_s = has(stem);
    let in_e = has(with_e);
    if let Some(u) = undbl.filter(|u| !in_s && has(u)) {
        return Some(u.to_string());
    }
    match (in_s, in_e) {
        (true, true) if one_syllable_cvc(stem) => Some(with_e.to_string()),
        (true, _) => Some(stem.to_string()),
        (false, true) => Some(with_e.to_string()),
        (false, false) => None,
    }
}

impl LemmaTable {
    /// Build from stored parts (used by the model decoder).
    pub(crate) fn from_parts(
        exc: Vec<(String, Tag, String)>,
        lex: Vec<(String, u8)>,
    ) -> LemmaTable {
        let mut exceptions: HashMap<String, Vec<(Tag, String)>> = HashMap::with_capacity(exc.len());
        for (form, tag, lemma) in exc {
            exceptions.entry(form).or_default().push((tag, lemma));
        }
        LemmaTable {
            exceptions,
            lexicon: lex.into_iter().collect(),
        }
    }

    /// Exceptions as a sorted `(form, tag, lemma)` list.
    pub(crate) fn exception_list(&self) -> Vec<(&str, Tag, &str)> {
        let mut v: Vec<(&str, Tag, &str)> = self
            .exceptions
            .iter()
            .flat_map(|(f, ls)| ls.iter().map(move |(t, l)| (f.as_str(), *t, l.as_str())))
            .collect();
        v.sort();
        v
    }

    /// Lexicon as a sorted `(lemma, flags)` list.
    pub(crate) fn lexicon_list(&self) -> Vec<(&str, u8)> {
        let mut v: Vec<(&str, u8)> = self.lexicon.iter().map(|(k, &f)| (k.as_str(), f)).collect();
        v.sort();
        v
    }

    /// Number of `(form, tag)` exceptions.
    pub fn num_exceptions(&self) -> usize {
        self.exceptions.values().map(Vec::len).sum()
    }

    /// Number of lexicon lemmas.
    pub fn num_lexicon(&self) -> usize {
        self.lexicon.len()
    }

    /// Learn the lemma lexicon (all gold lemmas of verbs, nouns, adjectives
    /// and adverbs) and the exception table: every `(form, tag)` whose
    /// majority gold lemma differs from what the rules + lexicon produce.
    pub fn learn(sents: &[GoldSentence]) -> LemmaTable {
        let mut table = LemmaTable::default();
        let mut counts: HashMap<(String, Tag), HashMap<String, usize>> = HashMap::new();
        for sent in sents {
            for (form, tag, lemma) in sent {
                if lemma == "_" || lemma.is_empty() || lemma.len() > 64 || form.len() > 64 {
                    continue;
                }
                let l = normalize(lemma);
                let flag = if tag.is_verb() {
                    VERB
                } else if tag.is_common_noun() {
                    NOUN
                } else if tag.is_adjective() {
                    ADJ
                } else if tag.is_adverb() {
                    ADV
                } else {
                    0
                };
                if flag != 0
                    && l.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                {
                    *table.lexicon.entry(l.clone()).or_insert(0) |= flag;
                }
                *counts
                    .entry((normalize(form), *tag))
                    .or_default()
                    .entry(l)
                    .or_insert(0) += 1;
            }
        }
        let mut exceptions: HashMap<String, Vec<(Tag, String)>> = HashMap::new();
        for ((form, tag), lemmas) in counts {
            let Some((best, _)) = lemmas
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            else {
                continue;
            };
            if PREFER_RULE.contains(&form.as_str()) {
                continue;
            }
            if table.rules(&form, tag) != best {
                exceptions.entry(form).or_default().push((tag, best));
            }
        }
        for v in exceptions.values_mut() {
            v.sort();
        }
        table.exceptions = exceptions;
        table
    }

    /// Lower-case lemma of `word` tagged `tag`.
    pub fn lemma(&self, word: &str, tag: Tag) -> String {
        let w = normalize(word);
        if let Some(l) = self
            .exceptions
            .get(&w)
            .and_then(|v| v.iter().find(|(t, _)| *t == tag))
        {
            return l.1.clone();
        }
        self.rules(&w, tag)
    }

    fn has(&self, w: &str, flags: u8) -> bool {
        self.lexicon.get(w).is_some_and(|&f| f & flags != 0)
    }

    /// Rule-based lemma of an already normalised word.
    fn rules(&self, w: &str, tag: Tag) -> String {
        if !w.is_ascii() {
            return w.to_string();
        }
        match tag {
            Tag::NNS | Tag::NNPS => self.noun_plural(w),
            Tag::VBD | Tag::VBN => self.verb_suffix(w, "ed"),
            Tag::VBG => self.verb_suffix(w, "ing"),
            Tag::VBZ => self.verb_s(w),
            Tag::VB | Tag::VBP => special_verb(w).map_or_else(|| w.to_string(), str::to_string),
            Tag::JJR | Tag::RBR => self.comparative(w, "er"),
            Tag::JJS | Tag::RBS => self.comparative(w, "est"),
            _ => w.to_string(),
        }
    }

    /// Choose among candidates: the first one in the lexicon with `flags`,
    /// else `default`.
    fn pick(&self, flags: u8, cands: &[String], default: String) -> String {
        cands
            .iter()
            .find(|c| self.has(c, flags))
            .or_else(|| cands.iter().find(|c| flags & VERB != 0 && wordnet_verb(c)))
            .cloned()
            .unwrap_or(default)
    }

    fn noun_plural(&self, w: &str) -> String {
        if let Some(l) = irregular_noun(w) {
            return l.to_string();
        }
        for (pl, sg) in [("men", "man"), ("women", "woman")] {
            if let Some(head) = w.strip_suffix(pl) {
                if head.len() >= 3 && !head.ends_with('a') {
                    return format!("{head}{sg}");
                }
            }
        }
        let n = w.len();
        if n <= 2
            || !w.ends_with('s')
            || w.ends_with("ss")
            || w.ends_with("us")
            || w.ends_with("is")
        {
            return w.to_string();
        }
        let strip = |k: usize| w.get(..n - k).unwrap_or(w).to_string();
        if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
            let y = format!("{stem}y");
            let ie = format!("{stem}ie");
            return self.pick(NOUN, &[y.clone(), ie], y);
        }
        if let Some(stem) = w.strip_suffix("ves").filter(|s| s.len() >= 2) {
            let c = [strip(1), format!("{stem}f"), format!("{stem}fe")];
            return self.pick(NOUN, &c, strip(1));
        }
        let es_ending = ["sses", "ches", "shes", "xes", "zes", "oes"]
            .iter()
            .any(|e| w.ends_with(e));
        if es_ending {
            return self.pick(NOUN, &[strip(2), strip(1)], strip(2));
        }
        if w.ends_with("ses") {
            return self.pick(NOUN, &[strip(1), strip(2)], strip(1));
        }
        if w.ends_with("'s") {
            return w.to_string();
        }
        strip(1)
    }

    /// `-ed` / `-ing` removal with e-restoration and consonant undoubling.
    fn verb_suffix(&self, w: &str, suf: &str) -> String {
        if let Some(l) = special_verb(w) {
            return l.to_string();
        }
        if suf == "ed" {
            if let Some(l) = irregular_past().get(w) {
                return (*l).to_string();
            }
        }
        let Some(stem) = w.strip_suffix(suf) else {
            return w.to_string();
        };
        if stem.len() < 2 || !stem.bytes().any(|c| is_vowel(c) || c == b'y') {
            return w.to_string();
        }
        // carried -> carry, died -> die; dying -> die
        if suf == "ed" {
            if let Some(s) = stem.strip_suffix('i') {
                let y = format!("{s}y");
                let e = format!("{stem}e");
                let default = if stem.len() == 2 {
                    e.clone()
                } else {
                    y.clone()
                };
                return self.pick(VERB, &[y, e], default);
            }
        } else if stem.len() == 2 && stem.ends_with('y') {
            return format!("{}ie", stem.get(..1).unwrap_or(""));
        }
        let with_e = format!("{stem}e");
        let undbl = undoubled(stem);
        // The treebank's lemmas first, then WordNet's verbs for words it never showed.
        // WordNet lists spelling variants ("nett" beside "net"): a doubled stem both ways is
        // the short verb unless English keeps the double letter at the end ("fill", "kiss").
        let doubled_variant = |w: &str| {
            w == stem
                && undbl.is_some_and(wordnet_verb)
                && !matches!(stem.as_bytes().last(), Some(b'l' | b's' | b'f' | b'z'))
        };
        let known = choose_stem(stem, &with_e, undbl, |w| self.has(w, VERB)).or_else(|| {
            choose_stem(stem, &with_e, undbl, |w| {
                wordnet_verb(w) && !doubled_variant(w)
            })
        });
        if let Some(lemma) = known {
            return lemma;
        }
        if let Some(u) = undbl {
            let keep = matches!(stem.as_bytes().last(), Some(b'l' | b's' | b'z' | b'f'));
            if !keep && stem.len() >= 4 {
                return u.to_string();
            }
            return stem.to_string();
        }
        if stem.ends_with('e') || stem.ends_with('y') && suf == "ing" {
            return stem.to_string();
        }
        if needs_e(stem) {
            with_e
        } else {
            stem.to_string()
        }
    }

    fn verb_s(&self, w: &str) -> String {
        if let Some(l) = special_verb(w) {
            return l.to_string();
        }
        let n = w.len();
        if n <= 2 || !w.ends_with('s') || w.ends_with("ss") || w.ends_with("'s") {
            return w.to_string();
        }
        let strip = |k: usize| w.get(..n - k).unwrap_or(w).to_string();
        if let Some(stem) = w.strip_suffix("ies") {
            let y = format!("{stem}y");
            let ie = format!("{stem}ie");
            let default = if stem.len() <= 1 {
                ie.clone()
            } else {
                y.clone()
            };
            return self.pick(VERB, &[y, ie], default);
        }
        let es_ending = ["sses", "ches", "shes", "xes", "zzes", "oes"]
            .iter()
            .any(|e| w.ends_with(e));
        if es_ending {
            return self.pick(VERB, &[strip(2), strip(1)], strip(2));
        }
        self.pick(VERB, &[strip(1), strip(2)], strip(1))
    }

    fn comparative(&self, w: &str, suf: &str) -> String {
        let Some(stem) = w.strip_suffix(suf) else {
            return w.to_string();
        };
        if stem.len() < 2 {
            return w.to_string();
        }
        const AA: u8 = ADJ | ADV;
        if let Some(s) = stem.strip_suffix('i') {
            let y = format!("{s}y");
            return self.pick(AA, std::slice::from_ref(&y), y.clone());
        }
        let with_e = format!("{stem}e");
        let mut cands = vec![stem.to_string(), with_e.clone()];
        if let Some(u) = undoubled(stem) {
            cands.push(u.to_string());
        }
        if let Some(found) = cands.iter().find(|c| self.has(c, AA)) {
            return found.clone();
        }
        if let Some(u) = undoubled(stem) {
            if !stem.ends_with("ll") && !stem.ends_with("ss") {
                return u.to_string();
            }
        }
        if one_syllable_cvc(stem) {
            return with_e;
        }
        stem.to_string()
    }
}
