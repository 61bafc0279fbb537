//! Articles and where they come from: plain-text files, directories of them, and JSON Lines.
//!
//! Policy for awkward input, in one place:
//! - **Invalid UTF-8** is decoded lossily (each bad sequence becomes U+FFFD) and reported as an
//!   [`ArticleWarning`] naming the file, line and byte offset; the article is still processed.
//!   Offsets in every later stage are byte offsets into the decoded text.
//! - **Empty or whitespace-only** texts are skipped with a warning: there is nothing to tag.
//! - **NUL bytes, CRLF line ends, RTL marks, zero-width joiners, combining accents** are kept as
//!   they are; the text layer treats them as ordinary characters or whitespace.
//! - **Huge files** are read whole (a plain-text article) or line by line (JSON Lines), so a JSON
//!   Lines stream is processed in memory bounded by its longest line.
//!
//! A `.txt` article's first non-empty line is its title; its id is a hash of its content, so the
//! same text always gets the same id wherever the file lives.

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::hash::{fnv1a64, hex_id};

/// One news article. `text` is what every offset refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the one given in the input, else `a` followed by a content hash.
    pub id: String,
    pub title: Option<String>,
    /// Publication date as given (`YYYY-MM-DD` when the source follows that convention).
    pub date: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    /// Where the article was read from: a path, `path:line` for JSON Lines, or `-` for stdin.
    pub origin: String,
    pub text: String,
}

impl Article {
    /// An article from a bare text, as a `.txt` file is read: the first non-empty line is the
    /// title and the id is a hash of the text.
    pub fn from_text(origin: impl Into<String>, text: String) -> Article {
        let title = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .map(str::to_string);
        Article {
            id: content_id(&text),
            title,
            date: None,
            url: None,
            source: None,
            origin: origin.into(),
            text,
        }
    }

    /// The content hash this article would get without a given id.
    pub fn content_hash(&self) -> String {
        content_id(&self.text)
    }
}

/// Id for an article without one: `a` + 16 hex digits of the content hash.
pub fn content_id(text: &str) -> String {
    format!("a{}", hex_id(fnv1a64(text.as_bytes())))
}

/// Errors that stop one input (a file, or one line of a JSON Lines file); the rest goes on.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: no such file or directory")]
    NotFound { path: PathBuf },
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}:{line}: not a JSON article: {message}")]
    Json {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}:{line}: article has no \"text\" field; every JSON Lines article needs one")]
    MissingText { path: String, line: usize },
}

/// Something odd about an input that did not stop it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleWarning {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ArticleWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Line 0 is about the whole file (a link loop, say), not one of its lines.
        if self.line == 0 {
            return write!(f, "{}: {}", self.origin, self.message);
        }
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}

/// One item read from the inputs.
#[derive(Debug)]
pub enum Input {
    Article(Article),
    Warning(ArticleWarning),
    Error(ArticleError),
}

#[derive(Deserialize)]
struct RawJsonArticle {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
    text: Option<String>,
}

/// Decodes bytes as UTF-8, replacing bad sequences; reports the first bad byte's line (counted
/// in `bytes`), its byte in that line and its byte in the file, where `bytes` start at byte
/// `base` of the file.
pub fn decode_lossy(origin: &str, bytes: Vec<u8>, base: u64) -> (String, Option<ArticleWarning>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(err) => {
            let bytes = err.into_bytes();
            let bad = std::str::from_utf8(&bytes)
                .err()
                .map(|e| e.valid_up_to())
                .unwrap_or(0);
            let before = &bytes[..bad.min(bytes.len())];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |at| at + 1);
            let warning = ArticleWarning {
                origin: origin.to_string(),
                line,
                message: format!(
                    "invalid UTF-8 at byte {} of the line (byte {} of the file); bad bytes \
                     replaced with U+FFFD",
                    bad - line_start,
                    base + bad as u64
                ),
            };
            (String::from_utf8_lossy(&bytes).into_owned(), Some(warning))
        }
    }
}

/// Is this path read as JSON Lines (rather than one plain-text article)?
pub fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
}

