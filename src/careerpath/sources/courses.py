"""Course catalogs (Coursera x3, Udemy, edX) mapped onto one `courses` table.

Each catalog is its own source (`courses-<name>`), but all rows go into a single `courses` table that
travels on the first `Loaded` (the store writes each table name once; the others carry only their
files and rejects). A row is rejected, with its reason, when it has no title, a rating outside 0-5,
an unparseable number, or (Udemy) repeats an earlier course_id; missing optional fields become null.
`source_line` is the 1-based record number after the header (some fields hold line breaks).

Hours (`hours_rule` says which rule produced `hours`):
- `stated`: Coursera "Duration to complete (Approx.)" is already hours.
- `video`: Udemy `content_duration` is hours of video, not of study.
- `band_midpoint_5h_per_week`: a duration band ("1 - 3 Months", "1 - 4 Weeks", "2 years", "24 meses")
  becomes the midpoint of the band in weeks (month = 4.345 weeks, year = 52) times 5 study hours per
  week, the light end of Coursera's suggested pace; "Less Than 2 Hours" is the midpoint 1 hour. So
  "3 - 6 Months" -> 4.5 x 4.345 x 5 = 97.8 h. It is an order of magnitude, not a measurement.

`duplicate_group`: rows with the same normalised title (lower case, accents and punctuation removed,
whitespace collapsed) whose providers are compatible (equal, one contained in the other after the same
normalisation, or one unknown) share the course_id of the first such row. Udemy's provider is "Udemy",
so Udemy rows only group with Udemy rows. Singletons get null.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from careerpath.progress import log
from careerpath.sources._base import (
    FileStats, Loaded, Reject, SourceInfo, check_reject_share, read_table, rel, sha256_file, to_number,
)

MAX_TEXT = 20_000
HOURS_PER_WEEK = 5.0
WEEKS = {"hour": None, "week": 1.0, "month": 4.345, "mes": 4.345, "year": 52.0, "año": 52.0, "ano": 52.0}
EMPTY = {"", "none", "not specified", "nan", "null", "n/a", "-1"}
LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "advanced": "advanced",
          "expert": "advanced", "mixed": "mixed", "all levels": "mixed"}
COLUMNS = ["course_id", "source_id", "source_file", "source_line", "catalog", "provider", "title",
           "description", "outcomes", "skills_given", "modules", "subject", "level", "level_raw", "rating",
           "n_ratings", "enrolled", "hours", "hours_rule", "price", "currency", "is_free",
           "certificate_type", "url", "language", "duplicate_group"]


def _src(name: str, publisher: str, title: str, repo: str, commit: str, as_of: str) -> SourceInfo:
    return SourceInfo(f"courses-{name}", publisher, title, f"{repo}@{commit}", "not stated",
                      f"https://github.com/{repo}", as_of)


def clean(value: object, cap: int = MAX_TEXT) -> str | None:
    """Trimmed text or None for the placeholders the catalogs use for 'missing'; capped (untrusted text)."""
    s = "" if value is None else str(value).strip()
    return None if s.lower() in EMPTY else s[:cap]


def number(value: object, what: str) -> float | None:
    """Null for a placeholder, a float for a number, ValueError (-> reject) for anything else."""
    s = clean(value)
    if s is None:
        return None
    n = to_number(s)
    if n is None:
        raise ValueError(f"{what} is not a number: {s[:40]!r}")
    return n


def rating(value: object) -> float | None:
    r = number(value, "rating")
    if r is not None and not 0 <= r <= 5:
        raise ValueError(f"rating {r} outside 0-5")
    return r


def enrolled(value: object) -> float | None:
    """'5.3k' -> 5300, '1.2m' -> 1200000, '870' -> 870."""
    s = clean(value)
    if s is None:
        return None
    m = re.fullmatch(r"([\d.,]+)\s*([km]?)", s.lower())
    if not m or to_number(m.group(1)) is None:
        raise ValueError(f"enrolment is not a count: {s[:40]!r}")
    return to_number(m.group(1)) * {"": 1, "k": 1e3, "m": 1e6}[m.group(2)]


def level(value: object) -> tuple[str | None, str | None]:
    raw = str(value or "").strip() or None  # kept as given, placeholders included
    key = re.sub(r"\s+level$", "", raw.lower()) if raw else ""
    return LEVELS.get(key), raw


def band_hours(value: object) -> float | None:
    """Duration band -> hours by the module's one rule; None when no number + unit can be read."""
    s = clean(value)
    if s is None:
        return None
    s = s.lower()
    m = re.search(r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to|a|or)\s*(\d+(?:\.\d+)?))?\s*\+?\s*(hour|week|month|mes|year|año|ano)", s)
    if not m or "/wk" in s:
        return None
    lo, hi = float(m.group(1)), float(m.group(2) or m.group(1))
    if s.startswith("less than"):
        lo = 0.0
    weeks = WEEKS[m.group(3)]
    mid = (lo + hi) / 2
    return round(mid if weeks is None else mid * weeks * HOURS_PER_WEEK, 1)


