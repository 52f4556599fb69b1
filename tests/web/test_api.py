"""The JSON API: shapes, 404s, and the OpenAPI schema."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from careerpath.guide.model import Guide


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


def test_roles_list_and_search(client):
    r = client.get("/api/roles").json()
    assert r["count"] == 3 and r["roles"][0]["slug"] == "machine-learning-engineer"  # most postings first
    hit = client.get("/api/roles", params={"q": "ml eng"}).json()["roles"][0]
    assert hit == {"slug": "machine-learning-engineer", "title": "Machine Learning Engineer", "kind": "emerging",
                   "soc_code": "15-2051.00", "group": "15", "group_title": "Computer and Mathematical",
                   "n_postings": 900, "url": "/roles/machine-learning-engineer"}
    assert client.get("/api/roles", params={"q": "hygenist"}).json()["roles"][0]["slug"] == "dental-hygienist"


def test_guide_json_is_the_guide_model(client):
    r = client.get("/api/roles/data-scientist/guide")
    assert r.status_code == 200
    g = Guide.model_validate(r.json())
    assert g.role.slug == "data-scientist" and g.snapshot.median_salary.source == "bls-oews-2025"
    assert client.get("/api/roles/nope/guide").status_code == 404
    assert client.get("/api/roles/nope/guide").json() == {"detail": "No guide for 'nope'."}


def test_resolve(client):
    r = client.get("/api/resolve", params={"title": "Senior ML Engineer"}).json()
    assert r["role"]["slug"] == "machine-learning-engineer" and r["url"] == "/roles/machine-learning-engineer"
    assert client.get("/api/resolve").status_code == 422


def test_courses_filters(client):
    r = client.get("/api/courses", params={"topic": "DataScience"}).json()
    assert r["total"] == 2 and {c["course_id"] for c in r["courses"]} == {"courses-test:2", "courses-test:3"}
    r = client.get("/api/courses", params={"free": "true"}).json()
    assert {c["course_id"] for c in r["courses"]} == {"courses-test:1", "courses-test:4"}
    r = client.get("/api/courses", params={"free": "false", "max_hours": 10, "level": "intermediate"}).json()
    assert [c["course_id"] for c in r["courses"]] == ["courses-test:5"]
    r = client.get("/api/courses", params={"role": "machine-learning-engineer"}).json()
    assert r["total"] >= 3 and r["filters"] == {"role": "machine-learning-engineer"}
    assert client.get("/api/courses", params={"role": "nope"}).status_code == 404
    assert client.get("/api/courses", params={"level": "expert"}).status_code == 422
    d = client.get("/api/courses/courses-test:2").json()
    assert d["skills"] == ["Deep learning", "Machine learning"] or set(d["skills"]) == {"Deep learning", "Machine learning"}
    assert {r["slug"] for r in d["roles"]} == {"machine-learning-engineer", "data-scientist"}
    assert client.get("/api/courses/nope").status_code == 404
    assert {t["topic"] for t in client.get("/api/topics").json()} >= {"DataScience", "Health", "Other"}


def test_gap_from_skills_and_from_resume(client):
    r = client.post("/api/gap", json={"role": "machine-learning-engineer", "skills": ["python", "SQL"],
                                      "hours_per_week": 10})
    assert r.status_code == 200
    body = r.json()
    assert body["skill_gap"]["have"] == ["Python", "SQL"]
    assert "Deep learning" in body["skill_gap"]["missing"] and "Python" not in body["skill_gap"]["missing"]
    assert all("Python" not in st["skills"] for st in body["roadmap"])
    assert body["time_to_job_ready"]["personalised"]["low"] > 0
    r = client.post("/api/gap", json={"role": "ml engineer", "resume_text": "I know Docker and statistics."})
    assert set(r.json()["skill_gap"]["have"]) == {"Docker", "Statistics"}
    assert client.post("/api/gap", json={"role": "zzzz qqqq xxxx"}).status_code == 404
    assert client.post("/api/gap", json={"role": "data-scientist", "hours_per_week": 0}).status_code == 422


def test_sources(client):
    ids = [s["id"] for s in client.get("/api/sources").json()]
    assert "onet-29.0" in ids and "bls-oews-2025" in ids
    by_id = {s["id"]: s for s in client.get("/api/sources").json()}
    # rows a loader kept but changed are listed with their source, as `careerpath sources --json` lists them
    assert by_id["courses-test"]["notes"] == {"description_line_breaks_restored": 1234, "rating_implausible_nulled": 2}
    assert by_id["onet-29.0"]["notes"] == {}


def test_openapi_has_response_models(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for p in ("/api/roles", "/api/roles/{slug}/guide", "/api/courses", "/api/resolve", "/api/gap"):
        assert p in paths
    assert "Guide" in schema["components"]["schemas"] and "GapResult" in schema["components"]["schemas"]
    assert not any(p.startswith("/roles") for p in paths)  # pages are not API
