"""O*NET-SOC -> BLS crosswalk: exact, aggregate, no match; then the real data."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from careerpath.sources import bls
from careerpath.sources.crosswalk import COLUMNS, build_crosswalk, coverage

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _onet(*codes: str) -> pd.DataFrame:
    return pd.DataFrame({"soc_code": list(codes), "soc6": [c[:7] for c in codes]})


def _oews(*codes: str, group: str = "detailed") -> pd.DataFrame:
    return pd.DataFrame({"soc6": list(codes), "o_group": group, "year": 2025})


def _ep(*codes: str) -> pd.DataFrame:
    return pd.DataFrame({"soc6": list(codes), "occ_type": "Line item"})


def _lookup(cw: pd.DataFrame, dataset: str) -> dict[str, list[tuple[str, str, float]]]:
    out: dict[str, list] = {}
    for r in cw[cw["dataset"] == dataset].itertuples():
        out.setdefault(r.onet_soc, []).append((r.bls_soc, r.match, r.weight))
    return out


def test_exact_aggregate_and_unmatched() -> None:
    onet = _onet("15-1252.00", "15-1299.08", "15-1299.09", "13-1021.00", "13-1022.00", "55-1011.00")
    oews = pd.concat([_oews("15-1252", "15-1299", "13-1020"), _oews("15-1250", "13-1020", group="broad")])
    cw = build_crosswalk(onet, oews, _ep("15-1252", "13-1021"))
    assert list(cw.columns) == COLUMNS
    o = _lookup(cw, "oews")
    assert o["15-1252.00"] == [("15-1252", "exact", 1.0)]
    assert o["15-1299.08"] == o["15-1299.09"] == [("15-1299", "exact", 1.0)]
    assert o["13-1021.00"] == o["13-1022.00"] == [("13-1020", "aggregate", 1.0)]
    assert "55-1011.00" not in o
    e = _lookup(cw, "ep")
    assert e["13-1021.00"] == [("13-1021", "exact", 1.0)] and "13-1022.00" not in e


def test_summary_and_broad_rows_are_not_match_targets() -> None:
    onet = _onet("15-1252.00", "15-1211.00")
    ep = pd.concat([_ep("15-1252"), pd.DataFrame({"soc6": ["15-1210", "15-1200"], "occ_type": "Summary"})])
    cw = build_crosswalk(onet, _oews("15-1252"), ep)
    assert set(cw["onet_soc"]) == {"15-1252.00"}


def test_aggregate_needs_same_broad_group_and_splits_weight_when_ambiguous() -> None:
    onet = _onet("21-1011.00", "21-1014.00", "31-1121.00")
    cw = build_crosswalk(onet, _oews("21-1018", "31-1120", "31-1128"), _ep("21-1018"))
    o = _lookup(cw, "oews")
    assert o["21-1011.00"] == o["21-1014.00"] == [("21-1018", "aggregate", 1.0)]
    assert sorted(o["31-1121.00"]) == [("31-1120", "aggregate", 0.5), ("31-1128", "aggregate", 0.5)]
    assert cw.groupby(["dataset", "onet_soc"])["weight"].sum().eq(1.0).all()


def test_inputs_are_not_modified() -> None:
    onet, oews, ep = _onet("15-1252.00"), _oews("15-1252"), _ep("15-1252")
    before = [d.copy() for d in (onet, oews, ep)]
    build_crosswalk(onet, oews, ep)
    for a, b in zip(before, (onet, oews, ep)):
        pd.testing.assert_frame_equal(a, b)


def _real_onet() -> pd.DataFrame:
    path = DATA / "onet" / "Occupation Data.txt"
    if not path.is_file() or not (DATA / bls.NATIONAL_FILES[2025]).is_file():
        pytest.skip("shared data not present")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    return df.rename(columns={"O*NET-SOC Code": "soc_code"})


@pytest.mark.slow
def test_real_crosswalk() -> None:
    onet = _real_onet()
    loaded = {r.source.id: r for r in bls.load(DATA)}
    oews = loaded["bls-oews-2025"].tables["oews_national"]
    ep = loaded["bls-ep-2024-34"].tables["ep_projections"]
    cw = build_crosswalk(onet, oews, ep)
    o = _lookup(cw, "oews")
    assert o["15-1252.00"] == [("15-1252", "exact", 1.0)]
    assert o["13-1021.00"] == [("13-1020", "aggregate", 1.0)]
    assert o["53-1042.00"] == [("53-1047", "aggregate", 1.0)]
    # every O*NET code whose 6-digit SOC is not published but whose broad group has an OEWS aggregate
    detailed = set(oews.loc[oews["o_group"] == "detailed", "soc6"])
    onet_soc6 = set(onet["soc_code"].str[:7])
    aggregates = {c[:6]: c for c in detailed - onet_soc6}
    expected = {c: aggregates[c[:6]] for c in onet["soc_code"] if c[:7] not in detailed and c[:6] in aggregates}
    assert len(expected) >= 30
    for code, agg in expected.items():
        assert o[code] == [(agg, "aggregate", 1.0)]
    cov = coverage(cw, onet)
    assert cov["oews_matched"] >= 990 and cov["ep_matched"] >= 990
    assert _lookup(cw, "ep")["15-2051.00"] == [("15-2051", "exact", 1.0)]
