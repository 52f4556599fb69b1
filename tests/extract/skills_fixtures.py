"""A tiny store for the skill taxonomy and extractor tests: hand-written ESCO/O*NET/keyword rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from careerpath import store
from careerpath.embed import DIM

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

ESCO = [
    ("http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", "Python (computer programming)", ["Python 3K"],
     "The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Python."),
    ("http://data.europa.eu/esco/skill/51586df8-1c46-4b47-8583-773cb63bf00b", "R", [],
     "The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in R."),
    ("http://data.europa.eu/esco/skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL", [],
     "The computer language SQL is a query language for retrieval of information from a database."),
    ("http://data.europa.eu/esco/skill/c062bab3-3ea0-4291-9220-a2d8fef4bead", "SQL Server", ["MS SQL Server"],
     "The computer program SQL Server is a tool for creating, updating and managing databases, developed by Microsoft."),
    ("http://data.europa.eu/esco/skill/test-ml", "machine learning", [],
     "The principles, methods and algorithms of machine learning, a subfield of artificial intelligence."),
    ("http://data.europa.eu/esco/skill/test-java", "Java (computer programming)", [],
     "The techniques and principles of software development, such as analysis, algorithms, coding, testing and compiling of programming paradigms in Java."),
    ("http://data.europa.eu/esco/skill/test-cpp", "C++", [],
     "The techniques and principles of software development in C++."),
    ("http://data.europa.eu/esco/skill/test-sheets", "use spreadsheets software", ["use spreadsheets"],
     "Use software tools to create and edit tabular data to carry out mathematical calculations."),
    ("http://data.europa.eu/esco/skill/test-viz", "create data visualisation", ["present data visually"],
     "Create visual representations of data such as charts or diagrams and dashboards for easier understanding."),
    ("http://data.europa.eu/esco/skill/test-comm", "communication", [],
     "Exchanging and conveying information, ideas, concepts, thoughts, and feelings through the use of a shared system."),
    ("http://data.europa.eu/esco/skill/test-budget", "manage budgets", [],
     "Plan, monitor and report on the budget."),
    ("http://data.europa.eu/esco/skill/test-cook", "use cooking techniques", [],
     "Apply cooking techniques including grilling, frying, boiling, braising, poaching, baking or roasting."),
    ("http://data.europa.eu/esco/skill/test-mkt", "marketing principles", [],
     "The principles of managing the relationship between consumers and products or services for the purpose of market strategy."),
]
ONET_TECH = [
    ("15-2051.00", "Python", "43232405", "Object or component oriented development software", True, True),
    ("15-2051.00", "R", "43232405", "Object or component oriented development software", True, True),
    ("15-1252.00", "Go", "43232401", "Development environment software", True, True),
    ("15-1252.00", "Microsoft Excel", "43232110", "Spreadsheet software", True, False),
    ("15-1252.00", "Apache Spark", "43232306", "Data base user interface and query software", True, True),
    ("15-1252.00", "Rust", "43232405", "Object or component oriented development software", False, False),
    ("15-1252.00", "Swift", "43232405", "Object or component oriented development software", False, False),
    ("15-1252.00", "C", "43232405", "Object or component oriented development software", False, False),
    ("15-1252.00", "Oracle Clinical", "43232306", "Data base user interface and query software", False, False),
]
KEYWORDS = [(0, "sql", "programming"), (1, "python", "programming"), (2, "r", "programming"), (3, "c", "programming"),
            (4, "go", "programming"), (5, "spark", "libraries"), (6, "excel", "analyst_tools"), (7, "tableau", "analyst_tools")]


def source_tables() -> dict[str, pd.DataFrame]:
    esco = pd.DataFrame([{"uri": u, "preferred_label": p, "alt_labels": a, "definition": d, "text": " ".join([p, *a, d])} for u, p, a, d in ESCO])
    tech = pd.DataFrame(ONET_TECH, columns=["soc_code", "example", "commodity_code", "commodity_title", "hot_technology", "in_demand"])
    kw = pd.DataFrame(KEYWORDS, columns=["skill_id", "name", "type"])
    postings = pd.DataFrame([
        {"posting_id": "t:1", "description": "We use Python and SQL Server. You will build dashboards for executives.", "skills_given": None, "duplicate_of": None},
        {"posting_id": "t:2", "description": None, "skills_given": ["python", "r", "excel", "unknown-skill"], "duplicate_of": None},
        {"posting_id": "t:3", "description": "We use Python and SQL Server. You will build dashboards for executives.", "skills_given": None, "duplicate_of": "t:1"},
        {"posting_id": "t:4", "description": "Go to market planning and R&D budgets.", "skills_given": None, "duplicate_of": None},
    ])
    courses = pd.DataFrame([
        {"course_id": "c:1", "title": "Machine Learning with Python", "description": "Learn machine learning in Python.",
         "outcomes": "Present data visually with charts", "skills_given": ["Python Programming", "Machine Learning"], "modules": ["SQL basics"]},
    ])
    return {"esco_skills": esco, "onet_technology_skills": tech, "skill_keywords": kw, "postings": postings, "courses": courses}


def make_store(path: Path) -> Path:
    with store.building(path) as con:
        for name, df in source_tables().items():
            store.write_table(con, name, df)
        from careerpath.extract.taxonomy import build_taxonomy

        build_taxonomy(con)
    return path


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path))


def unit(*hot: int) -> np.ndarray:
    """A unit vector with equal weight on the given axes."""
    v = np.zeros(DIM, dtype=np.float32)
    v[list(hot)] = 1.0
    return v / np.linalg.norm(v)


class FixedEmbedder:
    """Every text gets the vector of the first key (in order) it contains; others a vector on axis 50."""

    name = "fixed"

    def __init__(self, table: dict[str, np.ndarray]) -> None:
        self.table = table

    def encode(self, texts, **_):
        return np.stack([next((v for k, v in self.table.items() if k in t), unit(50)) for t in texts]).astype(np.float32)


def hand_extractor(skills: list[dict], aliases: list[dict], **cfg):
    """An extractor over hand-written skill rows, one orthogonal vector each (`unit`) and an embedder that knows no text:
    the rule tests' fixture (roles, phrases), `cfg` overriding `ExtractConfig`'s defaults."""
    import dataclasses

    from careerpath.extract.skills import ExtractConfig, SkillExtractor

    vecs = np.stack([unit(k) for k in range(len(skills))])
    return SkillExtractor(skills, aliases, embedder=FixedEmbedder({}), vectors=vecs, vector_ids=[s["skill_id"] for s in skills],
                          config=dataclasses.replace(ExtractConfig(), **cfg))


def esco_names(hits) -> list[str]:
    """The names of the hits that carry an ESCO concept, in rank order."""
    return [h.name for h in hits if h.esco_uri]
