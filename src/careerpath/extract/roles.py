"""The role catalog: every O*NET occupation, plus emerging roles that postings name often enough.

An emerging role is a normalised posting-title family ("machine learning engineer") with at least
`MIN_POSTINGS` distinct postings whose form is not an O*NET occupation title. It is linked to its
nearest occupations as a weighted mixture (the resolver's top codes, weights summing to 1) and the
resolver's top score is stored as the role's confidence. Every posting then gets one role: its
family's emerging role if it has one, else the occupation role of its best code. The source's own
title category (Luke Barousse's `job_title_short`, the NHS staff group) is only a hint, used when the title
itself resolves weakly or is the category's bare head noun ("Analyst" under "Data Analyst"), and is not an
emerging role's.

Run as a derived step: `careerpath.store.derive(db, build_roles)` (`careerpath roles build`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Sequence

import duckdb
import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from careerpath import progress, store
from careerpath.errors import InputError
from careerpath.embed import Embedder, HashingEmbedder, default_embedder
from careerpath.extract import title_heads, titles as T
from careerpath.extract.normalize import ABBREVIATIONS, NOISE_WORDS, normalize, slugify

MIN_POSTINGS = 30
MIN_FIELD_MERGE = 10              # postings for a smaller family to join the family whose job it is (`_assign`)
MIN_EMPLOYERS = 5                 # distinct companies naming the family (when postings carry companies)
MIX_MAX, MIX_MIN_SHARE = 3, 0.35  # at most three codes, each scoring >= 35% of the best
HINT_BELOW = 0.3                  # a title resolving below this defers to the source's category ...
HINT_MIN = 0.5                    # ... if the category names a role: an O*NET or emerging role's title, or resolving
                                  # this well ("Data Engineer"; not a sector: the NHS's "Healthcare" resolves at 0.34)

SOC_MAJOR = {
    "11": "Management", "13": "Business and Financial Operations", "15": "Computer and Mathematical",
    "17": "Architecture and Engineering", "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service", "23": "Legal", "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media", "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support", "33": "Protective Service", "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance", "39": "Personal Care and Service",
    "41": "Sales and Related", "43": "Office and Administrative Support", "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction", "49": "Installation, Maintenance, and Repair", "51": "Production",
    "53": "Transportation and Material Moving", "55": "Military Specific",
}
_SHORT = {v: k for k, v in ABBREVIATIONS.items() if " " in v and len(k) <= 4}  # "machine learning" -> "ml"
_TAGGED = re.compile(r"[|,/\u2013\u2014]|\s-|-\s")  # a separator before a tag, a team or a second role
_WORD = re.compile(r"[a-z]+")
_UPPER = {"ai", "ml", "bi", "qa", "ux", "ui", "it", "hr", "etl", "sql", "sap", "erp", "crm", "gis", "nlp", "llm", "mlops"}


class RoleLookup:
    """Which role a resolved title lands on: an emerging role by its aliases, else its best code's role."""

    def __init__(self, by_key: dict[str, tuple[str, str]], by_soc: dict[str, tuple[str, str]]) -> None:
        self.by_key, self.by_soc = by_key, by_soc
        own = {slug: normalize(title).text for slug, title in set(by_key.values())}
        self._family = {k: own[slug] for k, (slug, _) in by_key.items() if own[slug] and own[slug] != k}

    def family_key(self, key: str) -> str:
        """The key whose occupations a title of an emerging role's family takes: the role's own. A folded or
        merged alias ("Machine Learning", "Data Engineer Python") is resolved as its role, not on its own words
        (which sent "machine learning" to inspectors at 0.05)."""
        return self._family.get(key, key)

    def role_for(self, key: str, soc: str | None) -> tuple[str | None, str | None]:
        if key in self.by_key:
            return self.by_key[key]
        if soc in self.by_soc:
            return self.by_soc[soc]
        return None, None

    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection) -> "RoleLookup":
        occ = con.execute("SELECT soc_code, title FROM onet_occupations").fetchall()
        by_soc = {soc: (slugify(t), t) for soc, t in occ}
        emerging: list[tuple[str, str, list[str]]] = []
        if store.has_table(con, "roles"):
            emerging = [(slug, title, list(aliases or [])) for slug, title, aliases in con.execute(
                "SELECT slug, title, aliases FROM roles WHERE kind = 'emerging' ORDER BY slug").fetchall()]
        return cls(emerging_keys(emerging, {normalize(t).text for _, t in occ}), by_soc)