/// Expands the command-line paths into the files to read, in order: directories are walked
/// recursively in sorted order (a directory's files before its subdirectories) and contribute
/// their `.txt`, `.jsonl` and `.ndjson` files; a file named directly is read whatever its
/// extension. `-` stands for stdin.
///
/// Symbolic links are followed, to files and to directories. A directory's walk reads each
/// file once, however many links lead to it (the first in walk order wins), and a link that
/// leads back to a directory being walked is reported as a warning instead of being walked
/// again. As in ripgrep, paths named on the command line are each read as given, so a file
/// named twice is read twice.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Found> {
    let mut res = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            res.push(Found::File(path.clone()));
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut res),
            Ok(_) => res.push(Found::File(path.clone())),
            Err(source) => res.push(Found::Error(io_error(path.clone(), source))),
        }
    }
    res
}

/// What [`expand_paths`] finds: a file to read, or a problem to report.
#[derive(Debug)]
pub enum Found {
    File(PathBuf),
    Warning(ArticleWarning),
    Error(ArticleError),
}

/// The files already listed, by identity (device and inode on Unix, the canonical path
/// elsewhere), so that links and overlapping paths give each file once.
#[derive(Default)]
struct SeenFiles {
    seen: std::collections::HashSet<FileKey>,
}

#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

impl SeenFiles {
    fn first_time(&mut self, path: &Path, meta: &fs::Metadata) -> bool {
        #[cfg(unix)]
        let key = {
            let _ = path;
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let key = {
            let _ = meta;
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        };
        self.seen.insert(key)
    }
}

fn is_article_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "jsonl" | "ndjson")
    )
}

fn walk_dir(dir: &Path, res: &mut Vec<Found>) {
    let mut seen = SeenFiles::default();
    // walkdir keeps its own stack (no recursion on input depth) and, following links, checks
    // each directory against its ancestors, so a link loop ends the walk of that branch.
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by(|a, b| {
            let key = |e: &walkdir::DirEntry| (e.file_type().is_dir(), e.file_name().to_owned());
            key(a).cmp(&key(b))
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                res.push(walk_problem(dir, err));
                continue;
            }
        };
        if entry.file_type().is_dir() || !is_article_file(entry.path()) {
            continue;
        }
        match entry.metadata() {
            Ok(meta) => {
                if seen.first_time(entry.path(), &meta) {
                    res.push(Found::File(entry.into_path()));
                }
            }
            Err(err) => res.push(walk_problem(dir, err)),
        }
    }
}

/// A walk error: a link loop is a warning (every file is still read once), anything else an
/// error for that path.
fn walk_problem(dir: &Path, err: walkdir::Error) -> Found {
    let path = err.path().unwrap_or(dir).to_path_buf();
    if let Some(ancestor) = err.loop_ancestor() {
        return Found::Warning(ArticleWarning {
            origin: path.display().to_string(),
            line: 0,
            message: format!(
                "symbolic link loop (back to {}); not walked again",
                ancestor.display()
            ),
        });
    }
    match err.into_io_error() {
        Some(source) => Found::Error(io_error(path, source)),
        None => Found::Error(ArticleError::NotFound { path }),
    }
}

/// Reads articles from paths one at a time, so that a JSON Lines stream of any length is
/// processed in bounded memory.
pub struct ArticleReader {
    files: std::vec::IntoIter<Found>,
    current: Option<JsonLines>,
    pending: Vec<Input>,
}

struct JsonLines {
    origin: String,
    reader: Box<dyn BufRead>,
    line: usize,
    /// Bytes read so far: the file offset of the next line.
    offset: u64,
}

impl ArticleReader {
    pub fn new(paths: &[PathBuf]) -> ArticleReader {
        ArticleReader {
            files: expand_paths(paths).into_iter(),
            current: None,
            pending: Vec::new(),
        }
    }

