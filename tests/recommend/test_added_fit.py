"""Added skills' fit (rank.drop_misfit_added, ADDED_MAX_ROLE_RANK): a skill the role did not list itself (implied,
fed back or from O*NET) leaves the role when many other roles fit the skill better -- "Chef (software configuration)"
implied for chefs through the word "chef" is a DevOps skill; the role's own profile skills are never dropped."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import SkillVecs, drop_misfit_added
from careerpath.recommend.relevance import Role

DIM = 8
E = np.eye(DIM, dtype=np.float32)  # 0: cooking, 1: software configuration, 2..: noise


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _world(n_devops: int = 30) -> SkillVecs:
    rng = np.random.default_rng(3)
    noise = lambda: 0.2 * rng.normal(size=DIM) * (np.arange(DIM) >= 2)  # noqa: E731
    roles = {"chefs": _unit(E[0] + 0.35 * E[1]), "cooks": _unit(E[0] + noise())}
    roles.update({f"devops{i}": _unit(E[1] + noise()) for i in range(n_devops)})
    skills = {"cooking-recipes": _unit(E[0] + 0.1 * E[2]), "chef-config-tool": _unit(E[1] + 0.1 * E[3]),
              "menu-planning": _unit(E[0] + 0.2 * E[1]), "no-vector-skill": None}
    have = {s: v for s, v in skills.items() if v is not None}
    return SkillVecs(list(have), np.vstack(list(have.values())), {}, list(roles), np.vstack(list(roles.values())))


def _role(extra: dict) -> Role:
    ids = ["menu-planning", "cooking-recipes", "chef-config-tool", "no-vector-skill"]
    skills = pd.DataFrame({"skill_id": ids, "name": ids, "importance": [1.0, 0.6, 0.6, 0.3], "core": False,
                           "type": ["skill", "implied", "implied", "implied"]})
    return Role(slug="chefs", title="Chefs", skills=skills, text="", evidence={}, extra=extra)


def test_misfit_added_skill_leaves_the_role(monkeypatch):
    monkeypatch.setattr(rank, "ADDED_MAX_ROLE_RANK", 20)
    out = drop_misfit_added(_role({"implied": ["cooking-recipes", "chef-config-tool", "no-vector-skill"]}), _world())
    assert set(out.skills["skill_id"]) == {"menu-planning", "cooking-recipes", "no-vector-skill"}
    assert out.extra["misfit_added"] == ["chef-config-tool"]


def test_profile_skills_are_never_checked(monkeypatch):
    """The same misfit skill, listed by the profile (not in any added list), stays."""
    monkeypatch.setattr(rank, "ADDED_MAX_ROLE_RANK", 20)
    role = _role({"implied": ["cooking-recipes"]})
    assert drop_misfit_added(role, _world()) is role


def test_threshold_and_switch(monkeypatch):
    role = _role({"feedback": ["chef-config-tool"]})
    monkeypatch.setattr(rank, "ADDED_MAX_ROLE_RANK", 20)
    assert "chef-config-tool" not in set(drop_misfit_added(role, _world(30)).skills["skill_id"])
    assert "chef-config-tool" in set(drop_misfit_added(role, _world(10)).skills["skill_id"])  # only 10 roles closer
    monkeypatch.setattr(rank, "ADDED_KINDS", ("implied", "onet"))  # fed-back skills not checked
    assert drop_misfit_added(role, _world(30)) is role
    monkeypatch.setattr(rank, "ADDED_KINDS", ("implied", "feedback", "onet"))
    monkeypatch.setattr(rank, "ADDED_MAX_ROLE_RANK", None)
    assert drop_misfit_added(role, _world(30)) is role
    assert drop_misfit_added(role, None) is role
