"""Personalising a guide: the upstream guide builder when it is there, else a transparent fallback
that works on the precomputed guide (skill gap by name, roadmap without the steps you have done).

Upstream (issue 7): `careerpath.guide.build.build_guide(con, role, *, have_skills, resume_text,
hours_per_week=(lo, hi)) -> Guide`, reading the store only; used when the store has `profiles`.
"""

from __future__ import annotations

import io
import logging
import re
from importlib import import_module
from typing import Callable

from careerpath.errors import InputError
from careerpath.guide.model import Guide, MonthRange, RoadmapStep, SkillGap
from careerpath.web.data import SiteData

log = logging.getLogger(__name__)

WEEKS_PER_MONTH = 4.345
MAX_PDF_PAGES = 30


class UnsupportedUpload(InputError):
    """A résumé file of a type we do not read."""


def _upstream(module: str, name: str) -> Callable | None:
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


def resume_text_from_upload(content: bytes, content_type: str | None, filename: str | None = None) -> str:
    """Text of an uploaded résumé: text/plain (UTF-8, else Latin-1) or application/pdf."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == "text/plain":
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            return content.decode("latin-1")
    if ctype == "application/pdf":
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(content))
            return "\n".join((p.extract_text() or "") for p in reader.pages[:MAX_PDF_PAGES])
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
            raise InputError(f"could not read the PDF: {e}") from None
    raise UnsupportedUpload(f"résumé must be text/plain or application/pdf, not {ctype or 'unknown'}")


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w+#.]+", " ", s.lower()).split())


def _mentions(text: str, name: str) -> bool:
    n = re.escape(name.lower())
    return re.search(rf"(?<![\w+#]){n}(?![\w+#])", text) is not None


def split_skills(raw: str | list[str] | None) -> list[str]:
    items = raw if isinstance(raw, list) else re.split(r"[,;\n]", raw or "")
    out = []
    for s in items:
        s = " ".join(str(s).split())[:80]
        if s and s.lower() not in {o.lower() for o in out}:
            out.append(s)
    return out[:100]


def fallback_personalise(guide: Guide, skills: list[str], resume_text: str | None, hours_per_week: float) -> Guide:
    """Skill gap by name (typed skills, and guide skills named in the résumé) and a shorter roadmap."""
    have_norm = {_norm(s) for s in skills}
    text = (resume_text or "").lower()
    have: list[str] = []
    for s in guide.skills:
        if _norm(s.name) in have_norm or (text and _mentions(text, s.name)):
            have.append(s.name)
    known = {_norm(h) for h in have}
    have += [s for s in skills if _norm(s) not in known]
    have_set = {_norm(h) for h in have}
    ordered = sorted(guide.skills, key=lambda s: (not s.core, -s.importance))
    missing = [s.name for s in ordered if _norm(s.name) not in have_set]

    steps: list[RoadmapStep] = []
    total_low = total_high = 0.0
    for st in guide.roadmap:
        remaining = [s for s in st.skills if _norm(s) not in have_set]
        if st.skills and not remaining:
            continue
        hours = st.hours * (len(remaining) / len(st.skills) if st.skills else 1.0)
        months = hours / (hours_per_week * WEEKS_PER_MONTH)
        low, high = round(months * 0.8, 1), round(months * 1.25, 1)
        total_low, total_high = total_low + low, total_high + high
        steps.append(st.model_copy(update={"step": len(steps) + 1, "skills": remaining, "hours": round(hours),
                                           "months": MonthRange(low=low, high=high)}))
    ttjr = guide.snapshot.time_to_job_ready.model_copy(update={
        "personalised": MonthRange(low=round(total_low, 1), high=round(total_high, 1)),
        "hours_per_week": (hours_per_week, hours_per_week),
        "assumptions": [*guide.snapshot.time_to_job_ready.assumptions,
                        "personalised: roadmap hours of the skills you do not have yet, at your hours per week"]})
    missing_set = {_norm(m) for m in missing}
    courses = sorted(guide.courses, key=lambda c: -sum(_norm(s) in missing_set for s in c.covers))
    snapshot = guide.snapshot.model_copy(update={"time_to_job_ready": ttjr})
    return guide.model_copy(update={"skill_gap": SkillGap(have=have, missing=missing), "roadmap": steps,
                                    "snapshot": snapshot, "courses": courses})


def personalise(data: SiteData, slug: str, *, skills: list[str], resume_text: str | None,
                hours_per_week: float) -> tuple[Guide, str] | None:
    """(personalised guide, method) or None when the role has no guide."""
    build = _upstream("careerpath.guide.build", "build_guide")
    if build is not None and slug in data.by_slug and data.has("profiles"):
        try:
            guide = build(data.cursor(), slug, have_skills=skills, resume_text=resume_text,
                          hours_per_week=(hours_per_week, hours_per_week))
            if guide is not None and not isinstance(guide, Guide):
                guide = Guide.model_validate(guide if isinstance(guide, dict) else guide.model_dump())
            if guide is not None:
                return guide, "build_guide"
        except InputError:
            raise
        except Exception:  # noqa: BLE001 - the fallback still gives a useful answer; the log says why
            log.exception("build_guide failed for %s; using the web fallback", slug)
    base = data.guide(slug)
    if base is None:
        return None
    return fallback_personalise(base, skills, resume_text, hours_per_week), "fallback"
