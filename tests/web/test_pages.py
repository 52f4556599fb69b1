"""Pages render through the ASGI app (httpx ASGITransport: no server, no network)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.fixtures import EVIL

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def client(app):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        yield c


async def test_home_lists_popular_roles_and_groups(client):
    r = await client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert 'href="/roles/machine-learning-engineer"' in r.text
    assert 'href="/groups/15"' in r.text and "Computer and Mathematical" in r.text
    assert 'class="skip" href="#main"' in r.text and '<label for="q">' in r.text


async def test_search_redirects_to_best_role(client):
    r = await client.get("/search", params={"q": "ml engineer"})
    assert r.status_code == 303 and r.headers["location"] == "/roles/machine-learning-engineer"
    r = await client.get("/search", params={"q": "zzzz qqqq"})
    assert r.status_code == 200 and "No role matched" in r.text


class _Answer:
    """Stands in for the title resolver: the page's choice, given what the resolver says, is what is tested."""

    def __init__(self, slug, score, matches=()):
        self.out = {"role": {"slug": slug, "title": slug} if slug else None,
                    "matches": [{"soc_code": c, "soc_title": c, "score": s} for c, s in (matches or [("x", score)])]}

    def resolve(self, title):
        return {"title": title, **self.out}


@pytest.fixture
def resolver_says(app):
    real = app.state.search
    yield lambda *a, **k: setattr(app.state, "search", _Answer(*a, **k))
    app.state.search = real


async def test_a_search_the_resolver_is_unsure_of_lists_the_candidates(client, resolver_says):
    """"prompt engineer" went straight to Mechanical Engineers at 0.37: below 0.5 the page lists the nearest roles
    (the resolver's role, the roles of its occupations, then title hits) and says how close the best one is."""
    resolver_says("data-scientist", 0.37, matches=[("15-2051.00", 0.37), ("29-1292.00", 0.2)])
    r = await client.get("/search", params={"q": "prompt engineer"})
    assert r.status_code == 200 and "Which role do you mean?" in r.text and "scores 0.37 of 1" in r.text
    listed = re.findall(r'href="/roles/([a-z-]+)"', r.text.split("Which role")[1])
    assert listed[:2] == ["data-scientist", "dental-hygienist"]
    resolver_says("data-scientist", 0.62)
    r = await client.get("/search", params={"q": "prompt engineer"})
    assert r.status_code == 303 and r.headers["location"] == "/roles/data-scientist"


async def test_a_roles_own_title_and_an_alias_of_one_role_open_it_even_when_the_resolver_is_unsure(client, resolver_says):
    resolver_says("data-scientist", 0.2)
    for q in ("Dental Hygienist", "hygienist"):  # the role's title; an alias only it has
        r = await client.get("/search", params={"q": q})
        assert r.status_code == 303 and r.headers["location"] == "/roles/dental-hygienist"


async def test_guide_page_has_every_section_with_sources(client):
    r = await client.get("/roles/machine-learning-engineer")
    assert r.status_code == 200
    for anchor in ("snapshot", "what", "skills", "roadmap", "salaries", "courses", "faq", "related", "sources",
                   "personalise"):
        assert f'id="{anchor}"' in r.text
    assert "$112,000/yr" in r.text and 'href="/sources#src-bls-oews-2025"' in r.text and "2025-05" in r.text
    assert "<svg" in r.text  # charts
    courses = r.text.split('id="courses"')[1].split("</section>")[0]
    assert "The catalog has only" in courses  # the fixture's list is shorter than a guide asks for, and says so
    # served from the cache the second time, byte for byte
    assert (await client.get("/roles/machine-learning-engineer")).content == r.content


async def test_personalise_form_returns_gap_and_roadmap(client):
    r = await client.post("/roles/machine-learning-engineer",
                          data={"skill": ["Python"], "skills_text": "sql, docker", "hours_per_week": "5"})
    assert r.status_code == 200
    assert "Your skill gap" in r.text and "Your personalised roadmap" in r.text
    gap = r.text.split('id="gap"')[1].split("</section>")[0]
    assert "Python" in gap and "Deep learning" in gap
    assert "for you" in r.text