def listing(value: object) -> list[str]:
    """Comma-split, trimmed, de-duplicated (first spelling kept); placeholders give []."""
    s = clean(value)
    out: list[str] = []
    for part in (s or "").split(","):
        p = part.strip()
        if p and p.lower() not in EMPTY and p.lower() not in {x.lower() for x in out}:
            out.append(p[:300])
    return out


def cert_type(value: object) -> str | None:
    s = clean(value)
    return re.sub(r"\s+", " ", s.lower()) if s else None


def coursera_url_type(url: str | None) -> str | None:
    """The skills/modules catalog has no certificate column; the URL path says what the page is."""
    kinds = {"/learn/": "course", "/specializations/": "specialization", "/projects/": "guided project",
             "/professional-certificates/": "professional certificate", "/degrees/": "degree"}
    return next((v for k, v in kinds.items() if url and k in url), None)


def title_of(row: dict, col: str) -> str:
    """The title on one line with single spaces: 173 catalogue titles carry doubled spaces or line breaks ("Fractal
    Data Science  Professional Certificate"), which pages showed as typed and the phrase matcher read as a break."""
    t = clean(row.get(col), 1000)
    if t is None:
        raise ValueError("no title")
    return " ".join(t.split())


def map_skills_modules(row: dict) -> dict:
    lvl, raw = level(row["Level"])
    n = number(row["Number of Review"], "Number of Review")
    url = clean(row["Course Url"])
    return dict(title=title_of(row, "Course Title"), provider=clean(row["Offered By"]), level=lvl, level_raw=raw,
                rating=None if not n else rating(row["Rating"]), n_ratings=n,
                hours=number(row["Duration to complete (Approx.)"], "duration"), hours_rule="stated",
                outcomes=clean(row["What you will learn"]), skills_given=listing(row["Skill gain"]),
                modules=listing(row["Modules"]), subject=clean(row["Keyword"]), url=url,
                certificate_type=coursera_url_type(url))


def map_partner(row: dict) -> dict:
    lvl, raw = level(row["level"])
    hours = band_hours(row["duration"])
    return dict(title=title_of(row, "course"), provider=clean(row["partner"]), level=lvl, level_raw=raw,
                rating=rating(row["rating"]), n_ratings=number(row["reviewcount"], "reviewcount"),
                hours=hours, hours_rule="band_midpoint_5h_per_week" if hours is not None else None,
                skills_given=listing(row["skills"]), certificate_type=cert_type(row["certificatetype"]))


def map_enrolled(row: dict) -> dict:
    lvl, raw = level(row["course_difficulty"])
    return dict(title=title_of(row, "course_title"), provider=clean(row["course_organization"]), level=lvl,
                level_raw=raw, rating=rating(row["course_rating"]), enrolled=enrolled(row["course_students_enrolled"]),
                certificate_type=cert_type(row["course_Certificate_type"]))


def map_udemy(row: dict) -> dict:
    lvl, raw = level(row["level"])
    paid = clean(row["is_paid"])
    if not re.fullmatch(r"\d+", str(row["course_id"]).strip()):
        raise ValueError(f"course_id is not numeric: {str(row['course_id'])[:40]!r}")
    hours = number(row["content_duration"], "content_duration")
    return dict(native_id=str(row["course_id"]).strip(), title=title_of(row, "course_title"), provider="Udemy",
                level=lvl, level_raw=raw, n_ratings=number(row["num_reviews"], "num_reviews"),
                enrolled=number(row["num_subscribers"], "num_subscribers"), hours=hours,
                hours_rule="video" if hours is not None else None, price=number(row["price"], "price"),
                currency="USD", is_free=None if paid is None else paid.lower() != "true",
                subject=clean(row["subject"]), url=clean(row["url"]))


def map_edx(row: dict) -> dict:
    lvl, raw = level(row["Difficulty Level"])
    parts = [p for p in (clean(row["About"]), clean(row["Course Description"])) if p]
    return dict(title=title_of(row, "Name"), provider=clean(row["University"]), level=lvl, level_raw=raw,
                description="\n\n".join(parts)[:MAX_TEXT] or None, url=clean(row["Link"]))