    fn open(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            self.current = Some(JsonLines {
                origin: "-".to_string(),
                reader: Box::new(BufReader::new(io::stdin())),
                line: 0,
                offset: 0,
            });
            return;
        }
        let origin = path.display().to_string();
        if is_jsonl(&path) {
            match fs::File::open(&path) {
                Ok(file) => {
                    self.current = Some(JsonLines {
                        origin,
                        reader: Box::new(BufReader::new(file)),
                        line: 0,
                        offset: 0,
                    })
                }
                Err(source) => self.pending.push(Input::Error(io_error(path, source))),
            }
            return;
        }
        let mut bytes = Vec::new();
        let read = fs::File::open(&path).and_then(|mut f| f.read_to_end(&mut bytes));
        if let Err(source) = read {
            self.pending.push(Input::Error(io_error(path, source)));
            return;
        }
        let bom = strip_bom(&mut bytes);
        let (text, warning) = decode_lossy(&origin, bytes, bom);
        if text.trim().is_empty() {
            self.pending.push(Input::Warning(ArticleWarning {
                origin,
                line: 1,
                message: "empty article (no text); skipped".to_string(),
            }));
            return;
        }
        // Pending is popped from the back: push the article first so the warning comes first.
        self.pending
            .push(Input::Article(Article::from_text(origin, text)));
        if let Some(warning) = warning {
            self.pending.push(Input::Warning(warning));
        }
    }
}

/// The UTF-8 encoding of U+FEFF, which some editors put at the start of a file.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Removes a byte-order mark from the start of a file's first bytes; returns how many bytes
/// went (the file offset of what is left). A BOM says nothing about an article, and left in
/// place it makes the first JSON Lines record unreadable.
fn strip_bom(bytes: &mut Vec<u8>) -> u64 {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        return BOM.len() as u64;
    }
    0
}

fn io_error(path: PathBuf, source: io::Error) -> ArticleError {
    if source.kind() == io::ErrorKind::NotFound {
        ArticleError::NotFound { path }
    } else {
        ArticleError::Io { path, source }
    }
}

impl JsonLines {
    /// The next item of this stream, or `None` at its end.
    fn next_item(&mut self, out: &mut Vec<Input>) -> bool {
        loop {
            let mut buf = Vec::new();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => return false,
                Ok(_) => {}
                Err(source) => {
                    out.push(Input::Error(ArticleError::Io {
                        path: PathBuf::from(&self.origin),
                        source,
                    }));
                    return false;
                }
            }
            self.line += 1;
            let origin = format!("{}:{}", self.origin, self.line);
            self.offset += buf.len() as u64;
            let mut line_offset = self.offset - buf.len() as u64;
            if line_offset == 0 {
                line_offset = strip_bom(&mut buf);
            }
            let (line, warning) = decode_lossy(&self.origin, buf, line_offset);
            if line.trim().is_empty() {
                continue;
            }
            let article = parse_json_article(&self.origin, self.line, &line);
            match article {
                Ok(Some(mut article)) => {
                    article.origin = origin;
                    out.push(Input::Article(article));
                }
                Ok(None) => out.push(Input::Warning(ArticleWarning {
                    origin: self.origin.clone(),
                    line: self.line,
                    message: "empty article (no text); skipped".to_string(),
                })),
                Err(err) => out.push(Input::Error(err)),
            }
            if let Some(mut warning) = warning {
                warning.line = self.line;
                out.push(Input::Warning(warning));
            }
            return true;
        }
    }
}

/// Parses one JSON Lines record. `Ok(None)` for an article whose text is empty.
pub fn parse_json_article(
    origin: &str,
    line: usize,
    json: &str,
) -> Result<Option<Article>, ArticleError> {
    let raw: RawJsonArticle = serde_json::from_str(json).map_err(|e| ArticleError::Json {
        path: origin.to_string(),
        line,
        message: e.to_string(),
    })?;
    let Some(text) = raw.text else {
        return Err(ArticleError::MissingText {
            path: origin.to_string(),
            line,
        });
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    let id = match raw.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => content_id(&text),
    };
    Ok(Some(Article {
        id,
        title: raw.title,
        date: raw.date,
        url: raw.url,
        source: raw.source,
        origin: format!("{origin}:{line}"),
        text,
    }))
}