def emerging_keys(emerging: list[tuple[str, str, list[str]]], occupation_keys: set[str]) -> dict[str, tuple[str, str]]:
    """Normalised title -> (slug, title) of the emerging roles (slug, title, aliases).

    Every role's own title first, then its aliases where no role or occupation owns the text: an alias is a raw
    title of the family, and one with two roles in it ("Data Analyst - Business Intelligence Specialist") normalises
    to the other role's title. Taken first come, first served, "data analyst" and "data engineer" went to the
    business-intelligence-specialist family, with their 47,031 postings, and the Data Engineer and Data Analyst
    guides said they had no postings."""
    by_key: dict[str, tuple[str, str]] = {}
    for slug, title, _ in emerging:
        by_key.setdefault(normalize(title).text, (slug, title))
    for slug, title, aliases in emerging:
        own = normalize(title).text
        for a in aliases:
            key = alias_key(a, own)
            if key and key not in occupation_keys:
                by_key.setdefault(key, (slug, title))
    by_key.pop("", None)
    return by_key


def alias_key(alias: str, own: str) -> str | None:
    """The normalised key an alias of a role (whose own key is `own`) may claim, or None.

    A title of two parts joined to the family by its other part names the family only through that part: "Analyst,
    Data Analytics Specialist" normalises to "analyst", and as a key it had sent 231 postings titled "Analyst" (and
    every user who typed "analyst") to Data Analytics Specialist, "Engineer" to Python Developer, "Product Owner" to
    Business Analytics Analyst and "Learning Disability Nurse" to Mental Health Nurse."""
    n = normalize(alias)
    if n.text != own and n.alternatives:
        return None
    return n.text or None


def open_resolver(con: duckdb.DuckDBPyConnection, embedder_factory: Callable[[], Embedder] | None = default_embedder,
                  ) -> T.Resolver:
    """The store's resolver: cached index, cached posting-title results and the role catalog."""
    if not store.has_table(con, "onet_occupations"):
        raise InputError("the store has no O*NET tables; run `careerpath ingest` first")
    index = T.load_index(con)
    if index is None:  # no `roles build` yet: aliases only, no model
        progress.log("no cached title index in the store; run `careerpath roles build` for embeddings")
        index, embedder_factory = T.build_index(con, None), None
    if embedder_factory is not None and index.embedder_name == HashingEmbedder.name:
        embedder_factory = HashingEmbedder  # queries must be embedded like the index was (tests)
    return T.Resolver(index, embedder_factory, RoleLookup.from_store(con), T.load_cache(con))


def display_title(key: str, raw_titles: Counter, fold: dict[str, str] | None = None) -> str:
    """The most common posted form without seniority or level words, tags or a second part, else the key in title
    case: the normaliser drops "- Fully Remote" and "| Chatbot" from the key, so a raw form that carries them still
    matched it, and "Insights Analyst - Fully Remote" became a role's title; a word the normaliser drops as noise
    without a separator ("Remote Frontend Developer", "AWS Data Engineer") is no part of the role's name either."""
    for raw, _ in raw_titles.most_common(20):
        n = normalize(raw)
        if ((fold or {}).get(n.text, n.text) == key and not n.seniority and not n.level and "(" not in raw
                and len(raw) <= 60 and not _TAGGED.search(raw) and not NOISE_WORDS & set(_WORD.findall(raw.lower()))):
            return _title_case(raw.strip())
    return " ".join(w.upper() if w in _UPPER else w.capitalize() for w in key.split())


_SMALL = {"a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with"}


def _title_case(raw: str) -> str:
    """A posted form as a catalog title: "Manager data science" is how one employer typed it, not a role's name.
    Only all-lowercase words change (acronyms get capitals); "iOS", "McKinsey" and "SQL" keep theirs."""
    words = raw.split()  # and one space between words: "Data Scientist  Machine Learning Engineer" was a title
    return " ".join(w if not w.isalpha() or not w.islower() or (i and w in _SMALL)
                    else w.upper() if w in _UPPER else w.capitalize() for i, w in enumerate(words))


