//! The code map in ARCHITECTURE.md is checked, not just read: every library module file must
//! belong to a row of the map, and no file may name (`crate::module`) a module its row says it
//! must not depend on. Unit-test code (`tests.rs`, `testutil.rs` and a trailing
//! `#[cfg(test)] mod tests`) is not held to the map.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules of the library (the `mod` lines of `src/lib.rs`, public or not).
fn modules(root: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("src/lib.rs");
    lib.lines()
        .map(str::trim)
        .filter_map(|l| {
            l.strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("pub(crate) mod "))
                .or_else(|| l.strip_prefix("mod "))
        })
        .filter(|m| m.ends_with(';'))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

/// One row of the map: the module or file it is about, and what it must not depend on.
#[derive(Debug)]
struct Row {
    subject: String,
    forbidden: BTreeSet<String>,
}

/// The rows of the "Code map" table, except the binaries' (`main.rs`, the benchmark).
fn code_map(root: &Path, modules: &BTreeSet<String>) -> Vec<Row> {
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let table = doc
        .split("## Code map")
        .nth(1)
        .expect("ARCHITECTURE.md has a code map");
    let mut rows = Vec::new();
    for line in table.lines().skip_while(|l| !l.starts_with('|')) {
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(first), Some(last)) = (cells.get(1), cells.get(cells.len().saturating_sub(2)))
        else {
            continue;
        };
        let Some(subject) = first.split('`').nth(1) else {
            continue; // the header and the separator
        };
        if subject == "main.rs" || subject.starts_with("bin/") || subject.starts_with("benches/") {
            continue;
        }
        rows.push(Row {
            subject: subject.to_string(),
            forbidden: forbidden(last, subject, modules),
        });
    }
    rows
}

/// The modules a "must not depend on" cell names: a comma-separated list (text in brackets is
/// a comment), "everything else" (optionally "but" a list), or "—" for none. An unknown name
/// fails the test.
fn forbidden(cell: &str, subject: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut text = String::new();
    let mut depth = 0;
    for c in cell.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '`' => {}
            c if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let text = text.trim();
    let own = subject.split('/').next().unwrap_or(subject);
    if text.starts_with('—') {
        return BTreeSet::new();
    }
    if let Some(rest) = text.strip_prefix("everything else") {
        // "everything else but varint, fold"
        let allowed: BTreeSet<String> = rest
            .trim()
            .strip_prefix("but ")
            .unwrap_or("")
            .split(',')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .inspect(|m| assert!(modules.contains(m), "code map: {subject:?} names {m:?}"))
            .collect();
        return modules
            .iter()
            .filter(|m| *m != own && !allowed.contains(*m))
            .cloned()
            .collect();
    }
    text.split(',')
        .map(|m| m.trim().to_string())
        .inspect(|m| assert!(modules.contains(m), "code map: {subject:?} names {m:?}"))
        .collect()
}

/// The library's module files, relative to `src/` (`tagger/cues.rs`), without unit-test files.
fn source_files(src: &Path) -> Vec<String> {
    let mut res = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path: PathBuf = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path.strip_prefix(src).expect("under src/");
            let rel = rel.to_string_lossy().replace('\\', "/");
            let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
            let skip = matches!(rel.as_str(), "lib.rs" | "main.rs")
                || matches!(name.as_str(), "tests.rs" | "testutil.rs")
                || !rel.ends_with(".rs");
            if !skip {
                res.push(rel);
            }
        }
    }
    res.sort();
    res
}

/// The row a file belongs to: its own (`claim/open.rs`), else its top-level module's.
fn row_of<'r>(rows: &'r [Row], file: &str) -> Option<&'r Row> {
    let top = file
        .split('/')
        .next()
        .unwrap_or(file)
        .trim_end_matches(".rs");
    rows.iter()
        .find(|r| r.subject == file)
        .or_else(|| rows.iter().find(|r| r.subject == top))
}

/// Top-level modules `code` names through `crate::` paths (`crate::graph::X`,
/// `crate::{graph, store::Y}`), outside a trailing `#[cfg(test)] mod tests`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]\nmod tests").next().unwrap_or(code);
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut res = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group: the first name after `{` and after each comma
            // at depth 0.
            let mut depth = 0;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        res.insert(ident(&group[i..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            res.insert(ident(rest));
        }
    }
    res
}

#[test]
fn modules_depend_only_on_what_the_code_map_allows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let modules = modules(root);
    let rows = code_map(root, &modules);
    assert!(rows.len() >= modules.len(), "{rows:?}");
    let mut broken: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in source_files(&root.join("src")) {
        let Some(row) = row_of(&rows, &file) else {
            panic!("src/{file} belongs to no row of the code map in ARCHITECTURE.md");
        };
        let code = std::fs::read_to_string(root.join("src").join(&file)).expect("readable");
        for used in crate_paths(&code) {
            if row.forbidden.contains(&used) {
                broken.entry(file.clone()).or_default().push(used);
            }
        }
    }
    assert!(
        broken.is_empty(),
        "modules that use what ARCHITECTURE.md's code map forbids: {broken:?}"
    );
}

#[test]
fn crate_paths_are_read_in_both_forms() {
    let code = "use crate::graph::{A, B};\nuse crate::{query::{self, X}, store};\n\
                fn f() { crate::export::run(); }\n#[cfg(test)]\nmod tests { use crate::eval; }";
    let got: Vec<String> = crate_paths(code).into_iter().collect();
    assert_eq!(got, ["export", "graph", "query", "store"]);
}
