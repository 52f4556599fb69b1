"""The hand-labelled title dev sets (bench/bench_resolve.py) stay well-formed and disjoint."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest


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


def _before(k: int) -> tuple[str, ...]:
    """The sets drawn before dev`k`: dev, dev2 ... dev`k-1`."""
    return ("titles_dev", *(f"titles_dev{m}" for m in range(2, k)))


#: (k, titles) of every set labelled blind against all the sets before it (dev9 was not drawn disjoint)
BLIND = [(5, 100), (6, 100), (7, 60), (8, 60), (10, 50), (11, 98), (12, 98), (13, 98), (14, 63), (15, 63),
         (16, 119), (17, 119), (18, 119), (19, 119), (20, 119), (21, 119), (22, 119), (23, 98), (24, 98), (25, 98),
         (26, 98), (27, 98), (28, 98), (29, 98), (30, 98), (31, 98), (32, 98)]


@pytest.mark.parametrize("blind, n, before", [(f"titles_dev{k}", n, _before(k)) for k, n in BLIND])
def test_a_blind_set_shares_no_title_with_the_earlier_ones(blind, n, before) -> None:
    """Raw titles: the sets were drawn disjoint under the normaliser of their day, which has changed since."""
    sets = _sets()
    earlier = {" ".join(t.lower().split()) for name in before for t in sets[name].title}
    titles = [" ".join(t.lower().split()) for t in sets[blind].title]
    assert len(titles) == n and len(set(titles)) == n
    assert not set(titles) & earlier


@pytest.mark.parametrize("name", ["titles_dev11", "titles_dev12", "titles_dev13", "titles_dev14", "titles_dev15",
                                  "titles_dev16", "titles_dev17", "titles_dev18", "titles_dev19",
                                  "titles_dev20", "titles_dev21", "titles_dev22", "titles_dev24", "titles_dev25",
                                  "titles_dev26", "titles_dev27", "titles_dev28",
                                  "titles_dev29", "titles_dev30", "titles_dev31", "titles_dev32"])
def test_per_source_sets_draw_each_source_equally(name) -> None:
    """`--per-source 14`: every source of the sampler's SOURCES contributes 14 titles (LukeBarousse's 125k postings
    count no more than LA City's 683); dev14 and dev15 `--per-source 9`, dev16 to dev22 `--per-source 17`, dev24
    to dev32 `--per-source 14`."""
    counts = _sets()[name].source.value_counts()
    per = {"titles_dev14": 9, "titles_dev15": 9, "titles_dev16": 17, "titles_dev17": 17, "titles_dev18": 17,
           "titles_dev19": 17, "titles_dev20": 17, "titles_dev21": 17,
           "titles_dev22": 17}.get(name, 14)
    assert len(counts) == 7 and set(counts) == {per}


def test_dev23_weights_la_city_and_the_uk() -> None:
    """dev23 leans on the weakest sources: the first 30 LA City titles, 18 Adzuna UK and 18 NHS, 8 of each other."""
    counts = _sets()["titles_dev23"].source.value_counts().to_dict()
    assert counts == {"la": 30, "adzuna": 18, "nhs": 18, "bookcamp": 8, "glassdoor": 8, "lukebarousse": 8,
                      "nofluffjobs": 8}


def test_the_per_source_sampler(tmp_path) -> None:
    import sys

    import duckdb

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import bench_resolve as B

    con = duckdb.connect(str(tmp_path / "p.duckdb"))
    def word(i: int) -> str:  # distinct letters-only words (digits are dropped by the normaliser)
        return "zq" + "".join(chr(97 + int(d)) for d in str(i))

    rows = [(f"a{i}", "postings-lukebarousse-2024", f"{word(i)} Analyst", None, None) for i in range(50)]
    rows += [(f"b{i}", "postings-nhs-jobs-uk-2020", f"{word(i)} Nurse", None, None) for i in range(3)]
    rows += [("c0", "postings-nhs-jobs-uk-2020", "Data Engineer", None, None)]  # in titles_dev: skipped
    con.execute("CREATE TABLE postings (posting_id VARCHAR, source_id VARCHAR, title VARCHAR, description VARCHAR, "
                "duplicate_of VARCHAR)")
    con.executemany("INSERT INTO postings VALUES (?, ?, ?, ?, ?)", rows)
    out = B.sample_titles(con, 0, 7, per_source=5)
    assert out.source.value_counts().to_dict() == {"lukebarousse": 5, "nhs": 3}
    assert "Data Engineer" not in set(out.title)
    assert len(B.sample_titles(con, 6, 7)) == 6   # without it: n postings drawn uniformly