def aliases_for(key: str, title: str, raw_titles: Counter) -> list[str]:
    out = [title, key]
    for long, short in _SHORT.items():
        if long in key:
            out.append(key.replace(long, short))
    if key in _SHORT:
        out.append(_SHORT[key])
    out += [r.strip() for r, _ in raw_titles.most_common(12)]
    return list(dict.fromkeys(a for a in out if a))


def family_keys(keys: set[str], head_words: set[str], is_role: Callable[[str], bool]) -> dict[str, str]:
    """Posting-title keys that name another key's job, mapped to it: a bare field is its practitioner ("data
    engineering" -> "data engineer", when `is_role` says that is a role) and "director of X" is "director X".

    Families are counted by key, so "Data Science" (361 postings) and "Director of Data Science" beside
    "Director Data Science" had become roles of their own, and "Data Science" a related career of Data
    Scientists. Only the field word becomes its role word, the words before it stay: "director data science"
    becomes "director data scientist" (a posted title of the same job), never "data scientist"."""
    out: dict[str, str] = {}
    cache: dict[str, str | None] = {}
    for k in keys:
        words = k.split()
        if len(words) >= 3 and words[0] in title_heads.MANAGER_HEADS and words[1] == "of":
            out[k] = " ".join([words[0], *words[2:]])
        elif len(words) >= 2 and words[-1] not in head_words:
            role = title_heads.as_role(words, head_words, is_role, cache)
            if role is not None and role.split()[:-1] == words[:-1]:
                out[k] = role
    for k in out:  # "director of data science" -> "director data science" -> "director data scientist"
        seen = {k}
        while out[k] in out and out[k] not in seen:
            seen.add(out[k])
            out[k] = out[out[k]]
    return out


_RESTS_THAT_NAME_A_FIELD = {"of", "in"}  # "associate director of data science", "clinical fellow in radiology"


def family_merges(candidates: list[str], size: dict[str, int], head_words: set[str],
                  is_role: Callable[[str], bool]) -> dict[str, str]:
    """Would-be emerging families that are another family's job, mapped to it.

    Two kinds had become careers of their own: a role with a tool or a place after it ("data engineer python",
    "data scientist machine learning", "data analyst sme": a data engineer who uses Python), and a bare field
    that no role word ends ("machine learning", 30 postings, whose nearest occupation was an inspector at 0.05).
    The first joins the role its words start with (two words or more, a role); the second joins the biggest
    family that is the field plus one role word ("machine learning engineer"), when that family is bigger.
    Only families big enough to become roles are merged, so a one-off title keeps its own resolution."""
    out: dict[str, str] = {}
    for k in candidates:
        words = k.split()
        if len(words) < 2 or words[-1] in head_words:  # one word ("sales") says too little of whose job it is
            continue
        heads = [i for i in range(1, len(words) - 1) if words[i] in head_words]
        if heads:
            i = heads[-1]
            if words[i + 1] not in _RESTS_THAT_NAME_A_FIELD and is_role(role := " ".join(words[:i + 1])):
                out[k] = role
            continue
        bigger = [(n, f) for f, n in size.items()
                  if f.startswith(k + " ") and f.count(" ") == k.count(" ") + 1 and f.split()[-1] in head_words
                  and n >= size.get(k, 0)]
        if bigger:
            out[k] = max(bigger)[1]
    return out


#: words dropped and fields read as their practitioner when comparing families' words ("Director of Data Science"
#: and "Data Science Director"; "Data Engineering Manager" and "Manager Data Engineer")
_BAG_SKIP = {"of", "and", "&"}
_PRACTITIONER = {"engineering": "engineer", "science": "scientist", "analytics": "analyst"}