async def test_personalise_with_resume_upload(client):
    files = {"resume_file": ("cv.txt", b"Five years of Python and SQL; some Docker.", "text/plain")}
    r = await client.post("/roles/machine-learning-engineer", data={"hours_per_week": "10"}, files=files)
    assert r.status_code == 200
    have = r.text.split('class="chips have"')[1].split("</ul>")[0]
    assert "Python" in have and "SQL" in have and "Docker" in have


async def test_courses_browse_filters_and_course_page(client):
    r = await client.get("/courses")
    assert r.status_code == 200 and "DataScience" in r.text
    r = await client.get("/courses", params={"topic": "DataScience", "level": "beginner"})
    assert "SQL Basics" in r.text and "Deep Learning" not in r.text
    r = await client.get("/courses", params={"free": "true", "max_hours": "25"})
    assert "Dental Radiography" in r.text and "Python for Everybody" not in r.text
    r = await client.get("/courses", params={"provider": "udemy"})
    assert "SQL Basics" in r.text and "Docker Deep Dive" in r.text
    r = await client.get("/courses", params={"max_hours": "not-a-number"})
    assert r.status_code == 200
    r = await client.get("/courses/courses-test:1")
    assert r.status_code == 200 and "Python" in r.text and 'href="/roles/machine-learning-engineer"' in r.text


async def test_related_transition_sources_groups(client):
    r = await client.get("/roles/data-scientist/related")
    assert r.status_code == 200 and "/transition?from=data-scientist&amp;to=machine-learning-engineer" in r.text
    assert r.text.count("O*NET lists it as related") == 1  # the one occupation among its related roles
    r = await client.get("/roles/data-scientist")
    assert r.text.count("O*NET lists it as related") == 1
    r = await client.get("/transition", params={"from": "data-scientist", "to": "ml engineer"})
    assert r.status_code == 200 and "Skills to learn" in r.text and "Deep learning" in r.text
    assert "(at 10 hours a week, learning time only" in r.text  # the pace the roadmap months assume
    r = await client.get("/sources")
    assert r.status_code == 200 and "CC BY 4.0" in r.text and 'id="src-onet-29.0"' in r.text
    assert "&lt;b&gt;bold&lt;/b&gt;" in r.text and 'href="javascript:' not in r.text
    assert "Changed in loading" in r.text and "description line breaks restored: 1,234" in r.text
    assert r.text.count("Changed in loading") == 1  # only the source whose loader changed rows
    assert (await client.get("/groups/29")).status_code == 200


@pytest.mark.parametrize("path", ["/roles/nope", "/roles/nope/related", "/courses/none:1", "/groups/99", "/nope"])
async def test_missing_pages_are_html_404(client, path):
    r = await client.get(path)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Not found" in r.text


async def test_an_aliases_address_redirects_to_its_role(client):
    """A family folded into another role keeps its old address: /roles/data-science once was a role of its own."""
    r = await client.get("/roles/data-science")
    assert r.status_code == 301 and r.headers["location"] == "/roles/data-scientist"
    assert (await client.get("/roles/ml-engineer")).headers["location"] == "/roles/machine-learning-engineer"
    assert (await client.get("/roles/data-scientist")).status_code == 200  # a role's own address is never moved


async def test_injected_course_title_stays_inert(client):
    for path in ("/courses?topic=DataScience", "/courses/courses-test:2", "/roles/machine-learning-engineer"):
        r = await client.get(path)
        assert EVIL not in r.text and "<script>window.__pwned" not in r.text, path
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Deep Learning" in r.text, path
    r = await client.get("/api/courses/courses-test:2")
    assert r.json()["title"] == EVIL  # JSON carries the text as data, served as application/json
    assert r.headers["content-type"] == "application/json"


async def test_static_assets_served(client):
    r = await client.get("/static/style.css")
    assert r.status_code == 200 and "@media" in r.text
    r = await client.get("/static/search.js")
    assert r.status_code == 200 and "/api/roles" in r.text and "innerHTML" not in r.text


