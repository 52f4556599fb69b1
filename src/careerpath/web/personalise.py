"""Personalising a guide: résumé uploads read safely, then `careerpath.guide.build.build_guide` with the
person's skills, résumé text and pace (the web keeps no skill matching of its own)."""

from __future__ import annotations

import io
import re

from careerpath.errors import InputError
from careerpath.guide.build import build_guide
from careerpath.guide.model import Guide
from careerpath.web.data import SiteData

MAX_PDF_PAGES = 30


class UnsupportedUpload(InputError):
    """A résumé file of a type we do not read."""


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


def split_skills(raw: str | list[str] | None) -> list[str]:
    """Typed skills, deduplicated and bounded: form fields and JSON bodies are untrusted input."""
    items = raw if isinstance(raw, list) else re.split(r"[,;\n]", raw or "")
    out = []
    for s in items:
        s = " ".join(str(s).split())[:80]
        if s and s.lower() not in {o.lower() for o in out}:
            out.append(s)
    return out[:100]


def personalise(data: SiteData, slug: str, *, skills: list[str], resume_text: str | None,
                hours_per_week: float) -> tuple[Guide, str] | None:
    """(personalised guide, method) or None when `slug` is no role: the guide builder, run on the store.

    The same function as `careerpath guide --skills/--resume`, so the site and the CLI agree on a gap.
    """
    if slug not in data.by_slug:
        return None
    guide = build_guide(data.cursor(), slug, have_skills=skills, resume_text=resume_text,
                        hours_per_week=(hours_per_week, hours_per_week))
    return guide, "build_guide"