def word_order_merges(candidates: list[str], size: dict[str, int], keep: set[str]) -> dict[str, str]:
    """Families whose words are another's in another order, mapped to the biggest of them: the catalog held
    "Director of Data Science" (127 postings) beside "Data Science Director" (124), and "Data Engineering Manager",
    "Data Engineer Manager" and "Manager Data Engineer" as three careers. A group holding a key of `keep`
    (O*NET's titles) is left alone: an occupation is never folded into a posting family."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for k in candidates:
        words = [_PRACTITIONER.get(w, w) for w in k.split() if w not in _BAG_SKIP]
        if len(words) >= 2:
            groups[tuple(sorted(words))].append(k)
    out: dict[str, str] = {}
    for keys in groups.values():
        if len(keys) < 2 or any(k in keep for k in keys):
            continue
        top = max(keys, key=lambda k: (size.get(k, 0), k))
        out.update({k: top for k in keys if k != top})
    return out


@dataclass
class _Assigned:
    postings: pd.DataFrame
    counted: pd.DataFrame
    family_size: pd.Series
    emerging: list[str]
    fold: dict[str, str]
    resolved: dict
    named_hints: set[str]  # source categories that name a role (`HINT_MIN`), the only ones used as hints


class _MemoEmbedder:
    """Encodes each text once across the roles build's two passes."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.name = inner, inner.name
        self._memo: dict[tuple[str, int | None], np.ndarray] = {}

    def encode(self, texts: Sequence[str], *, batch_size: int = 256, progress: bool = False,
               max_tokens: int | None = None) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if (t, max_tokens) not in self._memo]
        if todo:
            vecs = self.inner.encode(todo, batch_size=batch_size, progress=progress, max_tokens=max_tokens)
            self._memo.update(zip([(t, max_tokens) for t in todo], vecs))
        if not texts:
            return self.inner.encode([], batch_size=batch_size, max_tokens=max_tokens)
        return np.stack([self._memo[(t, max_tokens)] for t in texts])


def _assign(postings: pd.DataFrame, norm: dict, resolver: T.Resolver, occ_keys: set[str], min_postings: int,
            model_all: bool, label: str, weak_below: float = HINT_BELOW) -> _Assigned:
    """Each posting's family key, the emerging families, and every key resolved."""
    keys = {t: resolver.choose_key(n) for t, n in norm.items()}  # the segment `resolve` would choose
    named = set(keys.values())  # a practitioner's title is a role if it is an alias or itself a posted title
    fold = family_keys(named, resolver.index.head_words, lambda k: k in resolver.index.pos or k in named)
    postings["field_key"] = postings["title"].map(keys)
    postings["key"] = postings["field_key"].map(lambda k: fold.get(k, k))
    counted = postings[postings["duplicate_of"].isna()]
    family_size = counted.groupby("key").size()
    # a family must be used by several employers, not one employer reposting one advert
    employers = counted.groupby("key")["company"].nunique()

    def emerging_families() -> list[str]:
        return [k for k, n in family_size.items()
                if n >= min_postings and k and k not in occ_keys and len(k.split()) >= 2
                and (employers.get(k, 0) >= MIN_EMPLOYERS or counted["company"].isna().all())]

    emerging = emerging_families()
    is_role = lambda k: k in resolver.index.pos or k in family_size.index  # noqa: E731
    merges = family_merges(emerging, family_size.to_dict(), resolver.index.head_words, is_role)
    # a bare field ("machine learning") or a role with a tool after it ("data engineer python") is another
    # family's job even when too few postings name it to be a role of its own: counted once per listing (daily
    # reposts are duplicates), both fell below MIN_POSTINGS and were left to the resolver's weaker reading
    small = [k for k, n in family_size.items() if MIN_FIELD_MERGE <= n < min_postings and k not in merges]
    merges.update(family_merges(small, family_size.to_dict(), resolver.index.head_words, is_role))
    merged_size = family_size.groupby(lambda k: merges.get(k, k)).sum().to_dict()
    merges.update(word_order_merges([k for k, n in merged_size.items() if n >= MIN_FIELD_MERGE and k],
                                    merged_size, occ_keys))
    merges = {k: merges.get(v, v) for k, v in merges.items()}  # a family merged into one merged again
    if merges:
        postings["key"] = postings["key"].map(lambda k: merges.get(k, k))
        fold = {**{k: merges.get(v, v) for k, v in fold.items()}, **merges}
        counted = postings[postings["duplicate_of"].isna()]
        family_size = counted.groupby("key").size()
        employers = counted.groupby("key")["company"].nunique()
        emerging = emerging_families()

    cats = {c: normalize(c).text for c in postings["title_category"].dropna().unique()}  # a few hundred, not 150k
    postings["hint"] = postings["title_category"].map(cats).astype(object)
    hints = set(postings["hint"].dropna())
    # the model runs on titles at least two postings share (and the emerging families and category
    # hints); a one-off title the cheap stages leave unsettled keeps its cheap evidence for its own
    # posting and stays out of the cache, so `resolve` still gives it the full treatment on demand
    # (`model_all`: every title goes to the model and into the cache; about 3x the model time).
    # A one-off title left weak (below HINT_BELOW) gets the model too, unless its postings carry a category
    # that names a role: otherwise its weak guess is what the posting is counted under.
    model_for = None if model_all else {*family_size.index[family_size >= 2], *emerging, *hints}
    with progress.step(f"{label}: {postings['key'].nunique():,} distinct posting titles"):
        named = role_hints(resolver.resolve_keys(sorted(hints)), occ_keys | set(emerging))
        hinted = postings.groupby("key")["hint"].agg(lambda hs: all(h in named for h in hs))
        resolved = resolver.resolve_keys([*postings["key"].unique(), *sorted(hints)], model_for=model_for,
                                         weak_below=weak_below, weak_skip=set(hinted.index[hinted]))
    return _Assigned(postings, counted, family_size, emerging, fold, resolved, named)


