"""A day in the life, from the occupation's own tasks grouped by O*NET work activities.

Each task is linked to detailed work activities (DWAs), each DWA to an intermediate work activity
(IWA). The activities that most of the occupation's tasks fall under come first, each with one of
the occupation's real tasks as its example, so the text can only fit this occupation.
"""

from __future__ import annotations

import duckdb

MAX_ITEMS = 6


def day_in_the_life(con: duckdb.DuckDBPyConnection, soc_code: str | None, title: str) -> list[str]:
    if not soc_code:
        return []
    rows = con.execute(
        "SELECT i.iwa_title, t.task, t.task_type, t.incumbents_responding, t.task_id "
        "FROM onet_tasks t JOIN onet_task_dwas td ON td.soc_code = t.soc_code AND td.task_id = t.task_id "
        "JOIN onet_dwas d ON d.dwa_id = td.dwa_id JOIN onet_iwas i ON i.iwa_id = d.iwa_id "
        "WHERE t.soc_code = ?", [soc_code]).fetchall()
    n_tasks = con.execute("SELECT count(*) FROM onet_tasks WHERE soc_code = ?", [soc_code]).fetchone()[0]
    groups: dict[str, dict] = {}
    for iwa, task, ttype, inc, tid in rows:
        g = groups.setdefault(iwa, {"tasks": {}, "core": 0})
        if tid not in g["tasks"]:
            g["tasks"][tid] = (ttype == "Core", inc or 0, task)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]["tasks"]), kv[0]))
    out, used = [], set()
    for iwa, g in ranked:
        tasks = sorted(g["tasks"].values(), key=lambda t: (not t[0], -t[1], t[2]))
        example = next((t[2] for t in tasks if t[2] not in used), None)
        if example is None:
            continue
        used.add(example)
        k = len(g["tasks"])
        out.append(f"{iwa.rstrip('.')} — {k} of the {n_tasks} tasks O*NET lists for {title} "
                   f"{'involves' if k == 1 else 'involve'} this; "
                   f"for example: “{example.rstrip('.')}.”")
        if len(out) >= MAX_ITEMS:
            break
    if not out:  # tasks without activity links: the tasks themselves
        out = [f"{t[0].rstrip('.')}." for t in con.execute(
            "SELECT task FROM onet_tasks WHERE soc_code = ? ORDER BY (task_type = 'Core') DESC NULLS LAST, task_id",
            [soc_code]).fetchall()[:MAX_ITEMS]]
    return out
