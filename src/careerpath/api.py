"""The Python API: one object over a built store, answering what the CLI and the JSON API answer.

    import careerpath

    with careerpath.open("careerpath.duckdb") as cp:
        cp.resolve("Sr. Machine Learning Engineer II (Remote)")   # {"title", "role", "matches": [...]}
        cp.skills("Build dashboards in Tableau and query data with SQL")
        g = cp.guide("dental hygienist", skills=["radiography"])  # a pydantic Guide
        print(careerpath.render_md(g))

Results are the contract's shapes (`../shared/CONTRACT.md`): dicts for resolve, skills, courses, roles and sources,
pydantic models for the profile and the guide. The commands are thin skins over the same functions, so a script and
the CLI never disagree. The model and the taxonomy load on first use (a resolver for cheap titles needs no model).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from careerpath import config

if TYPE_CHECKING:
    import duckdb

    from careerpath.guide.model import Guide
    from careerpath.profile.model import Profile

MAX_TITLE_CHARS = 1_000  # a title longer than this is not a title (`careerpath resolve` says so; the API cuts it)


class Careerpath:
    """A read-only view of one store. Not thread-safe: give each thread its own (DuckDB cursors are per thread)."""

    def __init__(self, db: str | os.PathLike | None = None) -> None:
        from careerpath import store

        self.db_path = config.db_path(db)
        self._con: duckdb.DuckDBPyConnection | None = store.connect(self.db_path)
        self._resolver = None
        self._extractor = None

    # lifecycle -----------------------------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise ValueError("this Careerpath is closed")
        return self._con

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Careerpath:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # titles and roles ----------------------------------------------------------------------------
    def resolve(self, title: str, *, description: str | None = None, top: int = 5) -> dict:
        """A job title's role and ranked O*NET-SOC occupations with calibrated scores (`careerpath resolve --json`)."""
        return self._titles().resolve(str(title)[:MAX_TITLE_CHARS], description=description, top=top).to_json()

    def resolve_many(self, titles: Iterable[str], *, top: int = 5) -> list[dict]:
        """Many titles at once, same order (`careerpath resolve --file F --jsonl`): repeated titles cost one lookup."""
        return [r.to_json() for r in self._titles().resolve_many([str(t)[:MAX_TITLE_CHARS] for t in titles], top=top)]

    def roles(self, search: str | None = None, *, limit: int = 20) -> list[dict]:
        """The role catalog, most postings first, or the roles whose title or aliases match `search`."""
        from careerpath.extract.roles import search_roles

        return search_roles(self.con, search, limit=limit)

    # skills --------------------------------------------------------------------------------------
    def skills(self, text: str, *, semantic: bool = True) -> dict:
        """The skills a text states, best first, with spans (`careerpath skills --json`). `semantic=False` runs the
        lexical stage only (no model); the choice is fixed by the first call."""
        from careerpath.extract.skills import hits_to_json

        if self._extractor is None:
            from careerpath.extract.skills import SkillExtractor

            embedder = None
            if semantic:
                from careerpath.embed import default_embedder

                embedder = default_embedder()
            self._extractor = SkillExtractor.from_store(self.con, embedder=embedder)
        return hits_to_json(text, self._extractor.extract(text))

    # profiles, courses, guides -------------------------------------------------------------------
    def profile(self, role: str) -> Profile:
        """Everything the data says about a role (slug, title, alias or any job title)."""
        from careerpath.extract.role_lookup import resolve_role
        from careerpath.profile import get_profile

        return get_profile(self.con, resolve_role(self.con, role).slug)

    def courses(self, role: str | None = None, *, topic: str | None = None, top: int = 10,
                order: str = "best", **filters: Any) -> list[dict]:
        """The courses that teach a role's skills, diversified, best first; or a topic's courses (`topic=`).
        `filters`: level, free, max_hours, provider, certificate, language (as `careerpath courses`)."""
        from careerpath.errors import InputError
        from careerpath.recommend.filters import Filters

        if (role is None) == (topic is None):
            raise InputError("give exactly one of role or topic=")
        f = Filters(**filters)
        if topic is not None:
            from careerpath.recommend.topics import courses_for_topic

            return courses_for_topic(self.con, topic, f, top=top)
        from careerpath.recommend.rank import recommend
        from careerpath.recommend.roles import load_role

        return recommend(self.con, load_role(self.con, role or ""), top=top, filters=f, order=order)

    def topics(self) -> list[dict]:
        """The catalog's topics with their course counts, largest first."""
        from careerpath.recommend.topics import list_topics

        return list_topics(self.con)

    def guide(self, role: str, *, skills: Iterable[str] | None = None, resume_text: str | None = None,
              hours_per_week: float | tuple[float, float] = (15, 20)) -> Guide:
        """The career guide; with `skills` or `resume_text` a personalised one (the skill gap leaves the path)."""
        from careerpath.guide.build import build_guide

        pace = (hours_per_week, hours_per_week) if isinstance(hours_per_week, (int, float)) else hours_per_week
        have = [s for s in (skills or []) if str(s).strip()] if skills is not None else None
        return build_guide(self.con, role, have_skills=have, resume_text=resume_text,
                           hours_per_week=(float(min(pace)), float(max(pace))))

    def transition(self, from_role: str, to_role: str) -> dict:
        """Skills two roles share and the skills the move still needs."""
        from careerpath.guide.related import transition

        return transition(self.con, from_role, to_role)

    def sources(self) -> list[dict]:
        """Every source: publisher, version, licence, files with checksums and row counts (`careerpath sources`)."""
        from careerpath import provenance

        return provenance.sources(self.con)

    # helpers -------------------------------------------------------------------------------------
    def _titles(self):
        if self._resolver is None:
            from careerpath.extract.roles import open_resolver

            self._resolver = open_resolver(self.con)
        return self._resolver


def open(db: str | os.PathLike | Path | None = None) -> Careerpath:  # noqa: A001 - mirrors the built-in's role
    """The store at `db`, else `$CAREERPATH_DB`, else ./careerpath.duckdb (as the CLI's `--db`)."""
    return Careerpath(db)
