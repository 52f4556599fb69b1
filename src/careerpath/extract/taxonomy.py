"""One skill taxonomy: ESCO as the backbone, O*NET technology skills/tools and keyword lists merged in.

`build_taxonomy(con)` reads the source tables (`esco_skills`, `onet_technology_skills`, `onet_tools`,
`skill_keywords`) and writes
  - `skills` (skill_id, name, type, category, esco_uri, onet_hot, onet_in_demand, aliases, definition, sources)
  - `skill_aliases` (skill_id, alias, kind, norm, rule, veto)
Ids are slugs of the canonical name (the ESCO preferred label when there is one), so they stay the same
across rebuilds of the same data. A source name is linked to an ESCO concept when one of its name
variants equals an ESCO label after normalisation ("Python" = "Python (computer programming)"), or
through the hand-curated table `careerpath/data/skill_overrides.csv`. The table's aliases own their names,
over ESCO labels and source names alike ("Spark" is Apache Spark, not ESCO's Java framework "SPARK"); it
also names the ESCO competences behind the phrases postings use most ("team player" -> work in teams,
"organisational skills" -> apply organisational techniques), chosen among the most frequent phrases in postings.

Alias rules tell the matcher how careful to be: `none` (any case), `case` (must be written with a
capital, so "spark joy" is not Apache Spark), `upper` (all in capitals: a trailing acronym such as FAST),
`context` (capital and a technical cue nearby: R, C, Go), `drop` (never matched). `veto` is a regex that cancels a match starting at that point ("R&D").
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.extract.skilltext import normalise_phrase, slug
from careerpath.store import has_table

TYPES = ("software", "tool", "knowledge", "skill", "soft_skill", "certification")
VENDORS = (
    "microsoft", "ms", "oracle", "ibm", "sap", "adobe", "apache", "amazon", "google", "atlassian", "autodesk",
    "the mathworks", "esri", "intuit", "salesforce", "cisco", "red hat", "vmware", "apple", "meta", "facebook",
)
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_SOFT = re.compile(
    r"^(communicat|work in (a )?team|teamwork|think (critically|creatively|analytically|proactively)|show |demonstrate |"
    r"cope with|adapt to|manage (time|stress|conflict)|solve problems|lead others|motivate |negotiat|listen actively|"
    r"be (flexible|reliable|punctual)|attention to detail|interact with |build (team|rapport|relationships)|empath)"
)
_CERT = re.compile(r"\b(certif(ied|icate|ication)|licen[cs]e[ds]?|chartered)\b", re.I)
# O*NET technology and tool examples are software and equipment whatever their names say ("License photo printers",
# "License management software"): the certification pattern is for keyword lists, whose names are free text
_NAMED_THINGS = frozenset({"onet-tech", "onet-tools"})
_KNOWLEDGE_DEF = re.compile(r"^(the|a|an|field|characteristics|methods|techniques|principles|types|rules|theory|study|concepts?)\b", re.I)
_SOFTWARE_DEF = re.compile(r"computer program|software development|is a (software|tool|framework|programming)|programming language|database|operating system", re.I)


@dataclass
class TaxonomyStats:
    n_skills: int = 0
    n_aliases: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    linked: dict[str, int] = field(default_factory=dict)
    missing_override_targets: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Skill:
    name: str
    type: str
    category: str | None = None
    esco_uri: str | None = None
    definition: str | None = None
    onet_hot: bool = False
    onet_in_demand: bool = False
    sources: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # alias text -> kind


#: The posting keyword list's skill groups, as the category (and course topic) names a reader sees: its own are column
#: names ("analyst_tools", "webframeworks", "async"). "other" names no group, so it gives no category.
KEYWORD_CATEGORIES = {
    "programming": "Programming languages", "libraries": "Software libraries", "webframeworks": "Web frameworks",
    "analyst_tools": "Analyst tools", "cloud": "Cloud", "databases": "Databases", "os": "Operating systems",
    "async": "Project collaboration software", "sync": "Messaging and meeting software", "other": None,
}


def keyword_category(group: object) -> str | None:
    """A keyword group's readable name; an unknown group keeps its own words ("big_data" -> "Big data")."""
    key = str(group or "").strip().lower()
    if key in KEYWORD_CATEGORIES:
        return KEYWORD_CATEGORIES[key]
    return re.sub(r"[_\s]+", " ", key).strip().capitalize() or None