@dataclass(frozen=True)
class Catalog:
    source: SourceInfo
    file: str
    required: tuple[str, ...]
    mapper: Callable[[dict], dict]


CATALOGS = [
    Catalog(_src("coursera-skills-modules", "Coursera", "Coursera course catalogue with skills, modules, rating and reviews",
                 "liannfinlayson26/Coursera-Courses-Analysis-SQL", "08d7bb1a63c6", "2023"),
            "coursera_courses_skills_modules_reviews.csv",
            ("Course Title", "Rating", "Level", "What you will learn", "Skill gain", "Modules", "Offered By",
             "Keyword", "Course Url", "Duration to complete (Approx.)", "Number of Review"), map_skills_modules),
    Catalog(_src("coursera-partner", "Coursera", "Coursera catalogue with partner, skills, rating, level, certificate and duration",
                 "Ayesha3456/Coursera-Course-Data-Analysis-SQL", "ce316030b55d", "2023"),
            "coursera_courses_partner_skills_rating.csv",
            ("partner", "course", "skills", "rating", "reviewcount", "level", "certificatetype", "duration"), map_partner),
    Catalog(_src("coursera-enrolled", "Coursera", "Coursera Course Dataset (Siddharth M, Kaggle)",
                 "margarytaz/coursera_analysis", "638f08e4270d", "2020"),
            "coursera_courses_siddharthm_enrolled.csv",
            ("course_title", "course_organization", "course_Certificate_type", "course_rating",
             "course_difficulty", "course_students_enrolled"), map_enrolled),
    Catalog(_src("udemy", "Udemy", "Udemy Courses (Larxel / andrewmvd, Kaggle)", "MainakRepositor/Datasets",
                 "f20fd12b065e", "2020"),
            "udemy_courses_andrewmvd.csv",
            ("course_id", "course_title", "url", "is_paid", "price", "num_subscribers", "num_reviews", "level",
             "content_duration", "subject"), map_udemy),
    Catalog(_src("edx", "edX", "edX Courses Dataset 2021 (Khushee Kapoor, Kaggle)", "MainakRepositor/Datasets",
                 "f20fd12b065e", "2021"),
            "edx_courses.csv", ("Name", "University", "Difficulty Level", "Link", "About", "Course Description"), map_edx),
]


def load_catalog(cat: Catalog, data_dir: Path) -> tuple[Loaded, list[dict]]:
    """Map one catalog file row by row; a row that fails becomes a Reject with the reason."""
    path = data_dir / "courses" / cat.file
    df = read_table(path, required=cat.required)
    rp = rel(path, data_dir)
    stats = FileStats(rp, sha256_file(path), rows_read=len(df))
    out, rejects, seen = [], [], {}
    for line, row in enumerate(df.to_dict("records"), start=1):
        try:
            rec = cat.mapper(row)
            native = rec.pop("native_id", None) or str(line)
            if native in seen:
                raise ValueError(f"repeats course_id {native} of line {seen[native]}")
            seen[native] = line
        except ValueError as e:
            rejects.append(Reject(rp, line, str(e), ",".join(map(str, row.values()))[:500]))
            continue
        rec.update(course_id=f"{cat.source.id}:{native}", source_id=cat.source.id, source_file=rp,
                   source_line=line, catalog=cat.source.id.removeprefix("courses-"))
        out.append(rec)
    stats.rows_loaded, stats.rows_rejected = len(out), len(rejects)
    check_reject_share(path, stats)
    return Loaded(cat.source, files=[stats], rejects=rejects), out


def norm(text: str | None) -> str:
    s = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


def compatible(a: str, b: str) -> bool:
    return not a or not b or a == b or a in b or b in a


def duplicate_groups(df: pd.DataFrame) -> pd.Series:
    """course_id of the first compatible row with the same normalised title; null for singletons."""
    group: dict[int, str] = {}
    for _, idx in df.groupby(df["title"].map(norm), sort=False).groups.items():
        if len(idx) < 2:
            continue
        heads: list[tuple[str, str]] = []  # (provider key, group id)
        for i in idx:
            prov = norm(df.at[i, "provider"])
            gid = next((g for p, g in heads if compatible(p, prov)), None)
            if gid is None:
                gid = df.at[i, "course_id"]
                heads.append((prov, gid))
            group[i] = gid
    s = pd.Series([group.get(i) for i in df.index], index=df.index, dtype=object)
    counts = s.value_counts()
    return s.where(s.map(counts).fillna(0) > 1, None)


