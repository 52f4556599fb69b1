"""One role's profile from the aggregates: wages, outlook, education, tasks, market. Pure functions.

Every number becomes a `Figure` through `FigureMaker`, which knows each source's as-of date.
OEWS and projections figures of a role with one BLS occupation are the published values unchanged;
a role spanning several occupations gets the weighted mean of their values, and the note says so.
"""

from __future__ import annotations

import re
from collections import defaultdict

from careerpath.figures import Figure, as_value
from careerpath.profile import stats
from careerpath.profile.model import (EducationLevel, Education, LevelWages, Location, Market,
                                      MonthCount, NationalWages, OccupationWages, Outlook, PostingWages,
                                      Preparation, StateWages, WhatTheyDo)

#: as-of dates for sources missing from the `sources` table (fixture stores).
DEFAULT_AS_OF = {"bls-oews-2025": "2025-05", "bls-oews-2024": "2024-05", "bls-ep-2024-34": "2024",
                 "onet-29.0": "2024-08", "onet-30.0": "2025-08"}
TOP_CODE_NOTE = "at or above ${:,.0f}/year (BLS top code)"
STATS = (("mean", "a_mean", "h_mean"), ("median", "a_median", "h_median"), ("p10", "a_p10", "h_p10"),
         ("p25", "a_p25", "h_p25"), ("p75", "a_p75", "h_p75"), ("p90", "a_p90", "h_p90"))
MIN_WAGE_POSTINGS = 5


class FigureMaker:
    """Builds Figures with their source's as-of date, and remembers which sources it cited."""

    def __init__(self, sources: dict[str, dict]):
        self.sources = sources
        self.cited: set[str] = set()

    def as_of(self, source: str) -> str:
        row = self.sources.get(source) or {}
        return str(row.get("as_of") or DEFAULT_AS_OF.get(source) or "")

    def __call__(self, value, unit: str, source: str, note: str | None = None, n: int | None = None) -> Figure | None:
        """Like `careerpath.figures.figure` (a missing value stays None), without re-validating our own types."""
        v = as_value(value)
        if v is None:
            return None
        self.cited.add(source)
        return Figure.model_construct(value=v, unit=unit, source=str(source), as_of=self.as_of(source), note=note,
                                      n=int(n) if n is not None else None)


def _mix_note(components: list[dict], what: str) -> str:
    parts = ", ".join(f"{c['bls_soc']} {c.get('occ_title') or c.get('title') or ''} ({c['weight']:.2f})"
                      for c in components)
    return f"weighted mean of the {what} of {len(components)} occupations: {parts} (an approximation for a role spanning occupations)"


def broader_note(rows: list[dict], occupations: list[dict]) -> str | None:
    """Say so when a role's BLS figures are those of a wider BLS occupation. BLS counts and pays by 6-digit SOC code;
    O*NET splits some into specialties (35-3023.01 Baristas within 35-3023 Fast Food and Counter Workers) and BLS pools
    some codes (13-1020 Buyers and Purchasing Agents): "Employment: 3,854,050" read as baristas alone is wrong by far.
    None when the figures are the occupation's own (its code is the BLS code + ".00") or come from several codes
    (`_mix_note` says that)."""
    if len(rows) != 1 or not occupations:
        return None
    bls = rows[0]["bls_soc"]
    if any(o["soc_code"] == f"{bls}.00" for o in occupations):
        return None
    title = rows[0].get("occ_title") or rows[0].get("title") or ""
    own = " and ".join(str(o.get("title") or o["soc_code"]) for o in occupations)
    return f"{WIDER} {bls} {title}, the occupation that includes {own}"


WIDER = "BLS figure for"  # how `broader_note` begins: `wider_scope` finds it again in a figure's note


def wider_scope(note: str | None) -> str | None:
    """The `broader_note` part of a figure's note, if it has one (notes are joined with "; ")."""
    return next((part for part in (note or "").split("; ") if part.startswith(WIDER)), None)


def own_note(note: str | None) -> str | None:
    """A figure's note without its `wider_scope` part: a page says that once (`Snapshot.bls_scope`), not on every figure."""
    return "; ".join(p for p in (note or "").split("; ") if p and not p.startswith(WIDER)) or None