def load_overrides() -> list[dict[str, str]]:
    """The hand-curated table shipped with the package (comment rows start with '#')."""
    text = resources.files("careerpath.data").joinpath("skill_overrides.csv").read_text(encoding="utf-8")
    rows = []
    for row in csv.DictReader(text.splitlines()):
        if row["kind"] and not row["kind"].startswith("#"):
            rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


def _variants(name: str, common: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """Name variants used for linking: as given, without parentheses, vendor and 'software' stripped.

    A stripped variant that is a single everyday word ("Oracle Clinical" -> "Clinical") is not kept.
    """
    out = [name]
    bare = _PAREN.sub(" ", name).strip()
    if bare and bare != name:
        out.append(bare)
    low = bare.lower()
    def everyday(s: str) -> bool:
        return " " not in s.strip() and s.strip().lower() in common

    for v in VENDORS:
        if low.startswith(v + " ") and len(bare) - len(v) > 2 and not everyday(bare[len(v) + 1 :]):
            out.append(bare[len(v) + 1 :].strip())
            break
    for cur in list(out):
        if cur.lower().endswith(" software") and len(cur) > 12 and not everyday(cur[: -len(" software")]):
            out.append(cur[: -len(" software")].strip())
    # "Structured query language SQL" -> "SQL": a trailing acronym restating the name
    # A two-letter acronym must be the name's initials in full: "Creative Solutions UltraTax CS" is no "CS" (computer
    # science), "Diffraction Limited MaxIm DL" no "DL" (deep learning)
    m = re.match(r"^(.*\S)\s+([A-Z][A-Z0-9+#.]{1,9})$", bare)
    initials = "".join(w[0] for w in m.group(1).split()).upper() if m else ""
    if m and len(m.group(1).split()) >= 2 and initials.startswith(m.group(2)[:2]) and (len(m.group(2)) > 2 or initials == m.group(2)):
        out += [m.group(1), m.group(2)]
    return list(dict.fromkeys(o for o in out if o))


def _other_number(label: str) -> list[str]:
    """A several-word label with its last word in the other grammatical number ("operating systems" ->
    "operating system", "conduct chiropractic examination" -> "... examinations"); [] for one word."""
    words = label.split()
    if len(words) < 2 or not words[-1].isalpha() or not words[-1].islower():
        return []
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        other = [last[:-3] + "y"]
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        other = [last[:-1]]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        other = [last[:-1] + "ies"]
    elif last.endswith("is"):
        other = [last[:-2] + "es"]
    elif last.endswith(("s", "x", "ch", "sh")):
        other = [last + "es"]
    else:
        other = [last + "s"]
    return [" ".join(words[:-1] + other)]


_GENERIC_WORDS = frozenset({"software", "system", "systems", "tool", "tools", "program", "programs", "application",
                            "applications", "management", "equipment", "data"})


def _stems(phrase: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9+#]+", phrase.lower()) if len(w) >= 3 and w not in _GENERIC_WORDS}


def _names_alike(name: str, label: str) -> bool:
    """Whether a source's name may join an ESCO concept reached through one of its alternate labels: they share a
    word (the first five letters: "visualization", "visualisation"), or one is the other's initials ("Structured
    query language" and SQL, "GNSS" and "global navigation satellite system ..."). ESCO's alternates include
    phrases of a narrower concept ("work scheduling" on *manage time in fishery operations*)."""
    if _stems(name) & _stems(label):
        return True
    def initials(p: str) -> str:
        return "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", _PAREN.sub(" ", p))).lower()
    def head(p: str) -> str:
        return re.sub(r"[^a-z0-9]", "", _PAREN.sub(" ", p).split()[0].lower()) if p.split() else ""
    return bool(head(label)) and initials(name).startswith(head(label)) or bool(head(name)) and \
        len(name.split()) == 1 and initials(label).startswith(head(name))