STOP = {"en": {"the", "and", "of", "to", "for", "with", "in", "your", "how", "introduction"},
        "es": {"de", "la", "el", "los", "las", "para", "y", "del", "con", "una", "introducción"},
        "pt": {"de", "da", "do", "para", "e", "dos", "das", "com", "uma", "introdução"},
        "fr": {"de", "la", "le", "les", "des", "et", "pour", "du", "une", "à"}}


def language(title: str, extra: str | None, detector: Any = None) -> str | None:
    """A stop-word vote over title + start of outcomes/description; when no language clearly wins (short titles
    such as "Biología bucal", 6,233 of 11,806 courses), the `lingua` detector's answer if it is sure (confidence
    ≥ `SURE`); else null, which the English-by-default course filter keeps."""
    text = f"{title} {(extra or '')[:300]}"
    words = re.findall(r"\w+", text.lower())
    votes = {lang: sum(w in stop for w in words) for lang, stop in STOP.items()}
    best = max(votes, key=votes.get)
    rest = max(v for k, v in votes.items() if k != best)
    if votes[best] >= 2 and votes[best] >= 2 * rest + 1:
        return best
    if detector is None:
        return None
    top = detector.compute_language_confidence_values(text)[0]
    if top.value < SURE:
        return None
    code = top.language.iso_code_639_1.name.lower()
    if code != "en":  # accents alone can make English look French: "Café Management", "... Société Générale"
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        if detector.compute_language_confidence_values(plain)[0].language.name == "ENGLISH":
            return None
    return code


# Of the 6,233 courses the stop words leave undecided, lingua at 0.8 calls 803 not English; 100 of them read at random
# were each in another language by title or description, while at 0.5-0.7 English tech titles slipped in
# ("Javascript Specialist" as Dutch at 0.70). Without their accents 8 of the 803 read as English, and are left
# undecided: one is English ("Global Financing Solutions (by EDHEC and Société Générale)"), 7 are not.
SURE = 0.8
LANGUAGES = ("ENGLISH", "SPANISH", "PORTUGUESE", "FRENCH", "GERMAN", "ITALIAN", "TURKISH", "RUSSIAN", "ARABIC",
             "CHINESE", "JAPANESE", "KOREAN", "INDONESIAN", "DUTCH")  # the catalogs' languages


def language_detector() -> Any:
    """lingua over the catalogs' languages (~0.5 s and ~80 MB to load): only the languages that occur, so that an
    English title is not read as one of seventy others."""
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, name) for name in LANGUAGES)).build()


def load(data_dir: Path) -> list[Loaded]:
    """All five catalogs; the combined `courses` table rides on the first Loaded."""
    loaded, rows = [], []
    for cat in CATALOGS:
        if not (data_dir / "courses" / cat.file).exists():
            log(f"  {cat.source.id}: courses/{cat.file} not in the data folder; skipped")
            continue
        ld, recs = load_catalog(cat, data_dir)
        loaded.append(ld)
        rows.extend(recs)
    if not loaded:
        return []  # market data is optional: ingest creates an empty `courses` table from its schema
    df = pd.DataFrame.from_records(rows).reindex(columns=COLUMNS)
    for col in ("skills_given", "modules"):
        df[col] = df[col].map(lambda v: v if isinstance(v, list) else [])
    df = df.astype(object).where(df.notna(), None)
    # Udemy gives 0 hours of video for a few courses ("Mutual Funds for Investors in Retirement Accounts"): not a
    # length, so unstated (a guide read "about 0 h"; a roadmap would count no study time); counted in the notes
    zero = df["hours"].map(lambda h: h is not None and h <= 0)
    if zero.any():
        df.loc[zero, ["hours", "hours_rule"]] = None
        df.attrs["notes"] = {sid: {"hours_zero_nulled": int(n)} for sid, n in df[zero].groupby("source_id").size().items()}
    detector = language_detector()
    df["language"] = [language(t, o or d, detector) for t, o, d in zip(df["title"], df["outcomes"], df["description"])]
    df["duplicate_group"] = duplicate_groups(df)
    loaded[0].tables["courses"] = df
    return loaded


def cross_catalog_groups(df: pd.DataFrame) -> int:
    """How many duplicate groups span more than one catalog (reported by ingest and tests)."""
    g = df.dropna(subset=["duplicate_group"]).groupby("duplicate_group")["catalog"].nunique()
    return int((g > 1).sum())
