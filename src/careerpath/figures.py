"""A figure is a number a user will see, never without its source and as-of date.

Every stage that produces a number for a person (profiles, guides, pages) produces a `Figure`; the
`source` is an id from the store's `sources` table, so a reader can always find publisher, licence
and file behind it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Figure(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: float
    unit: str  # "USD/year", "GBP/year", "percent", "months", "persons", "share", "hours", ...
    source: str  # an id from `sources`, or a derived id such as "careerpath:postings" (see note)
    as_of: str  # "YYYY" or "YYYY-MM"
    note: str | None = None  # method, sample size, caveats ("median of 412 postings", "at or above $239,200")
    n: int | None = None  # sample size where the figure is computed from records


def as_value(value: object) -> float | None:
    """A number a figure can hold, or None for missing, non-numeric or NaN input."""
    if value is None:
        return None
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def figure(value: float | int | None, unit: str, source: str, as_of: str, note: str | None = None,
           n: int | None = None) -> Figure | None:
    """Build a Figure, or None when there is no value: a missing number stays missing, never zero."""
    v = as_value(value)
    if v is None:
        return None
    return Figure(value=v, unit=unit, source=source, as_of=as_of, note=note, n=n)
