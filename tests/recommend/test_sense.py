"""Other sense (rank.other_sense): a course let in by a semantic skill match alone, whose own extracted skill
explains its text as well and means something far from the role, is a word-sense match and is left out."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import SkillVecs, other_sense

DIM = 8
E = np.eye(DIM, dtype=np.float32)  # 0: cooking, 1: the word "chef", 2: software configuration


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _world() -> tuple[SkillVecs, dict[str, np.ndarray], pd.DataFrame, pd.DataFrame]:
    skills = {"compile-cooking-recipes": _unit(E[0] + 0.6 * E[1]),
              "chef-configuration-tool": _unit(E[2] + 0.6 * E[1]),
              "food-safety": _unit(E[0] + 0.1 * E[3])}
    sv = SkillVecs(list(skills), np.vstack(list(skills.values())), {}, ["chefs", "devops"],
                   np.vstack([_unit(E[0] + 0.3 * E[1]), _unit(E[2] + 0.2 * E[1])]))
    vecs = {"chef-cookbooks": _unit(0.6 * E[0] + E[1] + E[2]),  # "Chef Cookbooks": the tool, with food words
            "kitchen-basics": _unit(E[0] + 0.5 * E[1])}
    own = pd.DataFrame({"course_id": ["chef-cookbooks", "kitchen-basics"],
                        "skill_id": ["chef-configuration-tool", "food-safety"], "score": 1.0})
    sem = pd.DataFrame({"course_id": ["chef-cookbooks", "kitchen-basics"],
                        "skill_id": ["compile-cooking-recipes", "compile-cooking-recipes"], "score": 0.5})
    return sv, vecs, own, sem


def test_a_semantic_match_whose_course_teaches_another_sense_is_out():
    sv, vecs, own, sem = _world()
    v, t, s = vecs["chef-cookbooks"], sv.rows(["chef-configuration-tool"])[0], sv.rows(["compile-cooking-recipes"])[0]
    assert float(t @ v) >= float(s @ v) - rank.SENSE_MARGIN  # its own skill explains its text as well
    out = other_sense(sem, {"chef-cookbooks", "kitchen-basics"}, own, {"compile-cooking-recipes"}, vecs, "chefs", sv)
    assert out == {"chef-cookbooks"}  # food safety is as close to chefs as recipes are: the kitchen course stays


def test_courses_with_an_extracted_floor_skill_or_no_role_vector_are_not_judged():
    sv, vecs, own, sem = _world()
    assert other_sense(sem, {"kitchen-basics"}, own, {"compile-cooking-recipes"}, vecs, "chefs", sv) == set()
    assert other_sense(sem, {"chef-cookbooks"}, own, {"compile-cooking-recipes"}, vecs, "bakers", sv) == set()


def test_an_own_skill_that_is_the_roles_own_does_not_count_as_another_sense():
    sv, vecs, own, sem = _world()
    roles_own = {"compile-cooking-recipes", "chef-configuration-tool"}  # a DevOps-chef hybrid role lists both
    assert other_sense(sem, {"chef-cookbooks"}, own, roles_own, vecs, "chefs", sv) == set()


def test_a_named_product_without_a_fit_measure_opens_no_floor(monkeypatch):
    """Chefs' postings name "Chef" and the extractor files it under the configuration tool: the profile lists it, two
    courses claim it (too few for a fit measure), and it opened the floor for "Getting Started with Chef Cookbooks"."""
    from careerpath.recommend import relevance
    from careerpath.recommend.relevance import Role, weighted_role_skills
    skills = pd.DataFrame({"skill_id": ["chef-configuration-tool", "food-safety", "knife-skills"],
                           "name": ["Chef", "food safety", "knife skills"], "importance": [0.9, 0.8, 0.7],
                           "core": False, "type": ["software", "skill", "software"]})
    role = Role(slug="chefs", title="Chefs", skills=skills)
    spec = pd.DataFrame({"skill_id": ["chef-configuration-tool", "food-safety", "knife-skills"], "n": [2, 40, 12],
                         "share": [0.0002, 0.004, 0.001], "specificity": [1.0, 0.9, 1.0]})
    fit = {"food-safety": 0.6, "knife-skills": 0.5}  # the tool: claimed by 2 courses, no fit measure
    floor = weighted_role_skills(role, spec, {}, fit).set_index("skill_id")["floor_skill"]
    assert not floor["chef-configuration-tool"] and floor["food-safety"] and floor["knife-skills"]
    monkeypatch.setattr(relevance, "UNFIT_SOFTWARE_OPENS_FLOOR", True)
    assert weighted_role_skills(role, spec, {}, fit).set_index("skill_id")["floor_skill"]["chef-configuration-tool"]
    # without any fit measure (no role vectors) nothing changes
    monkeypatch.setattr(relevance, "UNFIT_SOFTWARE_OPENS_FLOOR", False)
    assert weighted_role_skills(role, spec, {}, {}).set_index("skill_id")["floor_skill"]["chef-configuration-tool"]
