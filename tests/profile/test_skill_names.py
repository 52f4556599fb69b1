"""O*NET rating elements join taxonomy skills by name, never by a stray alias or a product name."""

from careerpath.profile.skills import name_index, rated_skill_id

SKILLS = {
    "develop-biochemical-training": {"name": "develop biochemical manufacturing training materials", "type": "skill",
                                     "esco_uri": "esco:1", "aliases": ["writing", "biochemical training materials"]},
    "write-polish": {"name": "write Polish", "type": "skill", "esco_uri": "esco:2", "aliases": ["writing"]},
    "computer-programming": {"name": "computer programming", "type": "software", "esco_uri": "esco:3",
                             "aliases": ["programming", "coding"]},
    "program-firmware": {"name": "program firmware", "type": "skill", "esco_uri": "esco:4", "aliases": ["programming"]},
    "adobe-persuasion": {"name": "Adobe Persuasion", "type": "software", "esco_uri": None, "aliases": ["Persuasion"]},
    "listen-actively": {"name": "listen actively", "type": "soft_skill", "esco_uri": "esco:5",
                        "aliases": ["active listening"]},
    "mathematics": {"name": "mathematics", "type": "skill", "esco_uri": "esco:6", "aliases": []},
    "maths-teaching": {"name": "teach mathematics", "type": "skill", "esco_uri": "esco:7", "aliases": ["Mathematics"]},
}


def _rated(name: str) -> str:
    return rated_skill_id("2.X", name, SKILLS, name_index(SKILLS))


def test_a_stray_alias_two_skills_share_names_neither() -> None:
    assert _rated("Writing") == "onet:2.X"


def test_a_shared_one_word_alias_names_the_short_skill_that_has_the_word() -> None:
    assert _rated("Programming") == "computer-programming"


def test_a_rating_never_names_a_product() -> None:
    assert _rated("Persuasion") == "onet:2.X"
    assert name_index(SKILLS)["persuasion"] == "adobe-persuasion"  # technology examples still find it


def test_names_win_over_aliases_and_unique_aliases_join() -> None:
    assert _rated("Mathematics") == "mathematics"
    assert _rated("Active Listening") == "listen-actively"
    assert _rated("Coding") == "computer-programming"


def test_a_one_word_alias_left_on_one_long_concept_names_nothing() -> None:
    skills = dict(SKILLS, stray={"name": "monitor manufacturing impact", "type": "skill", "esco_uri": "esco:8",
                                 "aliases": ["monitoring"]})
    assert name_index(skills)["monitoring"] == "stray"  # text matching may still use it
    assert rated_skill_id("2.M", "Monitoring", skills, name_index(skills)) == "onet:2.M"


def test_numpy_alias_arrays_are_accepted() -> None:
    import numpy as np

    skills = {"a": {"name": "alpha", "type": "skill", "aliases": np.array(["first letter"])}}
    assert name_index(skills)["first letter"] == "a"


def test_a_rated_esco_verb_phrase_shows_the_onet_name() -> None:
    from careerpath.profile.skills import rated_display_name

    assert rated_display_name("listen actively", "Active Listening") == "Active Listening"
    assert rated_display_name("psychology", "Psychology") == "Psychology"
    # a taxonomy name with its own capitals (a product, a curated concept) is kept
    assert rated_display_name("Python (computer programming)", "Programming") == "Python (computer programming)"
    assert rated_display_name("", "Writing") == "Writing"


def test_in_demand_is_the_roles_occupations_not_the_taxonomys() -> None:
    """The taxonomy flags Apache Spark "in demand" (for data scientists); for a role whose occupation lists it as
    hot but not in demand (registered nurses, in O*NET 29.0) it is a listed technology like any other: 0.3."""
    from careerpath.profile.skills import skills_section

    skills = {"apache-spark": {"name": "Apache Spark", "type": "software", "onet_hot": True, "onet_in_demand": True},
              "epic-systems": {"name": "Epic Systems", "type": "software", "onet_hot": True, "onet_in_demand": True}}
    tech = [{"example": "Apache Spark", "hot": True, "in_demand": False, "source_id": "onet", "spread": 0.0},
            {"example": "Epic Systems", "hot": True, "in_demand": True, "source_id": "onet", "spread": 0.0}]
    names = {"apache spark": "apache-spark", "epic systems": "epic-systems"}
    section = skills_section([], [], tech, [], skills, names, lambda *a: None)
    got = {i.id: (round(i.importance, 3), i.onet_in_demand) for i in section.items}
    assert got == {"epic-systems": (0.533, True), "apache-spark": (0.2, False)}  # × 2/3: a rating at the mean
