"""The hand-labelled title dev sets (bench/bench_resolve.py) stay well-formed and disjoint."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from careerpath.extract.normalize import normalize

DATA = Path(__file__).resolve().parents[1] / "data"
CODE = re.compile(r"^\d\d-\d{4}\.\d\d$")


def _sets() -> dict[str, pd.DataFrame]:
    return {p.stem: pd.read_csv(p, sep="\t", dtype=str, keep_default_na=False, quoting=3)
            for p in sorted(DATA.glob("titles_dev*.tsv"))}


def test_columns_and_codes() -> None:
    sets = _sets()
    assert "titles_dev5" in sets
    for name, df in sets.items():
        assert list(df.columns) == ["title", "soc_code", "also_ok", "source"], name
        assert all(CODE.match(c) for c in df.soc_code), name
        also = [a for cell in df.also_ok for a in cell.split("|") if a]
        assert all(CODE.match(a) for a in also), name
        assert all(s not in cell.split("|") for s, cell in zip(df.soc_code, df.also_ok)), name


def test_the_blind_set_shares_no_title_with_the_earlier_ones() -> None:
    sets = _sets()
    earlier = {normalize(t).text for name, df in sets.items() if name != "titles_dev5" for t in df.title}
    dev5 = [normalize(t).text for t in sets["titles_dev5"].title]
    assert len(dev5) == 100 and len(set(dev5)) == 100
    assert not set(dev5) & earlier
