"""The family check (rank.family_vectors, rank.role_rank_penalty): a course that one title word pulls close to a
role, while the role's neighbouring roles are far from it, is left out."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import SkillVecs, family_vectors, role_rank_penalty

DIM = 8
E = np.eye(DIM, dtype=np.float32)  # 0: pipe trade, 1: the word "pipe", 2: data work, 3..: noise


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _world(n_data: int = 60) -> tuple[SkillVecs, dict[str, np.ndarray]]:
    """Plumbers (trade + the word), four trade kin, `n_data` data roles that use the word a little."""
    rng = np.random.default_rng(0)
    roles = {"plumbers": _unit(E[0] + E[1])}
    roles.update({f"kin{i}": _unit(E[0] + 0.2 * rng.normal(size=DIM) * (np.arange(DIM) >= 3)) for i in range(4)})
    roles.update({f"data{i}": _unit(E[2] + 0.3 * E[1] + 0.2 * rng.normal(size=DIM) * (np.arange(DIM) >= 3))
                  for i in range(n_data)})
    sv = SkillVecs([], np.zeros((0, DIM), dtype=np.float32), {}, list(roles), np.vstack(list(roles.values())))
    vecs = {"data-pipelines": _unit(E[1] + E[2]), "pipe-sizing": _unit(E[0] + 0.5 * E[1])}
    return sv, vecs


def test_family_vectors_are_unit_means_of_the_nearest_roles():
    sv, _ = _world()
    fam = family_vectors(sv.role_mat, k=5)
    assert fam.shape == sv.role_mat.shape and np.allclose(np.linalg.norm(fam, axis=1), 1.0, atol=1e-5)
    # plumbers' family is plumbers and the four trade kin: the word weighs a fifth, the trade the rest
    p = sv.role_index["plumbers"]
    assert float(fam[p] @ E[0]) > 0.9 > float(sv.role_mat[p] @ E[0])
    assert np.allclose(family_vectors(sv.role_mat, k=1), sv.role_mat, atol=1e-6)


def test_a_word_sense_course_far_from_the_roles_family_is_left_out():
    """The data-pipeline course passes the role-rank check (60 roles closer, limit 150) but 60 families are
    closer than plumbers' (limit 50); the pipe-sizing course is the family's own."""
    sv, vecs = _world()
    rel = pd.DataFrame({"course_id": ["data-pipelines", "pipe-sizing"], "relevance": [0.5, 0.5]})
    out = role_rank_penalty(rel, "plumbers", sv, vecs)
    assert out["course_id"].tolist() == ["pipe-sizing"]
    assert rank.MAX_ROLE_RANK is None or 60 <= rank.MAX_ROLE_RANK  # the old check alone keeps it


def test_without_the_family_check_the_word_sense_course_stays(monkeypatch):
    sv, vecs = _world()
    monkeypatch.setattr(rank, "MAX_FAMILY_RANK", None)
    rel = pd.DataFrame({"course_id": ["data-pipelines", "pipe-sizing"], "relevance": [0.5, 0.5]})
    assert set(role_rank_penalty(rel, "plumbers", sv, vecs)["course_id"]) == {"data-pipelines", "pipe-sizing"}


def test_a_course_its_family_shares_is_kept_with_few_data_roles():
    """With only 10 data roles, 10 families are closer to the data-pipeline course: under the limit, kept."""
    sv, vecs = _world(n_data=10)
    rel = pd.DataFrame({"course_id": ["data-pipelines", "pipe-sizing"], "relevance": [0.5, 0.5]})
    assert set(role_rank_penalty(rel, "plumbers", sv, vecs)["course_id"]) == {"data-pipelines", "pipe-sizing"}


def _residual_world() -> tuple[SkillVecs, dict[str, np.ndarray]]:
    """A residual code ("...-all-other": boilerplate text, dimension 3, and a little farm work, 0), four other residual
    codes (boilerplate + other trades, 4..7), four farm roles and sixty outdoor roles (farm work + 2)."""
    rng = np.random.default_rng(1)
    noise = lambda: 0.1 * rng.normal(size=DIM) * (np.arange(DIM) >= 5)  # noqa: E731
    roles = {"farm-workers-all-other": _unit(E[3] + 0.6 * E[0])}
    roles.update({f"r{i}-workers-all-other": _unit(E[3] + 0.6 * E[4 + i]) for i in range(4)})
    roles.update({f"farmers{i}": _unit(E[0] + noise()) for i in range(4)})
    roles.update({f"outdoor{i}": _unit(E[0] + 0.5 * E[2] + noise()) for i in range(60)})
    sv = SkillVecs([], np.zeros((0, DIM), dtype=np.float32), {}, list(roles), np.vstack(list(roles.values())))
    return sv, {"crop-production": E[0].copy()}


def test_residual_roles_are_the_all_other_codes():
    sv, _ = _residual_world()
    mask = rank.residual_roles(sv)
    assert [s for s, m in zip(sv.role_slugs, mask) if m] == ["farm-workers-all-other"] + [
        f"r{i}-workers-all-other" for i in range(4)]


def test_residual_role_family_comes_from_roles_that_are_not_residual():
    sv, _ = _residual_world()
    plain = family_vectors(sv.role_mat, k=5)
    fam = family_vectors(sv.role_mat, k=5, residual=rank.residual_roles(sv))
    i = sv.role_index["farm-workers-all-other"]
    assert float(plain[i] @ E[0]) < 0.5 < 0.9 < float(fam[i] @ E[0])  # the boilerplate family vs the farm one
    others = ~rank.residual_roles(sv)
    assert np.allclose(fam[others], plain[others], atol=1e-6)  # roles that are not residual keep their family


def test_a_residual_roles_trade_course_passes_the_family_check(monkeypatch):
    """The crop course is the residual farm code's trade: as a family of residual codes, more families were closer
    than its own (limit 50: 64) and the course was out; drawn from the farm roles, 4 are (role rank 64 either way)."""
    sv, vecs = _residual_world()
    rel = pd.DataFrame({"course_id": ["crop-production"], "relevance": [0.5]})
    assert role_rank_penalty(rel, "farm-workers-all-other", sv, vecs)["course_id"].tolist() == ["crop-production"]
    sv, vecs = _residual_world()
    monkeypatch.setattr(rank, "RESIDUAL_SUFFIX", None)  # main before c37
    assert role_rank_penalty(rel, "farm-workers-all-other", sv, vecs).empty


def _calls(monkeypatch, first: list) -> list[bool]:
    """rank_course_lists over a stub _rank_course_lists that returns `first` on the first pass; the passes' flags."""
    seen: list[bool] = []

    def fake(*args, residual_family=False, **kw):
        seen.append(residual_family)
        return {"": first if not residual_family else [{"course_id": "trade"}]}
    monkeypatch.setattr(rank, "_rank_course_lists", fake)
    return seen