def _noted(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _wage_stat(rows: list[dict], col: str, hcol: str, fig, method_note: str | None) -> Figure | None:
    pairs = [(r.get(col), r["weight"]) for r in rows]
    unit = "USD/year"
    if all(v is None for v, _ in pairs) and hcol:
        pairs, unit = [(r.get(hcol), r["weight"]) for r in rows], "USD/hour"
    value = stats.mixture(pairs)
    if value is None:
        return None
    notes = [method_note] if method_note else []
    capped = [r for r in rows if col in (r.get("a_topcoded") or [])]
    if capped:
        notes.append(TOP_CODE_NOTE.format(max(r[col] for r in capped)))
    return fig(value, unit, rows[0]["source_id"], "; ".join(notes) or None)


def national_wages(rows: list[dict], fig, occupations: list[dict] = ()) -> list[NationalWages]:
    """One `NationalWages` per OEWS year, newest first. `occupations`: the role's O*NET occupations (`broader_note`)."""
    by_year: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        by_year[int(r["year"])].append(r)
    out = []
    for year in sorted(by_year, reverse=True):
        comps = by_year[year]
        mixed = len(comps) > 1
        note = _mix_note(comps, "{}") if mixed else broader_note(comps, list(occupations))
        nw = NationalWages(year=year, method=(f"mixture of {len(comps)} occupations" if mixed else "single occupation"))
        for name, col, hcol in STATS:
            setattr(nw, name, _wage_stat(comps, col, hcol, fig, note.format(name) if mixed else note))
        if not mixed:
            nw.employment = fig(comps[0].get("tot_emp"), "persons", comps[0]["source_id"], note)
        nw.components = [OccupationWages(
            bls_soc=c["bls_soc"], title=c.get("occ_title"), weight=round(c["weight"], 4),
            mean=_wage_stat([c], "a_mean", "h_mean", fig, None), median=_wage_stat([c], "a_median", "h_median", fig, None),
            employment=fig(c.get("tot_emp"), "persons", c["source_id"])) for c in comps]
        out.append(nw)
    return out


def median_change(national: list[NationalWages], fig) -> Figure | None:
    if len(national) < 2 or not national[0].median or not national[1].median:
        return None
    new, old = national[0].median, national[1].median
    if new.unit != old.unit or old.value <= 0 or (old.note and "at or above" in old.note):
        return None
    return fig(round((new.value / old.value - 1) * 100, 2), "percent", new.source,
               f"median wage, May {national[1].year} to May {national[0].year}, nominal")


def state_wages(rows: list[dict], fig, occupations: list[dict] = ()) -> list[StateWages]:
    """Wages by state (`occupations` as in `national_wages`)."""
    by_state: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_state[r["state"]].append(r)
    out = []
    for state in sorted(by_state):
        comps = by_state[state]
        mixed = len(comps) > 1
        note = _mix_note(comps, "{}") if mixed else broader_note(comps, list(occupations))
        sw = StateWages(state=state)
        for name, col in (("mean", "a_mean"), ("median", "a_median"), ("p10", "a_p10"), ("p90", "a_p90")):
            setattr(sw, name, _wage_stat(comps, col, "", fig, note.format(name) if mixed else note))
        if not mixed:
            sw.employment = fig(comps[0].get("tot_emp"), "persons", comps[0]["source_id"], note)
        if any(getattr(sw, k) for k in ("mean", "median", "employment")):
            out.append(sw)
    return out


def _country_key(r: dict) -> tuple:
    return (r["country"] != "US" or r["currency"] != "USD", -r["n"])


def posting_wages(rows: list[dict], fig) -> list[PostingWages]:
    """Per country and currency, never pooled: a pound is not a dollar, a UK salary not a US one."""
    out = []
    for r in sorted(rows, key=_country_key):
        if r["n"] < MIN_WAGE_POSTINGS:
            continue
        unit = f"{r['currency']}/year"
        where = f"{r['country'] or 'country not given'}, {r['currency']}"
        base = f"of {r['n']:,} postings' annualised salary midpoints ({where}); sources: {', '.join(r['sources'])}"
        q = r["q"]
        mk = lambda v, what: fig(v, unit, r["source_id"], f"{what} {base}", r["n"])  # noqa: E731
        fig.cited.update(r["sources"])
        out.append(PostingWages(country=r["country"], currency=r["currency"], n=int(r["n"]), sources=list(r["sources"]),
                                median=mk(q[2], "median"), mean=mk(r["mean"], "mean"), p10=mk(q[0], "10th percentile"),
                                p25=mk(q[1], "25th percentile"), p75=mk(q[3], "75th percentile"),
                                p90=mk(q[4], "90th percentile")))
    return out


def level_wages(rows: list[dict], fig) -> list[LevelWages]:
    order = {"entry": 0, "mid": 1, "senior": 2}
    out = []
    for r in sorted(rows, key=lambda r: (_country_key(r)[0], r["country"] or "", r["currency"], order.get(r["level"], 3))):
        if r["n"] < MIN_WAGE_POSTINGS:
            continue
        methods = ", ".join(f"{k} {v:,}" for k, v in sorted((r["methods"] or {}).items(), key=lambda kv: -kv[1]))
        note = (f"median of {r['n']:,} postings' annualised salaries ({r['country'] or 'country not given'}, "
                f"{r['currency']}); level from {methods}; sources: {', '.join(r['sources'])}")
        out.append(LevelWages(level=r["level"], country=r["country"], currency=r["currency"],
                              annual=fig(r["median"], f"{r['currency']}/year", r["source_id"], note, r["n"])))
    return out


def outlook(rows: list[dict], total: dict | None, volume: list[dict], fig, occupations: list[dict] = ()) -> Outlook:
    """BLS projections for the role (`occupations` as in `national_wages`), and posting volume by month."""
    o = Outlook(posting_volume=[MonthCount(month=v["month"], n=int(v["n"]), sources=v["sources"]) for v in volume])
    if total:
        o.average_change_pct = fig(total.get("change_pct"), "percent", total["source_id"],
                                   "all occupations, 2024–34")
    if not rows:
        return o
    mixed = len(rows) > 1
    note = (lambda what: _mix_note(rows, what)) if mixed else (lambda what: None)
    wider = None if mixed else broader_note(rows, list(occupations))
    src = rows[0]["source_id"]
    mix = lambda col: stats.mixture((r.get(col), r["weight"]) for r in rows)  # noqa: E731
    o.change_pct = fig(mix("change_pct"), "percent", src, note("projected changes") or _noted("projected change, 2024–34", wider))
    o.openings_annual = fig(mix("openings_annual"), "persons", src,
                            note("annual openings") or _noted("average annual openings, 2024–34", wider))
    if not mixed:
        r = rows[0]
        o.change_n = fig(r.get("change_n"), "persons", src, _noted("projected change in employment, 2024–34", wider))
        o.employment_2024 = fig(r.get("emp_2024"), "persons", src, wider)
        o.employment_2034 = fig(r.get("emp_2034"), "persons", src, _noted("projected", wider))
        capped = "at or above $239,200/year (BLS top code)" if r.get("median_wage_topcoded") else None
        o.median_wage_2024 = fig(r.get("median_wage_2024"), "USD/year", src, _noted(capped, wider))
    o.method = f"mixture of {len(rows)} occupations" if mixed else "single occupation"
    avg = o.average_change_pct.value if o.average_change_pct else None
    o.wording = stats.outlook_wording(o.change_pct.value if o.change_pct else None, avg)
    if o.change_pct and o.wording:
        verb = "decline" if o.change_pct.value < 0 else "grow"
        avg_text = f" ({round(avg)}%)" if avg is not None else ""
        tail = {"little or no change": "little or no change"}.get(o.wording, f"{o.wording} for all occupations{avg_text}")
        o.summary = (f"Employment is projected to {verb} {abs(round(o.change_pct.value))}% from 2024 to 2034, "
                     f"{tail}.")
    return o


_SPAN = re.compile(r"(over|up to and including)\s+(\d+)\s+(month|year)s?", re.I)


def category_months(description: str) -> tuple[float, float | None]:
    """O*NET's duration categories in months, read from its own wording ("Over 1 year, up to and including 2
    years" → 12, 24; "Over 10 years" → 120, None; "None or short demonstration" → 0, 0), so the store's category
    table, not a copy of it here, says what each category means."""
    low, high = 0.0, None
    for word, num, unit in _SPAN.findall(description or ""):
        months = float(num) * (12 if unit.lower() == "year" else 1)
        if word.lower() == "over":
            low = months
        else:
            high = months
    if high is None and low == 0:
        high = 0.0  # "None", "None or short demonstration": nothing to wait for
    return low, high


def preparation(rows: list[dict], fig) -> list[Preparation]:
    """The respondents' median category of each O*NET preparation scale (rows of one role, ordered by scale then
    category; a role spanning occupations has their weighted shares). A median, not the mode: "49% none, 51% over
    six months" should not read as "none"."""
    out: list[Preparation] = []
    by_scale: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("pct") is not None:
            by_scale[r["scale_id"]].append(r)
    for scale in ("RW", "PT", "OJ"):
        cats = sorted(by_scale.get(scale, []), key=lambda r: int(r["category"]))
        total = sum(r["pct"] for r in cats)
        if not cats or total <= 0:
            continue
        run, median = 0.0, cats[-1]
        for r in cats:
            run += r["pct"]
            if run >= total / 2:
                median = r
                break
        low, high = category_months(median["description"])
        none = cats[0]["pct"] / total * 100 if int(cats[0]["category"]) == 1 else 0.0
        n = cats[0].get("n")
        note = (f"share of O*NET respondents reporting none; median category “{median['description']}”"
                + (f"; {int(n)} respondents" if n else "") + (f"; surveyed {median['surveyed']}" if median.get("surveyed") else ""))
        share = fig(round(none, 1), "percent", median["source_id"], note, int(n) if n else None)
        if share:
            out.append(Preparation(kind=cats[0].get("element") or scale, median=median["description"] or "",
                                   low_months=low, high_months=high, share_none=share,
                                   surveyed=median.get("surveyed") or None))
    return out


def education(ep_rows: list[dict], onet_rows: list[dict], market: dict | None, job_zone: int | None, fig,
              prep_rows: list[dict] | None = None) -> Education:
    ed = Education(job_zone=job_zone, preparation=preparation(prep_rows or [], fig))
    if ep_rows:
        top = ep_rows[0]  # highest weight first
        ed.typical_entry_education = top.get("education")
        ed.work_experience = top.get("work_experience")
        ed.on_the_job_training = top.get("ojt")
        ed.bls_source = top["source_id"]
    for r in onet_rows:
        f = fig(round(r["pct"], 2), "percent", r["source_id"], "share of O*NET respondents, required level of education")
        if f:
            ed.onet_distribution.append(EducationLevel(category=int(r["category"]), level=r["description"] or "", share=f))
    if market and _known_enough(market.get("n_degree_known") or 0, market["n"]):
        k, n = int(market["n_no_degree"]), int(market["n_degree_known"])
        lo, hi = stats.wilson(k, n)
        ed.share_postings_no_degree = fig(k / n, "share", market["degree_source"],
                                          f"{k:,} of {n:,} postings say no degree is needed; 95% CI {lo:.1%}–{hi:.1%}; "
                                          f"sources: {', '.join(sorted(market['degree_sources'] or []))}", n)
    return ed


def what_they_do(occupations: list[dict], tasks: list[dict], activities: list[dict]) -> WhatTheyDo:
    primary = occupations[0] if occupations else {}
    seen, task_list = set(), []
    for t in tasks:
        if t["task"] not in seen and len(task_list) < 8:
            seen.add(t["task"])
            task_list.append(t["task"])
    iwa: dict[str, float] = defaultdict(float)
    dwa: dict[str, float] = defaultdict(float)
    for a in activities:
        if a.get("iwa_title"):
            iwa[a["iwa_title"]] += a["w"]
        dwa[a["dwa_title"]] += a["w"]
    rank = lambda d, k: [x for x, _ in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]  # noqa: E731
    return WhatTheyDo(summary=primary.get("description"), tasks=task_list, activities=rank(iwa, 6),
                      day_in_the_life=rank(dwa, 8), source=primary.get("source_id"))


def _known_enough(known: int, total: int) -> bool:
    """A posting flag (remote, no degree) is reported only when most postings state it either way: some
    sources set it only when true, and a share of those would always be 100%."""
    return known >= 30 and known >= 0.5 * total


def market(row: dict | None, locations: list[dict], fig) -> Market:
    m = Market(top_locations=[Location(location=r["location"], country=r["country"], n=int(r["n"])) for r in locations])
    if row:
        m.n_postings = int(row["n"])
        if _known_enough(row["n_remote_known"], row["n"]):
            k, n = int(row["n_remote"]), int(row["n_remote_known"])
            m.remote_share = fig(k / n, "share", row["remote_source"],
                                 f"{k:,} of {n:,} postings remote; sources: {', '.join(sorted(row['remote_sources'] or []))}", n)
    return m
