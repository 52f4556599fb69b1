"""Issue 4, twenty-third pass: taxonomy-side fixes. A product's name with its vendor stripped ("SAP Data Services" ->
"Data Services") made of everyday words names the product only with its capitals; "data analytics" is ESCO's own
concept, not the curated alias of *perform data analysis*; run-on ESCO labels that say themselves again in other
forms of their words are split (`sources/esco_labels._parallel_cut`)."""

from __future__ import annotations

import pandas as pd

from careerpath import store
from careerpath.extract.taxonomy import _vendor_stripped_words, build_taxonomy, load_overrides

COMMON = {"data", "services", "digital", "analytics", "pipeline", "business", "intelligence", "operating", "system"}


def test_a_vendor_stripped_name_of_everyday_words_is_recognised():
    assert _vendor_stripped_words("Data Services", "SAP Data Services", COMMON)
    assert _vendor_stripped_words("Digital Analytics", "IBM Digital Analytics", COMMON)
    assert _vendor_stripped_words("Data Pipeline", "Amazon Data Pipeline", COMMON)
    # a name with a word of its own is a name in any case; one word has its own rules
    assert not _vendor_stripped_words("Data Guard", "Oracle Data Guard", COMMON)
    assert not _vendor_stripped_words("Services", "SAP Services", COMMON)
    # a generic concept a vendor's product linked to is not the product without its vendor
    assert not _vendor_stripped_words("business intelligence", "business intelligence", COMMON)
    assert not _vendor_stripped_words("operating system", "operating systems", COMMON)
    # no vendor
    assert not _vendor_stripped_words("Data Services", "Acme Data Services", COMMON)


def _rules(tmp_path, esco: list[tuple], tech: list[str], keywords: list[str] = ()) -> dict[tuple[str, str], str]:
    definitions = ["The data services and digital analytics of a business.", "The data of the business services, digital "
                   "analytics.", "Some digital services, data and analytics in business."]  # the everyday words, in lower case
    with store.building(tmp_path / "v.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": [u for u, _, _ in esco], "preferred_label": [p for _, p, _ in esco], "alt_labels": [[] for _ in esco],
            "definition": [d or definitions[i % 3] for i, (_, _, d) in enumerate(esco)]}))
        if tech:
            store.write_table(con, "onet_technology_skills", pd.DataFrame({
                "soc_code": ["15-1252.00"] * len(tech), "example": tech, "commodity_code": ["1"] * len(tech),
                "commodity_title": ["Data base management system software"] * len(tech),
                "hot_technology": [False] * len(tech), "in_demand": [False] * len(tech)}))
        if keywords:
            store.write_table(con, "skill_keywords", pd.DataFrame({"name": list(keywords), "type": ["other"] * len(keywords)}))
        build_taxonomy(con)
        return {(a, s): r for a, s, r in con.execute(
            "SELECT a.alias, s.name, a.rule FROM skill_aliases a JOIN skills s USING (skill_id)").fetchall()}


def test_a_vendor_stripped_variant_takes_the_case_rule(tmp_path):
    rules = _rules(tmp_path, [("u:sap", "SAP Data Services", "The computer program SAP Data Services is a tool."),
                              ("u:x1", "data x", None), ("u:x2", "business x", None), ("u:x3", "digital x", None)],
                   ["IBM Digital Analytics", "Oracle Data Guard"])
    assert rules[("Data Services", "SAP Data Services")] == "case"
    assert rules[("SAP Data Services", "SAP Data Services")] == "none"
    assert rules[("Digital Analytics", "IBM Digital Analytics")] == "case"
    assert rules[("Data Guard", "Oracle Data Guard")] == "none"  # "guard": a word of its own


def test_a_name_the_keyword_list_writes_in_lower_case_keeps_matching_in_lower_case(tmp_path):
    rules = _rules(tmp_path, [("u:x1", "data x", None), ("u:x2", "business x", None), ("u:x3", "digital x", None)],
                   ["IBM Digital Analytics"], ["digital analytics"])
    assert rules.get(("Digital Analytics", "IBM Digital Analytics"), "none") == "none"


def test_data_analytics_is_not_an_alias_of_perform_data_analysis():
    rows = [r for r in load_overrides() if r["kind"] == "alias" and r["name"] == "perform data analysis"]
    assert rows and all("data analytics" not in r["value"].lower().split("|") for r in rows)
    assert "data analysis" in rows[0]["value"].split("|")


def test_data_analytics_reaches_its_own_concept(tmp_path):
    with store.building(tmp_path / "d.duckdb") as con:
        store.write_table(con, "esco_skills", pd.DataFrame({
            "uri": ["u:pda", "u:da"], "preferred_label": ["perform data analysis", "data analytics"],
            "alt_labels": [[], []], "definition": ["Collect data and analyse it.", "The science of analysing raw data."]}))
        build_taxonomy(con)
        owner = dict(con.execute("SELECT a.norm, s.name FROM skill_aliases a JOIN skills s USING (skill_id)").fetchall())
    assert owner["data analytics"] == "data analytics"
    assert owner["data analysis"] == "perform data analysis"