def _role(slug: str) -> rank.Role:
    return rank.Role(slug=slug, title=slug, skills=pd.DataFrame(columns=["skill_id", "name", "importance", "core"]))


def test_an_empty_residual_list_is_ranked_again_with_the_residual_family(monkeypatch):
    sv, vecs = _residual_world()
    seen = _calls(monkeypatch, [])
    out = rank.rank_course_lists(pd.DataFrame(), pd.DataFrame(), vecs, E[0], _role("farm-workers-all-other"),
                                 {"": (10, None)}, skill_vecs=sv)
    assert seen == [False, True] and out[""] == [{"course_id": "trade"}]


def test_a_residual_list_that_is_not_empty_and_other_roles_are_ranked_once(monkeypatch):
    sv, vecs = _residual_world()
    seen = _calls(monkeypatch, [{"course_id": "kept"}])
    assert rank.rank_course_lists(pd.DataFrame(), pd.DataFrame(), vecs, E[0], _role("farm-workers-all-other"),
                                  {"": (10, None)}, skill_vecs=sv)[""] == [{"course_id": "kept"}]
    seen2 = _calls(monkeypatch, [])
    assert rank.rank_course_lists(pd.DataFrame(), pd.DataFrame(), vecs, E[0], _role("farmers0"),
                                  {"": (10, None)}, skill_vecs=sv)[""] == []
    assert seen == [False] and seen2 == [False]