def role_hints(resolved: dict[str, tuple[dict[str, float], str]], role_keys: set[str]) -> set[str]:
    """The source categories that name a role (a role's own key, or resolving at `HINT_MIN` or better), not a sector."""
    return {h for h, (scores, _) in resolved.items()
            if h and (h in role_keys or max(scores.values(), default=0.0) >= HINT_MIN)}


def build_roles(con: duckdb.DuckDBPyConnection, embedder: Embedder | None = None,
                min_postings: int = MIN_POSTINGS, model_all: bool = False) -> dict:
    """Write title_index*, roles, role_occupations and posting_roles; return counts."""
    embedder = embedder if embedder is not None else default_embedder()
    with progress.step("title index (cached alias embeddings)"):
        index = T.build_index(con, embedder, reuse=T.load_index(con))
        T.save_index(con, index)
    occ = con.execute("SELECT soc_code, title FROM onet_occupations ORDER BY soc_code").fetchall()
    occ_keys = {normalize(t).text for _, t in occ}
    reported = con.execute("SELECT soc_code, title FROM onet_reported_titles").df().groupby("soc_code")["title"].agg(list)

    postings = _postings(con)
    norm = {t: normalize(t) for t in progress.track(postings["title"].drop_duplicates().tolist(),
                                                    "normalising posting titles")}
    # The resolver nudges codes employers post often (the posting prior, also a re-ranker feature). It is this
    # build's own: a first pass without it counts the postings that resolve confidently, the second pass uses
    # the count. Reading the last build's prior instead, a rebuild of an unchanged store moved 8,494 postings
    # (5.6%) to other roles, and a fresh build had resolved every title without it, unlike `resolve`.
    memo = _MemoEmbedder(embedder)
    index.prior = {}
    first = _assign(postings.copy(), norm, T.Resolver(index, lambda: memo), occ_keys, min_postings, model_all,
                    "first pass, for the posting prior", weak_below=0.0)  # the prior counts confident titles only
    index.prior = _posting_prior(first.postings, first.resolved)
    resolver = T.Resolver(index, lambda: memo)
    a = _assign(postings, norm, resolver, occ_keys, min_postings, model_all, "resolving")
    postings, counted, family_size, emerging, fold, resolved = (a.postings, a.counted, a.family_size, a.emerging,
                                                                a.fold, a.resolved)
    T.save_cache(con, {k: v for k, v in resolved.items() if k not in resolver.partial})
    T.save_prior(con, index.prior)

    roles, mix = [], []
    for soc, title in occ:
        slug = slugify(title)
        aliases = list(dict.fromkeys([title, *reported.get(soc, [])]))
        roles.append((slug, title, "occupation", soc, aliases, 1.0, 0, SOC_MAJOR.get(soc[:2])))
        mix.append((slug, soc, 1.0))
    raw_counts = counted.groupby("key")["title"].agg(Counter)
    # a folded field ("Data Engineering") stays an alias of the role it was folded into, so `resolve` agrees
    folded = counted[counted["field_key"] != counted["key"]]
    folded_aliases = {k: [Counter(g["title"]).most_common(1)[0][0] for _, g in rows.groupby("field_key")]
                      for k, rows in folded.groupby("key")}
    taken = {r[0] for r in roles}
    emerging_roles: list[tuple[str, str, list[str]]] = []
    for k in progress.track(sorted(emerging), "emerging roles"):
        scores, _ = resolved[k]
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked:
            continue
        best = ranked[0][1]
        kept = [(s, p) for s, p in ranked[:MIX_MAX] if p >= MIX_MIN_SHARE * best]
        total = sum(p for _, p in kept)
        title = display_title(k, raw_counts[k], fold)
        slug = slugify(title)
        if slug in taken:
            slug = slugify(k)
        if slug in taken:
            continue
        taken.add(slug)
        aliases = aliases_for(k, title, raw_counts[k]) + folded_aliases.get(k, [])
        # nor may a raw form that names a field of an occupation ("Business Analyst - Data Science" normalises to
        # "data science") claim it: "Data Science" postings are Data Scientists', and `resolve` must agree
        aliases = [a for a in aliases if fold.get(t := normalize(a).text, t) not in occ_keys or t == k]
        # scores carry the posting prior's boost (up to 1.12); a confidence is reported on 0–1, as `resolve` does
        roles.append((slug, title, "emerging", None, aliases, round(min(1.0, best), 4),
                      int(family_size[k]), SOC_MAJOR.get(kept[0][0][:2])))
        mix += [(slug, s, p / total) for s, p in kept]
        emerging_roles.append((slug, title, aliases))
    emerging_roles.sort()  # the order `RoleLookup.from_store` reads them in: build and `resolve` agree
    lookup = RoleLookup(emerging_keys(emerging_roles, occ_keys), {soc: (slugify(t), t) for soc, t in occ})

    rows = _posting_roles(postings, resolved, lookup, a.named_hints)
    posting_roles = pd.DataFrame(rows, columns=["posting_id", "slug", "soc_code", "score"])
    counts = posting_roles.merge(postings[["posting_id", "duplicate_of"]], on="posting_id")
    n_by_slug = counts[counts["duplicate_of"].isna()].groupby("slug").size().to_dict()
    roles_df = pd.DataFrame(roles, columns=["slug", "title", "kind", "soc_code", "aliases", "confidence",
                                            "n_postings", "job_family"])
    roles_df["n_postings"] = roles_df["slug"].map(n_by_slug).fillna(0).astype(int)
    store.write_table(con, "roles", roles_df)
    store.write_table(con, "role_occupations", pd.DataFrame(mix, columns=["slug", "soc_code", "weight"]))
    store.write_table(con, "posting_roles", posting_roles)
    stats = {
        "roles": len(roles_df), "emerging_roles": int((roles_df["kind"] == "emerging").sum()),
        "postings": len(posting_roles), "postings_with_role": int(posting_roles["slug"].notna().sum()),
        "distinct_titles": int(postings["key"].nunique()),
        "methods": dict(Counter(m for _, m in resolved.values())),
    }
    store.set_meta(con, "roles_build", stats)
    return stats


