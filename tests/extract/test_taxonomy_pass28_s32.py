"""Issue 4, 28th pass (s32, session 25): ESCO's run-on alternative-label strings ("geospatial technologies GPS geographic
information systems RS rs remote sensing gps GIS ...") are dropped by the taxonomy (more than 8 words), and with them the
acronym postings write; `taxonomy.run_on_acronyms` keeps the label's own acronym from such a string, matched in capitals only."""

from __future__ import annotations

import pandas as pd

from careerpath import store
from careerpath.extract.taxonomy import ACRONYM_OTHER_SENSE, build_taxonomy, run_on_acronyms

GIS_ALT = "geospatial technologies GPS geographic information systems RS rs remote sensing gps GIS global positioning systems gis"


def test_the_labels_initials_in_a_run_on_string_are_kept():
    assert run_on_acronyms("geographic information systems", GIS_ALT) == ["GIS"]
    assert run_on_acronyms("pay-per-click", "online advertising model pay per click advertising PPC cost per click CPC ad") == ["PPC"]
    assert run_on_acronyms("customer relationship management", "CRM customer management client relationship management x y z") \
        == ["CRM"]
    # not another word's capitals, not the initials written in lower case, not inside a longer word
    assert run_on_acronyms("geographic information systems", "GPS RS remote sensing global positioning systems gis x y") == []
    assert run_on_acronyms("geographic information systems", "ArcGIS QGIS GISx and more words of the string here") == []
    # two letters are too few to be a name ("query languages" -> QL), and an acronym the postings use for something else is left
    assert run_on_acronyms("query languages", "QL query language and some other words of a long string") == []
    assert "CSR" in ACRONYM_OTHER_SENSE
    assert run_on_acronyms("corporate social responsibility", "CSR corporate responsibility and other words of the string") == []


def _aliases(tmp_path, esco: list[tuple[str, str, list[str]]]) -> dict[tuple[str, str], tuple[str, str]]:
    with store.building(tmp_path / "a.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": [u for u, _, _ in esco], "preferred_label": [p for _, p, _ in esco], "alt_labels": [a for _, _, a in esco],
            "definition": ["The tools of geographic mapping." for _ in esco]}))
        build_taxonomy(con)
        return {(a, s): (k, r) for a, s, k, r in con.execute(
            "SELECT a.alias, s.name, a.kind, a.rule FROM skill_aliases a JOIN skills s USING (skill_id)").fetchall()}


def test_the_build_keeps_the_acronym_in_capitals_only(tmp_path):
    rows = _aliases(tmp_path, [("u:gis", "geographic information systems", [GIS_ALT, "GIS software"]),
                               ("u:cbt", "cognitive behavioural therapy", ["CBT"])])
    assert rows[("GIS", "geographic information systems")] == ("acronym", "upper")
    assert rows[("GIS software", "geographic information systems")][0] == "alt"
    assert not any(a == GIS_ALT for a, _ in rows)  # the run-on string itself stays out
    assert ("CBT", "cognitive behavioural therapy") in rows and rows[("CBT", "cognitive behavioural therapy")][0] == "alt"


def test_an_acronym_hit_needs_capitals(tmp_path):
    from careerpath.extract.skills import ExtractConfig, SkillExtractor

    with store.building(tmp_path / "b.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": ["u:gis"], "preferred_label": ["geographic information systems"], "alt_labels": [[GIS_ALT]],
            "definition": ["The tools of geographic mapping."]}))
        build_taxonomy(con)
        ex = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))
        assert [h.name for h in ex.extract("Reading specifications such as GIS and CAD figures", semantic=False)] == \
            ["geographic information systems"]
        assert ex.extract("the gis of it", semantic=False) == []
