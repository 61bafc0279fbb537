//! Reading dependency trees from CoNLL-U (the Universal Dependencies file format).

use super::ParseError;
use crate::pos::Tag;

/// One word of a gold tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeWord {
    /// The FORM column.
    pub form: String,
    /// The UPOS column.
    pub upos: String,
    /// The XPOS column as a Penn tag.
    pub tag: Tag,
    /// The HEAD column (`0` = root).
    pub head: u32,
    /// The DEPREL column, subtype included.
    pub deprel: String,
}

/// The words of one sentence, in order (word `i + 1` is entry `i`).
pub type TreeSentence = Vec<TreeWord>;

/// Read every sentence's basic tree. Comments, multi-word token ranges (`3-4`) and empty
/// nodes (`5.1`) are skipped; a blank line ends a sentence. A line without ten columns, a bad
/// id or head, or an unknown XPOS gives [`ParseError::Conllu`] with its line.
pub fn read_treebank(text: &str) -> Result<Vec<TreeSentence>, ParseError> {
    let mut sents = Vec::new();
    let mut cur: TreeSentence = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some(w) = word_line(line, n + 1)? {
            cur.push(w);
        }
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    Ok(sents)
}

fn word_line(line: &str, line_no: usize) -> Result<Option<TreeWord>, ParseError> {
    let err = |message: String| ParseError::Conllu {
        line: line_no,
        message,
    };
    let cols: Vec<&str> = line.split('\t').collect();
    let [id, form, _lemma, upos, xpos, _feats, head, deprel, _deps, _misc] = cols.as_slice() else {
        return Err(err(format!(
            "expected 10 tab-separated columns, found {}",
            cols.len()
        )));
    };
    if id.contains('-') || id.contains('.') {
        return Ok(None);
    }
    if id.parse::<u32>().is_err() {
        return Err(err(format!("bad word id {id:?}")));
    }
    let tag = Tag::parse(xpos).ok_or_else(|| err(format!("unknown XPOS tag {xpos:?}")))?;
    let head = head
        .parse::<u32>()
        .map_err(|_| err(format!("bad head {head:?}")))?;
    Ok(Some(TreeWord {
        form: form.to_string(),
        upos: upos.to_string(),
        tag,
        head,
        deprel: deprel.to_string(),
    }))
}