def _posting_prior(postings: pd.DataFrame, resolved: dict, confident: float = 0.6) -> dict[str, float]:
    """Distinct postings per code among titles that resolved confidently: what employers actually post."""
    top = {k: max(v.items(), key=lambda kv: kv[1]) for k, (v, _) in resolved.items() if v}
    counted = postings.loc[postings["duplicate_of"].isna(), "key"]
    out: Counter = Counter()
    for k, n in counted.value_counts().items():
        soc, p = top.get(k, (None, 0.0))
        if soc and p >= confident:
            out[soc] += int(n)
    return {s: float(n) for s, n in out.items()}


def _postings(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    cols = ["posting_id", "title", "title_category", "duplicate_of", "company"]
    if not store.has_table(con, "postings"):
        return pd.DataFrame(columns=cols)
    have = {r[0] for r in con.execute("DESCRIBE postings").fetchall()}
    select = ", ".join(c if c in have else f"NULL AS {c}" for c in cols)
    df = con.execute(f"SELECT {select} FROM postings").df()
    df["title"] = df["title"].fillna("").astype(str)
    df["title_category"] = df["title_category"].astype(object).where(df["title_category"].notna(), None)
    return df


_RANK_WORDS = {"associate", "founding"}  # ranks the normaliser keeps, since they begin real titles ("associate professor")


def _bare_head(key: str, hint: object) -> bool:
    """The title is one word (after a rank), the last of its source's category: "analyst" under "data analyst",
    "associate engineer" under "software engineer" (which O*NET's alias had made civil engineers')."""
    words = key.split()
    while len(words) > 1 and words[0] in _RANK_WORDS:
        words = words[1:]
    return len(words) == 1 and isinstance(hint, str) and hint.endswith(" " + words[0])


def _posting_roles(postings: pd.DataFrame, resolved: dict, lookup: RoleLookup, named_hints: set[str]) -> list[tuple]:
    best: dict[str, tuple[str | None, float]] = {}
    for k, (scores, _) in resolved.items():
        top = max(scores.items(), key=lambda kv: kv[1]) if scores else (None, 0.0)
        best[k] = top
    rows = []
    for pid, key, hint in postings[["posting_id", "key", "hint"]].itertuples(index=False):
        soc, score = best.get(key, (None, 0.0))
        slug, _ = lookup.role_for(key, soc)
        # a title of an emerging role's family is that role's, however weakly the family resolves to O*NET: the hint
        # had sent "Ward Manager" and "Health Visitor" (NHS category: nursing) to nursing assistants, "MIS Analyst" to
        # data scientists, and left 17 emerging roles with no posting at all. A sector is no hint: the NHS's
        # "Healthcare" had put 2,286 weakly resolved titles (nurses, receptionists, physiotherapists) under health
        # services managers, whose skills from postings then read "Registered Nurse licence", "rehabilitation".
        # Nor is a bare head noun its own evidence: a data-jobs board's "Analyst" or "Senior Engineer" under "Data
        # Analyst" or "Software Engineer" is that role, not O*NET's first "Analyst" (financial analysts, 430 postings).
        if ((score < HINT_BELOW or _bare_head(key, hint)) and hint in named_hints
                and key not in lookup.by_key):
            hsoc, hscore = best.get(hint, (None, 0.0))
            hslug, _ = lookup.role_for(hint, hsoc)
            if hslug:
                slug, soc, score = hslug, hsoc, max(score, min(HINT_BELOW, hscore))
        rows.append((pid, slug, soc, round(min(1.0, float(score)), 4)))
    return rows


def search_roles(con: duckdb.DuckDBPyConnection, query: str | None = None, limit: int = 20) -> list[dict]:
    """Roles whose title or aliases match `query` (all roles, most postings first, without one)."""
    if not store.has_table(con, "roles"):
        raise InputError("the store has no roles yet; run `careerpath roles build`")
    df = con.execute("SELECT slug, title, kind, soc_code, aliases, confidence, n_postings, job_family FROM roles").df()
    df["aliases"] = df["aliases"].map(lambda a: list(a) if a is not None else [])
    if not query:
        return df.sort_values(["n_postings", "slug"], ascending=[False, True]).head(limit).to_dict("records")
    q = normalize(query).text or query.lower()
    names: list[tuple[int, str]] = []
    for i, (title, aliases) in enumerate(zip(df["title"], df["aliases"])):
        names += [(i, normalize(a).text) for a in [title, *aliases]]
    hits = process.extract(q, [n for _, n in names], scorer=fuzz.WRatio, limit=limit * 10, score_cutoff=60)
    best: dict[int, float] = {}
    for _, score, j in hits:
        i = names[j][0]
        best[i] = max(best.get(i, 0.0), score + (10 if names[j][1] == q else 0))
    order = sorted(best, key=lambda i: (-best[i], -df["n_postings"].iloc[i]))[:limit]
    return [{**df.iloc[i].to_dict(), "match": round(best[i], 1)} for i in order]
