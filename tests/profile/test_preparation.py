"""O*NET's Education, Training, and Experience answers as months beside the roadmap's learning time."""

from __future__ import annotations

import csv

import pytest

from careerpath.profile.assemble import FigureMaker, category_months, preparation

SOURCES = {"onet-29.0": {"as_of": "2024-08"}}


def _rows(scale: str, shares: list[float], descriptions: list[str], n: int = 19) -> list[dict]:
    return [dict(scale_id=scale, element={"RW": "Related Work Experience", "OJ": "On-the-Job Training",
                                          "PT": "On-Site or In-Plant Training"}[scale],
                 category=i + 1, description=d, source_id="onet-29.0", surveyed="08/2021", n=n if i == 0 else None,
                 pct=p) for i, (p, d) in enumerate(zip(shares, descriptions))]


RW = ["None", "Up to and including 1 month", "Over 1 month, up to and including 3 months",
      "Over 3 months, up to and including 6 months", "Over 6 months, up to and including 1 year",
      "Over 1 year, up to and including 2 years", "Over 10 years"]


def test_every_onet_duration_category_reads_as_a_growing_month_span(shared_data):
    """Read from the real categories file, so a new O*NET wording that the reader misses fails here."""
    with open(shared_data / "onet" / "Education, Training, and Experience Categories.txt", encoding="utf-8",
              newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["Scale ID"] in ("RW", "PT", "OJ")]
    assert len(rows) >= 25
    by_scale: dict[str, list[tuple[int, str]]] = {}
    for r in rows:
        by_scale.setdefault(r["Scale ID"], []).append((int(r["Category"]), r["Category Description"]))
    for scale, cats in by_scale.items():
        spans = [category_months(d) for _, d in sorted(cats)]
        assert spans[0] == (0.0, 0.0), scale
        assert spans[-1][1] is None and spans[-1][0] >= 120, scale  # "Over 10 years": open-ended
        for (lo1, hi1), (lo2, hi2) in zip(spans, spans[1:]):
            assert hi1 is not None and lo1 <= hi1 <= lo2 + 1e-9 and (hi2 is None or lo2 < hi2), (scale, spans)


def test_the_median_answer_not_the_most_common_one():
    """49% say none and 51% some experience: the median is in the experience, where a mode would say none."""
    rows = _rows("RW", [49.0, 0.0, 0.0, 21.0, 20.0, 10.0, 0.0], RW)
    (p,) = preparation(rows, FigureMaker(SOURCES))
    assert p.kind == "Related Work Experience"
    assert p.median == "Over 3 months, up to and including 6 months" and (p.low_months, p.high_months) == (3.0, 6.0)
    assert p.share_none.value == 49.0 and p.share_none.source == "onet-29.0" and p.share_none.as_of == "2024-08"
    assert p.share_none.n == 19 and "surveyed 08/2021" in p.share_none.note and p.surveyed == "08/2021"


def test_shares_are_normalised_and_missing_scales_left_out():
    """A role spanning occupations has weighted shares that need not sum to 100; a scale O*NET did not ask
    about for the occupation is left out, not shown as 'none'."""
    rows = _rows("OJ", [10.0, 10.0, 30.0, 0.0, 0.0, 0.0, 0.0], RW) + _rows("PT", [0.0] * 7, RW)
    (p,) = preparation(rows, FigureMaker(SOURCES))
    assert p.kind == "On-the-Job Training" and p.median == "Over 1 month, up to and including 3 months"
    assert p.share_none.value == pytest.approx(20.0)
    assert preparation([], FigureMaker(SOURCES)) == []
