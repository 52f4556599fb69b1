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