impl Iterator for ArticleReader {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(item) = self.pending.pop() {
                return Some(item);
            }
            if let Some(current) = self.current.as_mut() {
                let mut out = Vec::new();
                let more = current.next_item(&mut out);
                if !more {
                    self.current = None;
                }
                // Keep the stream order: reverse so that pop() yields them first to last.
                out.reverse();
                self.pending = out;
                continue;
            }
            match self.files.next()? {
                Found::File(path) => self.open(path),
                Found::Warning(w) => return Some(Input::Warning(w)),
                Found::Error(err) => return Some(Input::Error(err)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_non_empty_line() {
        let article = Article::from_text("x.txt", "\n\n  Headline here \nBody.".to_string());
        assert_eq!(article.title.as_deref(), Some("Headline here"));
        assert!(article.id.starts_with('a'));
        assert_eq!(article.id.len(), 17);
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let (text, warning) = decode_lossy("f.txt", b"ok\nbad \xff here".to_vec(), 100);
        assert_eq!(text, "ok\nbad \u{fffd} here");
        let warning = warning.unwrap();
        assert_eq!(warning.line, 2);
        assert_eq!(
            warning.message,
            "invalid UTF-8 at byte 4 of the line (byte 107 of the file); bad bytes replaced \
             with U+FFFD"
        );
    }

    #[test]
    fn json_article_needs_text() {
        let err = parse_json_article("in.jsonl", 3, r#"{"id":"x"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "in.jsonl:3: article has no \"text\" field; every JSON Lines article needs one"
        );
        let ok = parse_json_article("in.jsonl", 1, r#"{"text":"Hello."}"#)
            .unwrap()
            .unwrap();
        assert_eq!(ok.id, content_id("Hello."));
        let given = parse_json_article("in.jsonl", 1, r#"{"id":"n1","text":"Hi."}"#)
            .unwrap()
            .unwrap();
        assert_eq!(given.id, "n1");
    }

    fn read_all(paths: &[PathBuf]) -> (Vec<Article>, Vec<String>) {
        let (mut articles, mut other) = (Vec::new(), Vec::new());
        for input in ArticleReader::new(paths) {
            match input {
                Input::Article(a) => articles.push(a),
                Input::Warning(w) => other.push(format!("warning: {w}")),
                Input::Error(e) => other.push(format!("error: {e}")),
            }
        }
        (articles, other)
    }

    #[test]
    fn byte_order_mark_is_stripped() {
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("a.jsonl");
        let lines = "{\"id\":\"first\",\"text\":\"One.\"}\n{\"id\":\"second\",\"text\":\"Two.\"}\n";
        fs::write(&jsonl, [BOM, lines.as_bytes()].concat()).unwrap();
        let txt = dir.path().join("b.txt");
        fs::write(&txt, [BOM, "Title line\nBody.".as_bytes()].concat()).unwrap();
        let (articles, other) = read_all(&[jsonl, txt]);
        assert_eq!(other, Vec::<String>::new());
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids[..2], ["first", "second"]);
        assert_eq!(articles[2].text, "Title line\nBody.");
        assert_eq!(articles[2].title.as_deref(), Some("Title line"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_once_and_loops_end() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("one.txt"), "First article.").unwrap();
        fs::write(root.join("sub/two.txt"), "Second article.").unwrap();
        // A loop back to the root, a second way into sub, and a second name for one.txt.
        symlink(&root, root.join("sub/back")).unwrap();
        symlink(root.join("sub"), root.join("again")).unwrap();
        symlink(root.join("one.txt"), root.join("sub/same.txt")).unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("three.txt"), "Third article.").unwrap();
        symlink(&outside, root.join("linked")).unwrap();
        let (articles, other) = read_all(std::slice::from_ref(&root));
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        // Files before directories, by name: one.txt, then again/ (sub through a link) gives
        // two.txt, linked/ gives three.txt; sub/ itself and the second names add nothing.
        assert_eq!(
            texts,
            ["First article.", "Second article.", "Third article."]
        );
        // The link back to the root, reached through again/ and through sub/.
        assert_eq!(other.len(), 2, "{other:?}");
        assert!(
            other.iter().all(|w| w.contains("symbolic link loop")),
            "{other:?}"
        );
    }

    #[test]
    fn bad_json_names_line() {
        let err = parse_json_article("in.jsonl", 7, "{not json").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("in.jsonl:7: not a JSON article"));
    }
}
