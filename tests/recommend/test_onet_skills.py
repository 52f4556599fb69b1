"""The role's O*NET skills: what the extractor finds in its occupation's description and tasks, built with the course
index (`role_onet_skills`) and joined to the role's skills at a low weight by the ranker (`rank.with_onet_skills`)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.recommend import rank
from careerpath.recommend.index import ONET_SKILLS_MAX, role_onet_skill_table
from careerpath.recommend.relevance import Role
from careerpath.recommend.vectors import SkillVecs, load_role_onet_skills


@dataclass
class Hit:
    id: str
    name: str
    type: str
    score: float


class WordExtractor:
    """A stand-in for the shared extractor's lexical stage: each word that names a skill is a hit (score 1)."""

    def __init__(self, types: dict[str, str]):
        self.types = types
        self.semantic_calls = 0

    def extract(self, text: str, semantic: bool | None = None) -> list[Hit]:
        if semantic is not False:
            self.semantic_calls += 1
        words = dict.fromkeys(w.strip(".,").lower() for w in text.split())
        return [Hit(w, w, self.types[w], 1.0) for w in words if w in self.types]


N_OCC = 24
MANY = [f"skill{i:02d}" for i in range(ONET_SKILLS_MAX + 5)]


def _onet_store() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    occ = [f"99-{i:04d}.00" for i in range(N_OCC)]
    roles = [{"slug": f"role-{i}", "title": f"Role {i}", "soc_code": s} for i, s in enumerate(occ)]
    roles.append({"slug": "data-entry-keyers", "title": "Data Entry Keyers", "soc_code": occ[0]})
    store.write_table(con, "roles", pd.DataFrame(roles))
    desc = ["Monitor work. Teamwork with others. " + ("Keyboard verification." if i == 0 else f"Topic{i}.")
            for i in range(N_OCC)]
    store.write_table(con, "onet_occupations", pd.DataFrame({"soc_code": occ, "title": [r["title"] for r in roles[:-1]],
                                                             "description": desc}))
    tasks = [(occ[0], 1, "Verify keyboard entries."), (occ[0], 2, "Compile " + " ".join(MANY) + ".")]
    tasks += [(s, 1, f"Handle topic{i} work.") for i, s in enumerate(occ) if i]
    store.write_table(con, "onet_tasks", pd.DataFrame(tasks, columns=["soc_code", "task_id", "task"]))
    store.write_table(con, "skills", pd.DataFrame({"skill_id": ["keyboard"], "name": ["keyboard"], "type": ["skill"]}))
    return con


def _extractor() -> WordExtractor:
    types = {"monitor": "skill", "teamwork": "soft_skill", "keyboard": "skill", "verification": "skill",
             "verify": "skill", **{w: "skill" for w in MANY}, **{f"topic{i}": "knowledge" for i in range(N_OCC)}}
    return WordExtractor(types)


def test_table_keeps_the_occupations_own_skills_best_first_without_soft_or_general_ones():
    con = _onet_store()
    ex = _extractor()
    t = role_onet_skill_table(con, extractor=ex)
    assert ex.semantic_calls == 0  # the lexical stage only
    dek = t[t["slug"] == "data-entry-keyers"].sort_values("rank")
    ids = dek["skill_id"].tolist()
    assert ids[0] == "keyboard"  # found in the description and a task: the highest sum
    assert "teamwork" not in ids  # a soft skill
    assert "monitor" not in set(t["skill_id"])  # every occupation's text has it: general
    assert len(ids) == ONET_SKILLS_MAX  # capped, though the texts name more
    assert dek["rank"].tolist() == list(range(1, ONET_SKILLS_MAX + 1))
    assert t.loc[t["slug"] == "role-3", "skill_id"].tolist() == ["topic3"]
    # a role shares its main occupation's list
    assert t.loc[t["slug"] == "role-0", "skill_id"].tolist() == ids


def test_table_is_empty_without_a_taxonomy_or_roles():
    con = duckdb.connect()
    assert role_onet_skill_table(con).empty
    con = _onet_store()
    assert role_onet_skill_table(con).empty  # no skill_aliases: no extractor can be built from the store