def _esco_type(label: str, definition: str) -> str:
    if _SOFT.match(label.lower()):
        return "soft_skill"
    if _SOFTWARE_DEF.search(definition[:200]) and (label[:1].isupper() or "computer programming" in label):
        return "software"
    if _KNOWLEDGE_DEF.match(definition):
        return "knowledge"
    return "skill"


def _common_words(esco: pd.DataFrame) -> set[str]:
    """Words of ordinary English in the taxonomy's own prose: a bare tech name equal to one is ambiguous."""
    df = Counter()
    for d in esco["definition"].fillna(""):
        df.update(set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", d)))  # written in lower case: not a name
    return {w for w, n in df.items() if n >= 3}


def _table(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame | None:
    return con.execute(f'SELECT * FROM "{name}"').df() if has_table(con, name) else None


def build_taxonomy(con: duckdb.DuckDBPyConnection) -> TaxonomyStats:
    """Build `skills` and `skill_aliases` from the source tables in `con`."""
    start = time.perf_counter()
    stats = TaxonomyStats()
    overrides = load_overrides()
    skills: dict[str, _Skill] = {}  # key: canonical name (ESCO label, else source name)
    by_norm: dict[str, str] = {}  # normalised label variant -> key (first wins: preferred labels first)

    esco = _table(con, "esco_skills")
    if esco is None:
        esco = pd.DataFrame(columns=["uri", "preferred_label", "alt_labels", "definition"])
    esco = esco.sort_values("preferred_label", kind="stable")  # labels arrive repaired (sources/esco_labels.py)
    common = _common_words(esco) if len(esco) else set()
    alt_lists = []
    from_alt: set[str] = set()  # normalised names that only an ESCO alternate label claims
    for row in esco.itertuples(index=False):
        label = str(row.preferred_label).strip()
        if not label or label in skills:
            alt_lists.append([])
            continue
        definition = str(row.definition or "")
        sk = _Skill(name=label, type=_esco_type(label, definition), esco_uri=row.uri, definition=definition or None, sources={"esco"})
        sk.aliases[label] = "preferred"
        for v in _variants(label)[1:2]:
            sk.aliases.setdefault(v, "variant")
        skills[label] = sk
        alts = list(row.alt_labels) if isinstance(row.alt_labels, (list, np.ndarray)) else []
        alt_lists.append((label, alts))
    for key, sk in skills.items():  # preferred labels and their variants claim their names first
        for a in sk.aliases:
            by_norm.setdefault(normalise_phrase(a), key)
    for key in skills:  # then their other number, before any alternate: ESCO gives SAS the alternate "operating
        # system", which linked O*NET's "Operating system software" (listed for 98 occupations) to SAS, not to
        # "operating systems"
        for v in _other_number(key):
            by_norm.setdefault(normalise_phrase(v), key)
    for item in alt_lists:
        if not item:
            continue
        label, alts = item
        for a in alts:
            a = str(a).strip()
            if 2 <= len(a) <= 80 and len(a.split()) <= 8:
                skills[label].aliases.setdefault(a, "alt")
                if by_norm.setdefault(normalise_phrase(a), label) == label:
                    from_alt.add(normalise_phrase(a))
            else:  # a run-on string of alternatives, dropped: its acronym of the label in capitals is kept (`run_on_acronyms`)
                for acr in run_on_acronyms(label, a):
                    skills[label].aliases.setdefault(acr, "acronym")

    links = {normalise_phrase(r["name"]): r["value"] for r in overrides if r["kind"] == "link"}

    def attach(name: str, *, source: str, type_: str, category: str | None, hot: bool = False, demand: bool = False) -> None:
        nn = normalise_phrase(name)
        key = None
        if nn in links:
            key = links[nn] if links[nn] in skills else None  # empty target: never link
        else:
            for v in _variants(name, common):
                key = by_norm.get(normalise_phrase(v))
                if key and normalise_phrase(v) in from_alt and not (_names_alike(v, key) or _names_alike(name, key)):
                    key = None  # "Work scheduling software" (25 occupations) is no "manage time in fishery operations"
                if key:
                    break
        if key is not None:
            stats.linked[source] = stats.linked.get(source, 0) + 1
        else:
            key = name
            if _CERT.search(name) and source not in _NAMED_THINGS:
                type_ = "certification"
            skills[key] = _Skill(name=name, type=type_, category=category)
            for v in _variants(name, common):
                by_norm.setdefault(normalise_phrase(v), key)
        sk = skills[key]
        sk.sources.add(source)
        sk.onet_hot |= hot
        sk.onet_in_demand |= demand
        if sk.esco_uri and sk.type in ("knowledge", "skill") and type_ in ("software", "tool") and source != "keywords":
            sk.type = type_
        if category and not sk.category:
            sk.category = category
        for v in _variants(name, common):
            sk.aliases.setdefault(v, source)

    tech = _table(con, "onet_technology_skills")
    if tech is not None and len(tech):
        g = tech.groupby("example").agg(commodity_title=("commodity_title", "first"), hot=("hot_technology", "max"), demand=("in_demand", "max"))
        for name, r in g.sort_index().iterrows():
            attach(str(name), source="onet-tech", type_="software", category=r.commodity_title, hot=bool(r.hot), demand=bool(r.demand))
    tools = _table(con, "onet_tools")
    if tools is not None and len(tools):
        g = tools.groupby("example")["commodity_title"].first()
        for name, cat in g.sort_index().items():
            attach(str(name), source="onet-tools", type_="tool", category=cat)
            sk = skills.get(by_norm.get(normalise_phrase(str(name)), ""), None)
            if sk and str(name).lower().endswith("s") and not str(name).lower().endswith("ss"):
                sk.aliases.setdefault(str(name)[:-1], "singular")
    kw = _table(con, "skill_keywords")
    if kw is not None and len(kw):
        for r in kw.drop_duplicates("name").sort_values("name").itertuples(index=False):
            attach(str(r.name), source="keywords", type_="software", category=keyword_category(r.type))

    missing: list[str] = []
    for r in overrides:
        kind, name, value, extra = r["kind"], r["name"], r["value"], r.get("extra", "")
        if kind == "link" and value and value not in skills:
            missing.append(value)
        elif kind == "alias":
            key = name if name in skills else by_norm.get(normalise_phrase(name))
            if key is None:
                missing.append(name)
                continue
            for a in value.split("|"):  # the table's word wins, even over a source that gave the name already
                skills[key].aliases[a.strip()] = "override"
        elif kind == "type":
            key = name if name in skills else by_norm.get(normalise_phrase(name))
            if key is None:
                missing.append(name)
                continue
            skills[key].type = value
            skills[key].category = extra or skills[key].category
        elif kind == "cert":
            sk = skills.setdefault(name, _Skill(name=name, type="certification", category=extra or None))
            sk.type, sk.category = "certification", extra or sk.category
            sk.sources.add("overrides")
            sk.aliases.setdefault(name, "preferred")
            for a in value.split("|"):
                sk.aliases.setdefault(a.strip(), "override")
    stats.missing_override_targets = sorted(set(missing))
    _case_display_names(skills, _word_casing(tech, overrides), lambda names: _posting_casing(con, names))
    rules = {normalise_phrase(r["name"]): (r["value"], r.get("extra") or None) for r in overrides if r["kind"] == "rule"}

    # ids: slug of the name; a clash gets a short hash of the name, so ids do not depend on order
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(skills, key=lambda k: (skills[k].esco_uri is None, k)):
        sid = slug(key)
        if sid in taken:
            sid = f"{sid}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"
        taken.add(sid)
        ids[key] = sid

    skill_rows, alias_rows = [], []
    owner: dict[str, str] = {}  # normalised alias -> skill_id of its owner: override, else preferred/variant
    for kinds in (("override",), ("preferred", "variant")):
        for key, sk in skills.items():
            for a, kind in sk.aliases.items():
                if kind in kinds:
                    owner.setdefault(normalise_phrase(a), ids[key])
    overridden = {normalise_phrase(a) for sk in skills.values() for a, k in sk.aliases.items() if k == "override"}
    # an alternative label shared by several concepts ("engineering", "design") names none of them
    claims: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)  # the same, names other than a tool's singular
    for key, sk in skills.items():
        for a, kind in sk.aliases.items():
            claims[normalise_phrase(a)].add(key)
            if kind != "singular":
                named[normalise_phrase(a)].add(key)
    for key, sk in skills.items():
        sid = ids[key]
        seen: set[str] = set()
        for a, kind in sk.aliases.items():
            n = normalise_phrase(a)
            if len(n) < 1 or n in seen or (owner.get(n, sid) != sid and (kind not in ("preferred", "variant") or n in overridden)):
                continue
            seen.add(n)
            if kind in ("alt", "acronym") and (len(claims[n]) > 1 or (" " not in n and n in common)) and n not in owner:
                continue
            if kind == "singular" and named[n] - {key}:
                # a tool's singular that names another skill is that skill: "Pig" is Apache Pig, not O*NET's pipe
                # cleaning "Pigs"; "Flask" the Python library, not laboratory flasks; "Blender", "Encoder" software
                continue
            rule, veto = rules.get(n, (None, None))
            if rule is None:
                rule = _auto_rule(a, kind, sk.type, common, sk.name)
                if rule == "none" and kind in ("variant", "onet-tech", "onet-tools") and \
                        _vendor_stripped_words(a, sk.name, common) and \
                        not any(k2 == "keywords" and normalise_phrase(a2) == n for a2, k2 in sk.aliases.items()):
                    rule = "case"
            alias_rows.append({"skill_id": sid, "alias": a, "kind": kind, "norm": n, "rule": rule, "veto": veto})
        skill_rows.append({
            "skill_id": sid, "name": sk.name, "type": sk.type if sk.type in TYPES else "skill", "category": sk.category,
            "esco_uri": sk.esco_uri, "onet_hot": sk.onet_hot, "onet_in_demand": sk.onet_in_demand,
            "aliases": [a for a in sk.aliases if a != sk.name][:50], "definition": sk.definition,
            "sources": sorted(sk.sources),
        })
    skills_df = pd.DataFrame(skill_rows).sort_values("skill_id", ignore_index=True)
    aliases_df = pd.DataFrame(alias_rows, columns=["skill_id", "alias", "kind", "norm", "rule", "veto"])
    store.write_table(con, "skills", skills_df)
    store.write_table(con, "skill_aliases", aliases_df)
    con.execute("DROP TABLE IF EXISTS skill_embeddings")  # stale once the taxonomy changes
    con.execute("DROP TABLE IF EXISTS skill_popularity")  # ids may have changed: `extract` recounts
    stats.n_skills, stats.n_aliases = len(skills_df), len(aliases_df)
    stats.by_type = skills_df["type"].value_counts().to_dict()
    stats.by_source = Counter(s for ss in skills_df["sources"] for s in ss)
    stats.by_source = dict(stats.by_source)
    stats.seconds = time.perf_counter() - start
    store.set_meta(con, "taxonomy", {k: v for k, v in stats.__dict__.items()})
    return stats


def _word_casing(tech: pd.DataFrame | None, overrides: list[dict[str, str]]) -> dict[str, str]:
    """Lower-case word -> how the sources that name software write it most often (O*NET technology names,
    the override table's names and aliases). A keyword list writes every name in lower case ("aws", "gcp");
    those sources write products as their makers do ("AWS", "GCP"). (ESCO labels and O*NET tool names are
    left out: they are phrases in lower case, "access data", "1 ml pipettes".)"""
    forms: dict[str, Counter] = defaultdict(Counter)
    texts: list[str] = []
    if tech is not None and len(tech):
        texts += tech["example"].dropna().astype(str).unique().tolist()
    for r in overrides:
        if r["kind"] in ("alias", "link", "cert"):
            texts.append(r["name"])
            texts += r["value"].split("|") if r["kind"] != "link" else [r["value"]]
    for t in texts:
        for w in re.findall(r"[\w.+#@-]+", t):
            forms[w.lower()][w] += 1
    # the most frequent form; at a tie, the one with more capitals ("OpenCV" over "openCV")
    return {low: max(c, key=lambda f: (c[f], sum(ch.isupper() for ch in f), f)) for low, c in forms.items()}


POSTING_SAMPLE = 8_000  # posting descriptions read for the usual casing of keyword names


def _posting_casing(con: duckdb.DuckDBPyConnection, names: list[str]) -> dict[str, str]:
    """Lower-case name -> how posting descriptions write it most often, when that is not all lower case and
    seen at least 3 times (a deterministic sample of `POSTING_SAMPLE` descriptions; {} without postings)."""
    if not names or not has_table(con, "postings"):
        return {}
    docs = [r[0] for r in con.execute(
        "SELECT description FROM postings WHERE description IS NOT NULL ORDER BY hash(posting_id) LIMIT ?",
        [POSTING_SAMPLE]).fetchall()]
    pat = re.compile(r"(?<![\w.#+-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                     + r")(?![\w#+]|\.\w)", re.I)
    forms: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for m in pat.finditer(d):
            forms[m.group().lower()][m.group()] += 1
    out = {}
    for low, c in forms.items():
        form, n = max(c.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= 3 and not form.islower():
            out[low] = form
    return out


def _case_display_names(skills: dict[str, _Skill], casing: dict[str, str],
                        posting_casing: Callable[[list[str]], dict[str, str]] | None = None) -> None:
    """A name that only the lower-case keyword list gave ("aws", "gcp", "ms access") is shown as it is
    written elsewhere: a cased alias that is the same name (override table), else the form posting
    descriptions use most ("Databricks", "FastAPI"; never all capitals by accident: most frequent wins),
    else each word in the casing O*NET and the override table give it. The key (and so the id) stays;
    names from ESCO and O*NET keep their casing."""
    todo = []
    for sk in skills.values():
        if sk.sources != {"keywords"} or not sk.name.islower():  # other sources' names keep their casing
            continue
        n = normalise_phrase(sk.name)
        same = [a for a, kind in sk.aliases.items() if kind == "override" and not a.islower() and normalise_phrase(a) == n]
        if same:
            sk.name = same[0]
        else:
            todo.append(sk)
    seen = posting_casing([sk.name for sk in todo]) if posting_casing and todo else {}
    for sk in todo:
        if sk.name in seen:
            sk.name = seen[sk.name]
        else:
            sk.name = re.sub(r"[\w.+#@-]+", lambda m: casing.get(m.group(), m.group()), sk.name)


def _vendor_stripped_words(alias: str, name: str, common: set[str]) -> bool:
    """Whether `alias` is the product `name` with its vendor stripped ("SAP Data Services" -> "Data Services",
    "IBM Digital Analytics" -> "Digital Analytics", "Amazon Data Pipeline" -> "Data Pipeline") and its words are all
    everyday words (`common`): written in lower case it is an ordinary phrase ("data services", "digital analytics",
    "a data pipeline"), so it names the product only with its capitals (rule "case"). One-word names have their own
    rules (`_variants`, `_auto_rule`); a generic concept a vendor's product was linked to ("business intelligence",
    "operating system") is not the product's name without its vendor."""
    words = alias.split()
    if len(words) < 2 or not all(w.lower() in common for w in words):
        return False
    low, full = alias.lower(), _PAREN.sub(" ", name).strip().lower()
    return any(full.startswith(f"{v} {low}") for v in VENDORS)


# session 25 (s32): ESCO gives some concepts their alternative labels as one run-on string ("geospatial technologies GPS geographic
# information systems RS rs remote sensing gps GIS global positioning systems gis", "... Customer relationship management CRM ...",
# "... HPLC ..."); the taxonomy drops an alternative of more than 8 words, and with it the acronym postings write ("GIS", "HPLC",
# "CRM": gold in all 4 dev-dev25 sentences naming one, found in none). `run_on_acronyms` keeps, from such a string, a word in
# capitals of 3 to 6 letters that is the initials of the preferred label's content words (hyphenated words count each part:
# "high-performance liquid chromatography" -> HPLC), matched in capitals only (rule "upper"). On the session-25 store 16 labels gain
# one (CBT, GIS, CRM, GLP, UAS, PPC, ANN, CFD, ERM, PCB, SNE, TCM, HRM, SFM, THT, VFR; not HPLC, which an O*NET tool's alias also
# claims, so it names neither, as an alternative label shared by two concepts does). Left out: the
# acronyms the postings use for something else far more often (read in the store's postings: "CSR" a customer service
# representative, "PLC" a public limited company, "CPT" procedural codes or a penetration tester, "SMT" a senior management team).
_ACRONYM_STOP = frozenset({"and", "of", "for", "the", "in", "on", "to", "a", "an", "with", "or"})
ACRONYM_OTHER_SENSE = frozenset({"CSR", "PLC", "CPT", "SMT"})


def run_on_acronyms(label: str, alt: str) -> list[str]:
    """The acronyms of `label` (its content words' initials, in capitals, 3-6 letters) that the run-on alternative string `alt`
    writes as a word, less those of `ACRONYM_OTHER_SENSE`."""
    words = [w for w in re.split(r"[\s/-]+", label) if w and w.lower() not in _ACRONYM_STOP]
    initials = "".join(w[0] for w in words).upper()
    if not 3 <= len(initials) <= 6 or not initials.isalpha() or initials in ACRONYM_OTHER_SENSE:
        return []
    return [initials] if re.search(rf"(?<![\w-]){initials}(?![\w-])", alt) else []


def _initials(phrase: str) -> str:
    return "".join(x[0] for x in phrase.split()).upper()


def _auto_rule(alias: str, kind: str, type_: str, common: set[str], name: str = "") -> str:
    """Bare short names from tech lists are ambiguous unless written as names ("Spark", not "spark")."""
    words = alias.split()
    if len(words) != 1:
        return "none"
    w = words[0]
    if kind == "acronym":  # `run_on_acronyms`: the label's initials, a name only in capitals ("GIS", not "gis")
        return "upper"
    if kind in ("preferred", "alt") and type_ not in ("software", "tool"):
        return "none" if len(w) > 2 else "case"
    if kind == "onet-tools":
        return "drop"  # single-word tools ("Telephones", "Scissors") are everyday words in postings
    if len(w) <= 2:
        return "context"
    if w.isupper() and name.endswith(" " + w) and _initials(name[: -len(w)]).startswith(w[:2]):
        # a trailing acronym of a longer name ("Final approach spacing tool FAST", "Simultaneous location and mapping
        # SLAM", "Transient reactor analysis code TRAC") is that product only in capitals: "Fast-paced", "Trac" (the
        # NHS recruitment system) are not
        return "upper"
    if kind == "onet-tech" and name.lower() == w.lower() + " software":
        # the bare word of an O*NET class named "<word> software" ("Chat", "Posting", "Compass", "Encompass") is a
        # product only written as a name: "a quick chat", "job posting", "encompass all aspects" are not
        return "case"
    if w.isupper() and len(w) <= 5:
        return "case"
    if w.lower().strip("!.") in common:
        # a tool's singular that is an everyday word ("Rule" of O*NET's "Rules") is as ambiguous as the plural
        return "drop" if kind in ("onet-tech", "keywords", "preferred", "singular") else "case"
    return "none"
