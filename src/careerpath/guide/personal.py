"""What a person already has: skills typed with --skills or read from a résumé (text or PDF)."""

from __future__ import annotations

import io
from pathlib import Path

from careerpath.errors import InputError

MAX_BYTES = 2_000_000
MAX_CHARS = 200_000


def read_resume(path: str | Path) -> str:
    """The text of a résumé file, bounded: at most 2 MB read and 200,000 characters kept."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: résumé file not found")
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"{p}: résumé is larger than {MAX_BYTES // 1_000_000} MB")
    data = p.read_bytes()
    return resume_text(data)


def resume_text(data: bytes) -> str:
    if data[:5] == b"%PDF-":
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data))
            parts, n = [], 0
            for page in reader.pages:
                t = page.extract_text() or ""
                parts.append(t)
                n += len(t)
                if n >= MAX_CHARS:
                    break
        except (PdfReadError, ValueError, KeyError) as e:
            raise InputError(f"résumé PDF could not be read: {e}") from None
        return "\n".join(parts)[:MAX_CHARS]
    try:
        return data.decode("utf-8")[:MAX_CHARS]
    except UnicodeDecodeError:
        return data.decode("latin-1")[:MAX_CHARS]


def parse_skills(text: str | None) -> list[str]:
    return [s.strip() for s in (text or "").split(",") if s.strip()]


def parse_pace(text: str | float | tuple | None) -> tuple[float, float]:
    """'15-20' → (15, 20); '10' → (10, 10). Hours per week must be within 1-80."""
    if text is None:
        return (15.0, 20.0)
    if isinstance(text, tuple):
        lo, hi = text
    else:
        parts = str(text).replace("–", "-").split("-")
        try:
            nums = [float(p) for p in parts if p.strip()]
        except ValueError:
            raise InputError(f"--hours-per-week {text!r}: expected N or LO-HI, e.g. 15-20") from None
        if len(nums) not in (1, 2):
            raise InputError(f"--hours-per-week {text!r}: expected N or LO-HI, e.g. 15-20")
        lo, hi = nums[0], nums[-1]
    lo, hi = float(min(lo, hi)), float(max(lo, hi))
    if not (1 <= lo and hi <= 80):
        raise InputError(f"--hours-per-week {text!r}: expected hours between 1 and 80")
    return (lo, hi)
