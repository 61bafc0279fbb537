#!/usr/bin/env python3
"""Strict checker for the gazetteer RON files (the subset of RON we write).

    python3 scripts/gazetteer/check_ron.py            # check gazetteer/**.ron, print counts
    python3 scripts/gazetteer/check_ron.py FILE...    # check some files (e.g. an analyst's dir)

Checks: RON syntax (structs, lists, maps, strings with Rust escapes, integers,
bare identifiers, // and /* */ comments), the schema of gazetteer/README.md
(known fields only, required id/type/name, id syntax, type enum, country
codes, population integer), ids unique within a file, the same id keeps its
type across files (load order: generated, cues, news), exact_case forms
present among the entry's names, parent ids that resolve.  Exits 1 on error.
No dependencies beyond the standard library.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "gazetteer"


class RonError(Exception):
    pass


class Ident(str):
    """A bare RON identifier (e.g. the value of `type`)."""


class Parser:
    def __init__(self, text: str, path: str):
        self.s = text
        self.i = 0
        self.path = path

    def err(self, msg):
        line = self.s.count("\n", 0, self.i) + 1
        col = self.i - (self.s.rfind("\n", 0, self.i) + 1) + 1
        raise RonError(f"{self.path}:{line}:{col}: {msg}")

    def ws(self):
        s = self.s
        while self.i < len(s):
            c = s[self.i]
            if c in " \t\r\n":
                self.i += 1
            elif s.startswith("//", self.i):
                j = s.find("\n", self.i)
                self.i = len(s) if j < 0 else j + 1
            elif s.startswith("/*", self.i):
                j = s.find("*/", self.i + 2)
                if j < 0:
                    self.err("unterminated block comment")
                self.i = j + 2
            else:
                break

    def peek(self):
        self.ws()
        return self.s[self.i] if self.i < len(self.s) else ""

    def expect(self, ch):
        if self.peek() != ch:
            self.err(f"expected {ch!r}, found {self.peek()!r}")
        self.i += 1

    def value(self):
        c = self.peek()
        if c == '"':
            return self.string()
        if c == "(":
            return self.struct()
        if c == "[":
            return self.seq()
        if c == "{":
            return self.map()
        if c.isdigit() or c == "-":
            m = re.compile(r"-?\d+").match(self.s, self.i)
            self.i = m.end()
            if self.s[self.i:self.i + 1] in (".", "e", "E"):
                self.err("floats are not part of the gazetteer schema")
            return int(m.group(0))
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.s, self.i)
        if m:
            self.i = m.end()
            if m.group(0) in ("Some", "None"):
                self.err("write optional values bare (IMPLICIT_SOME), or omit the field")
            return Ident(m.group(0))
        self.err(f"unexpected {c!r}")

    def string(self):
        self.expect('"')
        out = []
        s = self.s
        while True:
            if self.i >= len(s):
                self.err("unterminated string")
            c = s[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                e = s[self.i + 1:self.i + 2]
                simple = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "0": "\0", "'": "'"}
                if e in simple:
                    out.append(simple[e])
                    self.i += 2
                elif e == "u":
                    m = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}").match(s, self.i)
                    if not m:
                        self.err("bad \\u escape")
                    out.append(chr(int(m.group(1), 16)))
                    self.i = m.end()
                else:
                    self.err(f"bad escape \\{e}")
            elif c == "\n":
                self.err("newline inside string")
            else:
                out.append(c)
                self.i += 1

    def struct(self):
        self.expect("(")
        fields = {}
        while self.peek() != ")":
            m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.s, self.i)
            if not m:
                self.err("expected field name")
            self.i = m.end()
            name = m.group(0)
            self.expect(":")
            if name in fields:
                self.err(f"duplicate field {name}")
            fields[name] = self.value()
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != ")":
                self.err("expected ',' or ')'")
        self.i += 1
        return fields

    def seq(self):
        self.expect("[")
        out = []
        while self.peek() != "]":
            out.append(self.value())
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != "]":
                self.err("expected ',' or ']'")
        self.i += 1
        return out

    def map(self):
        self.expect("{")
        out = {}
        while self.peek() != "}":
            k = self.value()
            if not isinstance(k, str) or isinstance(k, Ident):
                self.err("map keys must be quoted strings")
            self.expect(":")
            out[k] = self.value()
            if self.peek() == ",":
                self.i += 1
            elif self.peek() != "}":
                self.err("expected ',' or '}'")
        self.i += 1
        return out

    def document(self):
        v = self.value()
        if self.peek() != "":
            self.err("trailing text after the top-level value")
        return v


FIELDS = {"id", "type", "name", "aliases", "demonyms", "xref", "country", "parent",
          "population", "exact_case"}
TYPES = {"person", "place", "organisation"}
ID_RE = re.compile(r"[a-z0-9:._-]+")


def check_file(path: Path, errors: list, ids_seen: dict, stats: dict):
    text = path.read_text(encoding="utf-8")
    try:
        doc = Parser(text, str(path)).document()
    except RonError as e:
        errors.append(str(e))
        return []
    rel = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
    if not isinstance(doc, dict):
        errors.append(f"{rel}: top level must be a struct ( ... )")
        return []
    extra = set(doc) - {"source", "license", "entries", "names"}
    if extra:
        errors.append(f"{rel}: unknown top-level fields {sorted(extra)}")
    for k in ("source", "license"):
        if k in doc and not isinstance(doc[k], str):
            errors.append(f"{rel}: {k} must be a string")
    if "names" in doc:
        names = doc["names"]
        if not all(isinstance(n, str) and not isinstance(n, Ident) for n in names):
            errors.append(f"{rel}: names must be strings")
        stats[rel] = {"given_names": len(names)}
        if "entries" not in doc:
            return []
    entries = doc.get("entries", [])
    local = set()
    st = Counter()
    for n, e in enumerate(entries):
        where = f"{rel}: entry {n}"
        if not isinstance(e, dict):
            errors.append(f"{where}: not a struct")
            continue
        unknown = set(e) - FIELDS
        if unknown:
            errors.append(f"{where}: unknown fields {sorted(unknown)}")
        for req in ("id", "type", "name"):
            if req not in e:
                errors.append(f"{where}: missing {req}")
        eid = e.get("id", "")
        where = f"{rel}: {eid}"
        if not isinstance(eid, str) or not ID_RE.fullmatch(eid) or ":" not in eid:
            errors.append(f"{where}: bad id")
        if eid in local:
            errors.append(f"{where}: duplicate id in one file")
        local.add(eid)
        t = e.get("type")
        if not isinstance(t, Ident) or t not in TYPES:
            errors.append(f"{where}: type must be one of {sorted(TYPES)} (bare identifier)")
        if eid in ids_seen and ids_seen[eid][0] != t:
            errors.append(f"{where}: type {t} differs from {ids_seen[eid][0]} in {ids_seen[eid][1]}")
        ids_seen[eid] = (t, rel)
        name = e.get("name")
        if not isinstance(name, str) or isinstance(name, Ident) or not name.strip():
            errors.append(f"{where}: name must be a non-empty string")
            continue
        forms = [name]
        for k in ("aliases", "demonyms", "exact_case"):
            v = e.get(k, [])
            if not isinstance(v, list) or not all(isinstance(x, str) and not isinstance(x, Ident) for x in v):
                errors.append(f"{where}: {k} must be a list of strings")
                continue
            if k in e and not v:
                errors.append(f"{where}: empty {k} (omit it)")
            for x in v:
                if x != x.strip() or not x:
                    errors.append(f"{where}: {k} item {x!r} has stray spaces")
            if k != "exact_case":
                forms += v
        for x in e.get("exact_case", []):
            if x not in forms:
                errors.append(f"{where}: exact_case {x!r} is not among its name/aliases/demonyms")
        if "xref" in e and not (isinstance(e["xref"], dict) and all(isinstance(v, str) for v in e["xref"].values())):
            errors.append(f"{where}: xref must map strings to strings")
        c = e.get("country")
        if c is not None and not (isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c)):
            errors.append(f"{where}: country must be an ISO 3166-1 alpha-2 code")
        p = e.get("population")
        if p is not None and not (isinstance(p, int) and p >= 0):
            errors.append(f"{where}: population must be a non-negative integer")
        if p is not None and t != "place":
            errors.append(f"{where}: population on a non-place")
        st[str(t)] += 1
        st["names"] += len(set(forms))
        st[f"names_{t}"] += len(set(forms))
    stats[rel] = dict(st, entries=len(entries))
    return entries


def main(argv):
    if argv:
        files = [Path(a).resolve() for a in argv]
    else:
        files = []
        for layer in ("generated", "cues", "news"):
            files += sorted((GAZ / layer).rglob("*.ron"))
    errors: list = []
    ids_seen: dict = {}
    stats: dict = {}
    all_entries = []
    for f in files:
        all_entries += check_file(f, errors, ids_seen, stats)
    if not argv:
        for e in all_entries:
            p = e.get("parent") if isinstance(e, dict) else None
            if p and p not in ids_seen:
                errors.append(f"{e.get('id')}: parent {p} is not defined")
    total = Counter()
    for rel, st in stats.items():
        print(f"{rel}: " + ", ".join(f"{k}={v}" for k, v in sorted(st.items())))
        total.update(st)
    print("TOTAL: " + ", ".join(f"{k}={v}" for k, v in sorted(total.items())))
    print(f"distinct ids after overrides: {len(ids_seen)}")
    if errors:
        for e in errors[:50]:
            print("ERROR", e, file=sys.stderr)
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
