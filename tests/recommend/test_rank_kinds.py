"""Role ranks count O*NET occupations, not posting-derived roles (rank.RANK_KINDS, rank.counted_roles): a dense
cluster of near-duplicate "emerging" roles (data-analyst variants) must not push a course out of a role it serves."""

from __future__ import annotations

import numpy as np
import pandas as pd

from careerpath.recommend import rank
from careerpath.recommend.rank import SkillVecs, counted_roles, role_rank_penalty

DIM = 8
E = np.eye(DIM, dtype=np.float32)  # 0: clerical work, 1: spreadsheets, 2: data analysis, 3..: noise


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def _world(n_emerging: int = 200) -> tuple[SkillVecs, dict[str, np.ndarray]]:
    """Keyers (clerical + spreadsheets), 20 unrelated occupations, and `n_emerging` data-analyst variants (spreadsheets
    + analysis) that sit closer to a spreadsheet course than keyers do."""
    rng = np.random.default_rng(1)
    noise = lambda: 0.2 * rng.normal(size=DIM) * (np.arange(DIM) >= 3)  # noqa: E731
    roles = {"keyers": _unit(E[0] + E[1])}
    roles.update({f"occ{i}": _unit(E[3 + i % 5] + noise()) for i in range(20)})
    roles.update({f"data{i}": _unit(E[1] + 0.3 * E[2] + noise()) for i in range(n_emerging)})
    kinds = {s: ("emerging" if s.startswith("data") else "occupation") for s in roles}
    sv = SkillVecs([], np.zeros((0, DIM), dtype=np.float32), {}, list(roles), np.vstack(list(roles.values())),
                   role_kinds=kinds)
    return sv, {"excel-basics": _unit(E[1] + 0.2 * E[0])}


def test_counted_roles_keeps_occupations_and_the_role_itself(monkeypatch):
    monkeypatch.setattr(rank, "RANK_KINDS", frozenset({"occupation"}))
    sv, _ = _world(5)
    m = counted_roles(sv, sv.role_index["data0"])
    assert m is not None and m.sum() == 21 + 1 and m[sv.role_index["data0"]] and not m[sv.role_index["data1"]]


def test_emerging_roles_do_not_push_a_course_out(monkeypatch):
    """200 data variants are closer to the Excel course than keyers (past MAX_ROLE_RANK 150): counted over every role
    it is out, counted over occupations it is the keyers' own (no occupation is closer)."""
    sv, vecs = _world()
    rel = pd.DataFrame({"course_id": ["excel-basics"], "relevance": [0.5]})
    monkeypatch.setattr(rank, "MAX_ROLE_RANK", 150)
    monkeypatch.setattr(rank, "RANK_KINDS", frozenset({"occupation"}))
    out = role_rank_penalty(rel, "keyers", sv, vecs)
    assert out["course_id"].tolist() == ["excel-basics"] and int(out["role_rank"].iloc[0]) == 0
    monkeypatch.setattr(rank, "RANK_KINDS", None)
    assert role_rank_penalty(rel, "keyers", sv, vecs).empty


def test_without_kinds_every_role_counts(monkeypatch):
    monkeypatch.setattr(rank, "RANK_KINDS", frozenset({"occupation"}))
    sv, _ = _world(5)
    bare = SkillVecs([], sv.mat, {}, sv.role_slugs, sv.role_mat)
    assert counted_roles(bare, 0) is None
    monkeypatch.setattr(rank, "RANK_KINDS", None)  # the default (rejected on the bench): every role counts
    assert counted_roles(sv, 0) is None


def test_contrast_mean_role_over_kinds(monkeypatch):
    """CONTRAST_KINDS: the mean role of `contrast_cosines` is over those kinds; off (the default), over every role."""
    sv, vecs = _world(200)
    v = vecs["excel-basics"][None, :]
    cos = np.array([0.5], dtype=np.float32)
    monkeypatch.setattr(rank, "MIN_CONTRAST_ROLES", 5)
    monkeypatch.setattr(rank, "CONTRAST_KINDS", None)
    every = float(rank.contrast_cosines(cos, v, sv)[0])
    monkeypatch.setattr(rank, "CONTRAST_KINDS", frozenset({"occupation"}))
    occ = float(rank.contrast_cosines(cos, v, sv)[0])
    # the 200 spreadsheet-heavy emerging roles pull every-role mean toward the course: a lower contrast
    assert occ > every + 0.1
