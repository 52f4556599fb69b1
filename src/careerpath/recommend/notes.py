"""What to tell a reader when a role's course list is short or empty.

The ranker leaves a course out rather than pad the list (the relevance floors, the relative cut, `rank.nothing_close`),
so a list of 3 or 0 courses is an answer about the catalog, not an error. Every place that shows a list (the CLI,
guides in Markdown and HTML, the web page) says so in the same words, from here.
"""

from __future__ import annotations


def course_list_note(n: int, top: int, filtered: bool = False) -> str | None:
    """A sentence for a list of `n` courses where up to `top` were asked for; None when the list is full.

    `filtered`: the learner's filters (level, free, hours, provider) were on, so they may be what narrowed it."""
    if n >= top:
        return None
    narrowed = " with these filters" if filtered else ""
    if n == 0:
        return (f"The catalog has no course{narrowed} that teaches this role's skills closely enough to recommend; "
                "none is shown rather than an unrelated one.")
    courses = "course" if n == 1 else "courses"
    teach = "teaches" if n == 1 else "teach"
    return (f"The catalog has only {n} {courses}{narrowed} that {teach} this role's skills closely enough to "
            "recommend; the list is not padded with weaker matches.")
