"""A tiny course store built by hand: a few relevant courses, a top-rated irrelevant one, gaps in fields."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from careerpath import store
from careerpath.embed import HashingEmbedder
from careerpath.recommend import relevance
from careerpath.recommend.index import build_course_index
from careerpath.recommend.relevance import Role, role_text

COLS = ["course_id", "catalog", "provider", "title", "description", "outcomes", "skills_given", "modules",
        "subject", "level", "rating", "n_ratings", "enrolled", "hours", "is_free", "price", "certificate_type",
        "url", "duplicate_group"]


def course(cid, catalog, provider, title, skills, subject=None, level="beginner", rating=None, n=None,
           enrolled=None, hours=10.0, free=None, price=None, group=None, description=None, cert="course"):
    return dict(zip(COLS, [cid, catalog, provider, title, description, None, skills, [], subject, level, rating, n,
                           enrolled, hours, free, price, cert, f"https://example.org/{cid}", group]))


COURSES = [
    course("c:ml", "coursera-partner", "Stanford", "Machine Learning", ["Machine Learning", "Python"],
           subject="DataScience", level="beginner", rating=4.9, n=150_000, hours=60),
    course("c:dl", "coursera-partner", "DeepLearning.AI", "Deep Learning with PyTorch", ["Deep Learning", "PyTorch"],
           subject="DataScience", level="advanced", rating=4.7, n=20_000, hours=40, cert="Professional Certificate"),
    course("u:pyml", "udemy", "Udemy", "Python for Machine Learning Bootcamp", [], subject=None, level="intermediate",
           n=3_000, enrolled=90_000, hours=None, free=False, price=20.0,
           description="Learn python and machine learning with scikit-learn."),
    course("e:sql", "edx", "HarvardX", "SQL for Data Science", [], subject=None, level=None, hours=None,
           description="Query databases with SQL; joins, aggregation, python access."),
    course("c:yoga", "coursera-partner", "Calm U", "Yoga for Everyone", ["Yoga", "Communication"],
           subject="Health", level="beginner", rating=5.0, n=500_000, hours=5, cert="professional certificate"),
    course("c:comm", "coursera-partner", "Penn", "Communication Skills for Engineers", ["Communication"],
           subject="Business", level="beginner", rating=4.95, n=80_000, hours=8),
    course("u:free", "udemy", "Udemy", "Free Intro to Python", [], subject="Web Development", level="beginner",
           n=50, enrolled=1000, hours=2, free=True, price=0.0, description="python basics"),
    course("c:ml2", "coursera-enrolled", "Stanford", "Machine Learning", [], subject=None, level="beginner",
           rating=4.8, enrolled=4_000_000, hours=None, group="c:ml"),
]
SKILLS = [("machine-learning", "machine learning", "knowledge", "Data science"), ("python", "Python", "software", "Programming"),
          ("deep-learning", "deep learning", "knowledge", "Data science"), ("pytorch", "PyTorch", "software", "Programming"),
          ("sql", "SQL", "software", "Databases"), ("communication", "communication", "soft_skill", "Soft skills"),
          ("yoga", "yoga", "skill", "Wellbeing")]
COURSE_SKILLS = [("c:ml", "machine-learning", 1.0), ("c:ml", "python", 1.0), ("c:dl", "deep-learning", 1.0),
                 ("c:dl", "pytorch", 1.0), ("u:pyml", "python", 0.9), ("u:pyml", "machine-learning", 0.9),
                 ("e:sql", "sql", 1.0), ("e:sql", "python", 0.6), ("c:yoga", "yoga", 1.0), ("c:yoga", "communication", 1.0),
                 ("c:comm", "communication", 1.0), ("u:free", "python", 1.0), ("c:ml2", "machine-learning", 0.8)]
ROLE_SKILLS = [("machine-learning", "machine learning", 1.0, True, "knowledge"), ("python", "Python", 0.9, True, "software"),
               ("deep-learning", "deep learning", 0.8, True, "knowledge"), ("pytorch", "PyTorch", 0.7, False, "software"),
               ("sql", "SQL", 0.6, False, "software"), ("communication", "communication", 0.5, False, "soft_skill")]


def ml_role() -> Role:
    skills = pd.DataFrame(ROLE_SKILLS, columns=["skill_id", "name", "importance", "core", "type"])
    return Role("machine-learning-engineer", "Machine Learning Engineer", skills,
                text=role_text("Machine Learning Engineer", "Builds machine learning systems in Python.",
                               skills["name"].tolist()))


def write_fixture(con) -> None:
    store.write_table(con, "courses", pd.DataFrame(COURSES, columns=COLS).astype({"rating": float, "n_ratings": float,
                                                                                 "enrolled": float, "hours": float, "price": float}))
    store.write_table(con, "skills", pd.DataFrame(SKILLS, columns=["skill_id", "name", "type", "category"]))
    store.write_table(con, "course_skills", pd.DataFrame(COURSE_SKILLS, columns=["course_id", "skill_id", "score"]))
    store.write_table(con, "roles", pd.DataFrame([{"slug": "machine-learning-engineer", "title": "Machine Learning Engineer",
                                                    "kind": "emerging", "soc_code": "15-2051.00",
                                                    "aliases": ["ML engineer"], "confidence": 1.0}]))
    # what the shared role lookup (extract/role_lookup.py) reads beside the catalog
    store.write_table(con, "onet_occupations", pd.DataFrame([{"soc_code": "15-2051.00", "title": "Data Scientists",
                                                               "description": "Develop and implement methods to analyze data."}]))
    store.write_table(con, "role_occupations", pd.DataFrame([{"slug": "machine-learning-engineer",
                                                               "soc_code": "15-2051.00", "weight": 1.0}]))
    store.write_table(con, "onet_alternate_titles", pd.DataFrame(
        [{"soc_code": "15-2051.00", "title": "Data Science Specialist", "short_title": None, "sources": "03"}]))
    store.write_table(con, "onet_reported_titles", pd.DataFrame([{"soc_code": "15-2051.00", "title": "Data Scientist"}]))


@pytest.fixture
def hashing(monkeypatch):
    """The fast fake embedder everywhere, with a semantic floor that suits its trigram cosines."""
    emb = HashingEmbedder()
    monkeypatch.setattr("careerpath.recommend.rank.default_embedder", lambda: emb)
    monkeypatch.setattr("careerpath.recommend.index.default_embedder", lambda: emb)
    monkeypatch.setattr(relevance, "SEM_FLOOR", 0.0)
    monkeypatch.setattr(relevance, "SEM_REL_FLOOR", 0.0)
    # trigram cosines spread relevance far more than MiniLM's: no cut relative to the best candidate
    monkeypatch.setattr("careerpath.recommend.rank.MIN_REL_SHARE", 0.0)
    return emb


@pytest.fixture
def course_db(tmp_path: Path, hashing) -> Path:
    db = tmp_path / "c.duckdb"
    with store.building(db) as con:
        write_fixture(con)
        build_course_index(con, embedder=hashing)
    return db