def _role(skills: list[tuple[str, float]]) -> Role:
    df = pd.DataFrame({"skill_id": [s for s, _ in skills], "name": [s for s, _ in skills],
                       "importance": [w for _, w in skills], "core": False, "type": "software"})
    return Role("data-entry-keyers", "Data Entry Keyers", df)


def _vecs(onet: dict) -> SkillVecs:
    return SkillVecs([], np.zeros((0, 0), dtype=np.float32), role_onet=onet)


def test_onet_skills_join_the_role_at_a_low_weight_once():
    onet = {"data-entry-keyers": [("microsoft-excel", "Excel", "software")]
            + [(f"s{i}", f"s {i}", "skill") for i in range(15)]}
    role = _role([("microsoft-excel", 0.8), ("microsoft-word", 0.5)])
    out = rank.with_onet_skills(role, _vecs(onet))
    added = out.skills.iloc[len(role.skills):]
    assert added["skill_id"].tolist() == [f"s{i}" for i in range(rank.ONET_SKILLS_TOP)]  # excel already listed
    assert np.allclose(added["importance"], rank.ONET_SKILLS_IMPORTANCE * 0.8)
    assert not added["core"].any()
    assert out.extra["onet"] == added["skill_id"].tolist()
    assert rank.with_onet_skills(out, _vecs(onet)) is out  # marked: not added twice
    other = Role("plumbers", "Plumbers", role.skills)
    assert len(rank.with_onet_skills(other, _vecs(onet)).skills) == len(role.skills)


def test_onet_skills_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(rank, "ONET_SKILLS_IMPORTANCE", None)
    role = _role([("microsoft-excel", 1.0)])
    assert rank.with_onet_skills(role, _vecs({"data-entry-keyers": [("s1", "s1", "skill")]})) is role


def test_a_course_teaching_only_an_onet_skill_reaches_the_list(course_db):
    """A profile of office software shares no skill with the SQL course; the role's O*NET skill "sql" lets it in."""
    from careerpath.recommend.items import courses_with_quality

    con = store.connect(course_db)
    courses = courses_with_quality(con)
    cs = rank.load_course_skills(con)
    rng = np.random.default_rng(1)
    vecs = {c: rng.normal(size=8).astype(np.float32) for c in courses["course_id"]}
    vecs = {c: v / np.linalg.norm(v) for c, v in vecs.items()}
    role_vec = np.vstack([vecs["e:sql"], vecs["e:sql"]])
    role = Role("data-entry-keyers", "Data Entry Keyers",
                pd.DataFrame({"skill_id": ["yoga"], "name": ["yoga"], "importance": [1.0], "core": [True],
                              "type": ["skill"]}))
    without = rank.rank_courses(courses, cs, vecs, role_vec, role, skill_vecs=_vecs({}))
    with_onet = rank.rank_courses(courses, cs, vecs, role_vec, role,
                                  skill_vecs=_vecs({"data-entry-keyers": [("sql", "SQL", "software")]}))
    assert "e:sql" not in [c["course_id"] for c in without]
    assert "e:sql" in [c["course_id"] for c in with_onet]


def test_the_course_index_step_writes_the_table_and_skill_vectors_read_it(tmp_path, hashing):
    from careerpath.recommend.index import build_course_index
    from tests.recommend.conftest import write_fixture

    db = tmp_path / "o.duckdb"
    with store.building(db) as con:
        write_fixture(con)
        store.write_table(con, "skill_aliases", pd.DataFrame(
            {"skill_id": ["sql", "python"], "norm": ["sql", "python"], "kind": ["preferred", "preferred"],
             "rule": [None, None], "veto": [None, None]}))
        store.write_table(con, "skills", pd.DataFrame({"skill_id": ["sql", "python"], "name": ["SQL", "Python"],
                                                       "type": ["software", "software"], "esco_uri": [None, None],
                                                       "category": ["Databases", "Programming"]}))
        store.write_table(con, "onet_tasks", pd.DataFrame({"soc_code": ["15-2051.00"], "task_id": [1],
                                                           "task": ["Write SQL queries and Python scripts."]}))
        build_course_index(con, embedder=hashing)
    con = store.connect(db)
    onet = load_role_onet_skills(con)
    assert {s for s, _, _ in onet["machine-learning-engineer"]} == {"sql", "python"}
