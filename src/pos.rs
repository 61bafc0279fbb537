//! Part-of-speech tagging (placeholder until the EWT-trained model lands: a tiny lexicon and
//! suffix rules). The public API matches the trained tagger's.

/// Penn Treebank tag.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Tag {
    NN,
    NNS,
    NNP,
    VB,
    VBD,
    VBN,
    VBZ,
    VBG,
    VBP,
    MD,
    IN,
    DT,
    CD,
    JJ,
    RB,
    PRP,
    PRPS,
    POS,
    CC,
    TO,
    Punct,
}

impl Tag {
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::NN => "NN",
            Tag::NNS => "NNS",
            Tag::NNP => "NNP",
            Tag::VB => "VB",
            Tag::VBD => "VBD",
            Tag::VBN => "VBN",
            Tag::VBZ => "VBZ",
            Tag::VBG => "VBG",
            Tag::VBP => "VBP",
            Tag::MD => "MD",
            Tag::IN => "IN",
            Tag::DT => "DT",
            Tag::CD => "CD",
            Tag::JJ => "JJ",
            Tag::RB => "RB",
            Tag::PRP => "PRP",
            Tag::PRPS => "PRP$",
            Tag::POS => "POS",
            Tag::CC => "CC",
            Tag::TO => "TO",
            Tag::Punct => ".",
        }
    }
}

pub struct PosModel;

static MODEL: PosModel = PosModel;

impl PosModel {
    pub fn builtin() -> &'static PosModel {
        &MODEL
    }

    pub fn tag(&self, words: &[&str]) -> Vec<Tag> {
        words
            .iter()
            .map(|w| {
                let l = w.to_lowercase();
                match l.as_str() {
                    "the" | "a" | "an" | "this" | "that" => Tag::DT,
                    "said" | "was" | "were" | "had" | "made" => Tag::VBD,
                    "says" | "is" | "has" => Tag::VBZ,
                    "would" | "will" | "could" | "should" | "may" | "might" | "must" | "can" => Tag::MD,
                    "to" => Tag::TO,
                    "and" | "or" | "but" => Tag::CC,
                    "he" | "she" | "it" | "they" | "we" | "i" => Tag::PRP,
                    "its" | "his" | "her" | "their" | "our" => Tag::PRPS,
                    "'s" | "\u{2019}s" => Tag::POS,
                    "of" | "in" | "on" | "at" | "with" | "by" | "for" | "from" => Tag::IN,
                    _ if w.chars().next().is_some_and(|c| c.is_ascii_digit()) => Tag::CD,
                    _ if !w.chars().any(char::is_alphanumeric) => Tag::Punct,
                    _ if w.chars().next().is_some_and(char::is_uppercase) => Tag::NNP,
                    _ if l.ends_with("ed") => Tag::VBN,
                    _ if l.ends_with("ing") => Tag::VBG,
                    _ if l.ends_with("ly") => Tag::RB,
                    _ if l.ends_with('s') => Tag::NNS,
                    _ => Tag::NN,
                }
            })
            .collect()
    }
}

pub fn lemma(word: &str, _tag: Tag) -> String {
    word.to_lowercase()
}
