"""ESCO label repair: cut-short labels get their tail back, run-on labels are split."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from careerpath.sources.esco_labels import extend_one_word_label, repair_labels, split_run_on_label


def test_truncated_and_run_on_labels_are_repaired() -> None:
    """Two concepts share a label because the narrow one's label was cut short (its tail became the first
    alternative label): the general concept keeps the name. Run-on labels (label and alternative labels in
    one string) are split at the repeated prefix; a trailing definition start moves to the definition."""
    rows = [
        {"uri": "u:detail-audits", "preferred_label": "attend to detail",
         "alt_labels": ["in preparation for audits", "ensure continuous preparedness for audits"],
         "definition": "Ensure constant compliance with standards, keeping certifications up to date.", "label_method": "label_file"},
        {"uri": "u:detail", "preferred_label": "attend to detail", "alt_labels": ["work meticulously"],
         "definition": "Accomplish a task with concern for all the areas involved, no matter how small.", "label_method": "label_file"},
        {"uri": "u:ethics", "preferred_label": "data ethics principles of data ethics", "alt_labels": [],
         "definition": "The subfield of ethics that assesses data practices.", "label_method": "segment"},
        {"uri": "u:comm", "preferred_label": "business communication business communication process", "alt_labels": [],
         "definition": "The process of communicating within the workplace.", "label_method": "segment"},
        {"uri": "u:ebiz", "preferred_label": "electronic business E-business Any business process that is implemented online",
         "alt_labels": [], "definition": "It deals with business models.", "label_method": "segment"},
        {"uri": "u:budget", "preferred_label": "manage budgets", "alt_labels": ["control budgets"],
         "definition": "Plan, monitor and report on the budget.", "label_method": "label_file"},
    ]
    out = repair_labels(pd.DataFrame(rows)).set_index("uri")
    assert out.loc["u:detail", "preferred_label"] == "attend to detail"
    assert out.loc["u:detail-audits", "preferred_label"] == "attend to detail in preparation for audits"
    assert list(out.loc["u:detail-audits", "alt_labels"]) == ["ensure continuous preparedness for audits"]
    assert out.loc["u:ethics", "preferred_label"] == "data ethics"
    assert "principles of data ethics" in list(out.loc["u:ethics", "alt_labels"])
    assert out.loc["u:comm", "preferred_label"] == "business communication"
    assert out.loc["u:ebiz", "preferred_label"] == "electronic business E-business"
    assert out.loc["u:ebiz", "definition"].startswith("Any business process that is implemented online")
    assert out.loc["u:budget", "preferred_label"] == "manage budgets"  # clean rows pass unchanged


def test_run_on_label_split_rules() -> None:
    ends, starts = Counter({"strategies": 5, "renewable": 0}), Counter({"renewable": 4})
    assert split_run_on_label("talent management strategies talent management", ends, starts)[:2] == (
        "talent management strategies", ["talent management"])
    assert split_run_on_label("wind energy renewable wind energy wind power", ends, starts)[0] == "wind energy"
    assert split_run_on_label("Luxembourgish Luxembourgish competent in Luxembourgish", ends, starts)[0] == "Luxembourgish"
    # a cut that leaves the rest starting with a function word is not a split ("risks associated | to physical ...");
    # the label ends where the run starts again (twenty-third pass, `_parallel_cut`: the whole label's words again)
    assert split_run_on_label("risks associated to physical hazards risks associated", ends, starts)[0] == (
        "risks associated to physical hazards")
    assert split_run_on_label("perform PCR covid test conduct PCR covid test", ends, starts)[0] == (
        "perform PCR covid test conduct PCR covid test")  # "test" ends no label here: no cut


def test_a_run_on_label_ends_where_an_alternative_names_it_again_in_other_words() -> None:
    ends = Counter({"software": 40, "administration": 9, "test": 6, "modelling": 3, "lubricants": 2, "social": 1,
                    "samples": 2, "holographic": 0})
    starts = Counter({"social": 12, "data": 30})
    cut = lambda label: split_run_on_label(label, ends, starts)[:2]  # noqa: E731
    # the next words end as the label does
    assert cut("data visualisation software data presentation software") == (
        "data visualisation software", ["data presentation software"])
    assert cut("public administration government administration public service administration")[0] == \
        "public administration"
    assert cut("perform PCR covid test conduct PCR covid test")[0] == "perform PCR covid test"
    # the first word starts the run again
    assert cut("mathematical modelling mathematical simulation mathematical computation")[0] == \
        "mathematical modelling"
    # the run's last word ends the label too
    assert cut("types of lubricants lubricants varieties of lubricants classes of lubricants")[0] == \
        "types of lubricants"
    # a word that starts labels more often than it ends them, or ends none, is no label's end
    assert cut("clinical social work social services")[0] == "clinical social work social services"
    assert cut("holography holographic technique")[0] == "holography holographic technique"
    # a label of one run with nothing repeated stays whole
    assert cut("electronic business E-business")[0] == "electronic business E-business"


def test_nothing_to_repair_without_alt_labels() -> None:
    df = pd.DataFrame({"uri": ["u:1"], "preferred_label": ["manage staff"]})
    assert repair_labels(df).equals(df)


def test_a_label_cut_after_a_function_word_takes_back_the_name_the_definition_opens_with():
    from careerpath.sources.esco_labels import complete_cut_label

    assert complete_cut_label("code of", "Conduct for Responsible Fisheries coverage of Code of Conduct") == (
        "code of Conduct for Responsible Fisheries", "coverage of Code of Conduct")
    assert complete_cut_label("establish an", "Information Security Management System apply an ISMS")[0] == \
        "establish an Information Security Management System"
    assert complete_cut_label("use the", "GPS to navigate")[0] == "use the GPS"  # an acronym alone is a name


def test_an_ordinary_definition_is_not_taken_for_a_name():
    from careerpath.sources.esco_labels import complete_cut_label

    for label, definition in [("comply with", "Any rules."), ("work in", "Teams across the company"),
                              ("manage staff", "The management of staff."), ("code of", "Conduct")]:
        assert complete_cut_label(label, definition) == (label, definition)


def test_one_word_fragments_leave_the_alternates_synonyms_and_acronyms_stay():
    from careerpath.sources.esco_labels import drop_stray_alternates

    assert drop_stray_alternates("hazardous waste storage", ["rules", "storage of hazardous waste", "Rules"]) == [
        "storage of hazardous waste"]
    assert drop_stray_alternates("tend paint mixer", ["operating", "mixer tending", "paint-mixing"]) == [
        "mixer tending", "paint-mixing"]
    assert drop_stray_alternates("operate private branch exchange", ["PBX", "switchboard"]) == ["PBX"]
    assert drop_stray_alternates("accounting", ["bookkeeping"]) == ["bookkeeping"]
    assert drop_stray_alternates("manage time", None) == []


def test_the_first_word_alone_is_a_fragment_but_the_head_and_vendor_names_stay():
    from careerpath.sources.esco_labels import drop_stray_alternates

    assert drop_stray_alternates("test hardware", ["testing", "hardware testing"]) == ["hardware testing"]
    assert drop_stray_alternates("types of wind turbines", ["types", "turbines"]) == ["turbines"]
    assert drop_stray_alternates("manage budgets", ["budgeting"]) == ["budgeting"]  # the head, not the verb
    assert drop_stray_alternates("Teradata Database", ["Teradata"]) == ["Teradata"]  # capitalised: a name


def test_a_one_word_label_cut_before_its_repeated_second_word_gets_it_back() -> None:
    """ "management" + "consulting business management consulting": the pair "management consulting" recurs in
    the run, so it is the label (the bare word had matched most postings as this concept)."""
    assert extend_one_word_label("management", "consulting business management consulting") == (
        "management consulting", ["business management consulting"])
    # no recurring pair, or a label of two words or more: unchanged
    assert extend_one_word_label("materials", "engineering materials technology battery material materials science") == (
        "materials", [])
    assert extend_one_word_label("data ethics", "principles of data ethics") == ("data ethics", [])
    assert extend_one_word_label("hydrology", "") == ("hydrology", [])
    rows = [{"uri": "u:mc", "preferred_label": "management", "alt_labels": ["consulting business management", "consulting"],
             "definition": "The process of giving paid advice.", "label_method": "segment",
             "alt_text": "consulting business management consulting"},
            {"uri": "u:hr", "preferred_label": "management", "alt_labels": ["consulting"], "definition": "x.",
             "label_method": "label_file", "alt_text": "consulting business management consulting"}]
    out = repair_labels(pd.DataFrame(rows)).set_index("uri")
    assert out.loc["u:mc", "preferred_label"] == "management consulting"
    assert list(out.loc["u:mc", "alt_labels"]) == ["business management consulting"]
    assert out.loc["u:hr", "preferred_label"] == "management"  # labels from the label list are trusted


def test_a_tail_every_form_shares_goes_back_on_the_label_and_its_alternatives() -> None:
    from careerpath.sources.esco_labels import rejoin_shared_tail

    assert rejoin_shared_tail("clarify how various components",
                              ["work together", "interpret how different components", "understand how various components"]) == (
        "clarify how various components work together",
        ["interpret how different components work together", "understand how various components work together"])
    # a first alternative that names the head noun again is a whole form, not a tail
    assert rejoin_shared_tail("battery management systems", ["battery control systems", "battery monitoring systems"])[0] == \
        "battery management systems"
    assert rejoin_shared_tail("analyse music score", ["analyse scores", "review score"])[0] == "analyse music score"
    # alternatives that end otherwise: no shared tail
    assert rejoin_shared_tail("manage staff", ["work together", "lead people"])[0] == "manage staff"


def test_an_alternate_cut_after_a_function_word_is_dropped_whatever_the_label():
    """ "purpose of" was an alternative label of the MARPOL convention: as an alias it matched "the purpose of this role"."""
    from careerpath.sources.esco_labels import drop_stray_alternates

    marpol = "International Convention for the Prevention of Pollution from Ships"
    assert drop_stray_alternates(marpol, ["purpose of", "MARPOL"]) == ["MARPOL"]
    assert drop_stray_alternates("geomatics", ["the study of", "geomatic engineering"]) == ["geomatic engineering"]
    assert drop_stray_alternates("Prince2 project management", ["PRojects IN", "PRINCE2"]) == ["PRINCE2"]
    assert drop_stray_alternates("adhere to OHSAS 18001", ["adhere to"]) == []
    # a whole phrase that ends in "with" stays, and so do function words inside a label
    assert drop_stray_alternates("ensure compliance with railway regulation",
                                 ["ensure railway legislation is complied with", "comply with rail rules"]) == [
        "ensure railway legislation is complied with", "comply with rail rules"]
    rows = [{"uri": "u:m", "preferred_label": marpol, "alt_labels": ["purpose of", "MARPOL"], "definition": "x."}]
    assert list(repair_labels(pd.DataFrame(rows))["alt_labels"][0]) == ["MARPOL"]


def test_a_run_on_label_ends_where_an_alternative_says_it_again_in_other_forms_of_its_words() -> None:
    """Twenty-third pass (`_parallel_cut`): "computational chemistry chemical computing" was one label, so a text's
    "computational chemistry" matched only *chemistry*."""
    # counts as in ESCO's listed labels: "test" starts more labels than it ends, "chemical" starts only
    ends = Counter({"chemistry": 15, "biology": 6, "test": 3, "solutions": 7, "effects": 4, "risks": 13})
    starts = Counter({"apply": 40, "conduct": 10, "predict": 3, "evaluate": 20, "chemical": 9, "test": 76, "effects": 1})
    cut = lambda label: split_run_on_label(label, ends, starts)[:2]  # noqa: E731
    assert cut("computational chemistry chemical computing") == ("computational chemistry", ["chemical computing"])
    assert cut("computational biology biological computing")[0] == "computational biology"
    assert cut("think innovatively apply innovative thinking") == ("think innovatively", ["apply innovative thinking"])
    assert cut("perform PCR covid test conduct PCR covid test")[0] == "perform PCR covid test"
    assert cut("recognise blockchain risks predict risks in blockchain technology")[0] == "recognise blockchain risks"
    assert cut("analyse business model evaluate business models")[0] == "analyse business model"
    # the cut falls where a label ends ("solutions") or one starts, not between words known to neither
    # ("retrofitting | retrofit")
    assert cut("design building retrofitting solutions retrofit buildings")[0] == "design building retrofitting solutions"
    assert cut("design building retrofitting retrofit buildings")[0] == "design building retrofitting retrofit buildings"
    # ... unless it is the label's first word again in another form
    assert cut("effect of water currents effects of water currents on fish")[0] == "effect of water currents"
    # a side that repeats a stem is no single label; one word is never cut off; nothing shared, nothing cut
    assert cut("marine energy tidal energy ocean energy tidal power")[0] == "marine energy tidal energy ocean energy tidal power"
    assert cut("battery design battery system")[0] == "battery design battery system"
    assert cut("table tennis ping-pong")[0] == "table tennis ping-pong"
    assert cut("water skiing waterski")[0] == "water skiing waterski"
