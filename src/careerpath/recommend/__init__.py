"""Courses: quality scores, topics, and per-role lists that teach the role's skills.

Modules: `quality` (0-10 score, explained), `relevance` (skill coverage + semantic similarity, hard
floor), `rank` (diversified list for a role), `topics` (browse by topic), `index` (the derived step
`build_course_index`: embeddings, quality, topics), `vectors` (skill and role vectors the ranker reads),
`roles` (role -> skills to score against),
`filters`, `items` (the contract's course fields), `notes` (what to say when a list is short or empty).
"""

from __future__ import annotations

import duckdb

from careerpath.recommend.filters import Filters
from careerpath.recommend.index import build_course_index


def recommend_for_role(con: duckdb.DuckDBPyConnection, role: str, top: int = 10, filters: Filters | None = None,
                       order: str = "best") -> list[dict]:
    """The course list for a role slug or title, in the contract's fields (what `careerpath courses ROLE` prints)."""
    from careerpath.recommend.rank import recommend
    from careerpath.recommend.roles import load_role

    return recommend(con, load_role(con, role), top=top, filters=filters, order=order)


__all__ = ["Filters", "build_course_index", "recommend_for_role"]
