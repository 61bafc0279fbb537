//! claimgraph reads news articles, tags the people, places and organisations in them, extracts
//! the claims they make and keeps everything in a knowledge graph.
//!
//! Data flows one way, and the modules below are listed in that order:
//!
//! ```text
//! article -> text (sentences, tokens) -> tagger (mentions) -> claim -> graph -> query / export
//! ```
//!
//! `gazetteer` feeds the tagger, `pos` feeds the claim extractor, `pipeline` runs the stages
//! for one article and `store` keeps a graph on disk. Only `main.rs` prints or chooses exit codes.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// `unsafe` is allowed in one place only: the memory map in `store::read_shared`.
#![deny(unsafe_code)]

pub mod alias;
pub mod article;
pub mod claim;
pub mod eval;
pub mod export;
pub mod fold;
pub mod gazetteer;
pub mod graph;
pub mod hash;
mod learn;
pub mod lexicon;
pub mod parse;
pub mod pipeline;
pub mod pos;
pub mod quantity;
pub mod query;
pub mod sources;
pub mod store;
pub mod tagger;
pub mod text;
pub mod varint;

pub use article::{Article, ArticleError};
pub use claim::Claim;
pub use gazetteer::{Entity, EntityKind, Gazetteer, GazetteerError};
pub use graph::KnowledgeGraph;
pub use tagger::{Mention, Tagger};