async def test_figure_source_and_date_stay_visible_notes_fold(client):
    """Every figure shows its source and as-of date inline; the method note folds away under "how"."""
    r = await client.get("/roles/machine-learning-engineer")
    growth = r.text.split("34.0%")[1].split("</dd>")[0]
    assert '>bls-ep-2024-34</a>, 2024)</small>' in growth
    assert '<details class="note"><summary>how</summary><small>projected change, 2024–34</small></details>' in growth
    assert '<summary>assumptions</summary>' in r.text


def test_a_roadmap_step_with_no_hours_of_its_own_says_so():
    """A step whose skills other steps' courses all teach read "0–0 months · about 0 hours" on the site."""
    from types import SimpleNamespace

    from careerpath.guide.model import NO_EXTRA_TIME, MonthRange, RoadmapStep
    from careerpath.web import views
    from careerpath.web.pages import LINKS
    from careerpath.web.render import make_env
    from tests.web.fixtures import ROLES, make_guide

    g = make_guide(*ROLES[0][:4], ROLES[0][6])  # as the fixture store makes its guides
    g.roadmap.append(RoadmapStep(step=len(g.roadmap) + 1, title="Advanced: theory", months=MonthRange(low=0, high=0),
                                 hours=0, skills=["theory"], why="taught in step 1's course"))
    html = make_env().get_template("guide.html").render(L=LINKS, **views.guide_page(SimpleNamespace(by_slug={}), g))
    assert html.count(NO_EXTRA_TIME) == 1 and "about 0 hours" not in html
    assert html.count("about 80 hours") == len(g.roadmap) - 1


def test_warm_loads_the_course_catalogue_a_guide_built_on_demand_needs(store_path):
    """`serve` warms in a thread at start-up: the first guide built on demand no longer waits 9-14 s for it."""
    from careerpath.guide import courses
    from careerpath.web.data import SiteData

    data = SiteData(store_path)
    key = courses._key(data.cursor())
    courses._CATALOGUES.pop(key, None)
    data.warm()
    cat = courses._CATALOGUES[key]
    assert len(cat.courses) and courses.catalogue(data.cursor()) is cat  # what a guide built next reads


def test_a_guide_whose_bls_figures_are_a_wider_occupations_says_so_once_on_the_page():
    """The site folds a figure's note under "how"; which BLS occupation the wages and counts are for is shown, once."""
    from types import SimpleNamespace

    from careerpath.web import views
    from careerpath.web.pages import LINKS
    from careerpath.web.render import make_env
    from tests.web.fixtures import ROLES, make_guide

    g = make_guide(*ROLES[0][:4], ROLES[0][6])
    scope = "35-3023 Fast Food and Counter Workers, the occupation that includes Baristas"
    g.snapshot.bls_scope = scope
    g.snapshot.median_salary.note = f"BLS figure for {scope}"
    html = make_env().get_template("guide.html").render(L=LINKS, **views.guide_page(SimpleNamespace(by_slug={}), g))
    assert html.count(f"are for {scope}") == 1 and "BLS figure for" not in html


def test_a_guide_page_lists_what_postings_pay_with_their_sources():
    from types import SimpleNamespace

    from careerpath.figures import Figure
    from careerpath.guide.model import PostingSalary
    from careerpath.web import views
    from careerpath.web.pages import LINKS
    from careerpath.web.render import make_env
    from tests.web.fixtures import ROLES, make_guide

    g = make_guide(*ROLES[0][:4], ROLES[0][6])
    fig = lambda v: Figure(value=v, unit="GBP/year", source="postings-nhs", as_of="2020-11")  # noqa: E731
    g.salary_in_postings = [PostingSalary(country="GB", currency="GBP", n=256, median=fig(15902.0), low=fig(14030.0),
                                          high=fig(20440.0), sources=["postings-adzuna", "postings-nhs"])]
    html = make_env().get_template("guide.html").render(L=LINKS, **views.guide_page(SimpleNamespace(by_slug={}), g))
    assert "GB (GBP), 256 postings: median £15,902, 10th to 90th percentile £14,030 to £20,440" in html
    assert 'href="/sources#src-postings-adzuna"' in html and 'href="/sources#src-postings-nhs"' in html
