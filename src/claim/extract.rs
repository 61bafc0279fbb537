//! Sentence → claims (placeholder, being written).
use crate::article::Article;
use crate::claim::Claim;
use crate::pos::PosModel;
use crate::tagger::Mention;
use crate::text::Sentence;

/// Extraction settings.
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {}

pub fn extract(
    _article: &Article,
    _sentences: &[Sentence],
    _mentions: &[Mention],
    _pos: &PosModel,
    _options: &ExtractOptions,
) -> Vec<Claim> {
    Vec::new()
}
