"""HTML pages. Each builds its data dict (views.py) and renders one template; guide pages are cached."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from careerpath.errors import InputError
from careerpath.guide.related import transition as role_transition
from careerpath.web import views
from careerpath.web.courses import LEVELS, CourseFilter, course_detail, find_courses
from careerpath.web.links import Links
from careerpath.web.personalise import personalise, resume_text_from_upload, split_skills

router = APIRouter(include_in_schema=False)
LINKS = Links()
PAGE_SIZE = 50
#: Below this resolver score the search page lists the candidate roles instead of opening the first one: on the
#: blind title sets an answer scored 0.3-0.5 is right about half the time, one scored 0.5-0.7 three times in four
#: (bench/README, the score bins of bench_resolve). "prompt engineer" went straight to Mechanical Engineers at 0.37.
SURE_SCORE = 0.5


def render(request: Request, template: str, ctx: dict, status: int = 200) -> HTMLResponse:
    html = request.app.state.env.get_template(template).render(L=LINKS, **ctx)
    return HTMLResponse(html, status_code=status)


def _num(text: str | None, lo: float, hi: float) -> float | None:
    try:
        v = float(text) if text not in (None, "") else None
    except ValueError:
        return None
    return None if v is None or v != v else max(lo, min(hi, v))


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return render(request, "home.html", views.home(request.app.state.data))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = ""):
    data = request.app.state.data
    q = " ".join(q.split())[:200]
    if not q:
        return render(request, "search.html", {"page_title": "Search", "q": "", "roles": []})
    hits = data.search_roles(q, limit=20)
    low = q.lower()
    titled = [h for h in hits if h.title.lower() == low]  # a role's own title ("Research Scientist")
    if titled:
        return RedirectResponse(LINKS.role(titled[0].slug), status_code=303)
    res = request.app.state.search.resolve(q)
    best, matches = res.get("role"), res.get("matches") or []
    best = best["slug"] if best and best["slug"] in data.by_slug else None
    if best and matches and matches[0]["score"] >= SURE_SCORE:
        return RedirectResponse(LINKS.role(best), status_code=303)
    # an alias of one role only ("mle"); one that several share ("engineer": 22 O*NET occupations) is not an answer
    owners = [h for h in hits if low in (a.lower() for a in h.aliases)]
    if len(owners) == 1:
        return RedirectResponse(LINKS.role(owners[0].slug), status_code=303)
    # not sure: the resolver's candidates (its role, then the roles of its occupations), then the title hits
    slugs = [*([best] if best else []), *(h.slug for h in owners),
             *(data.by_soc[m["soc_code"]].slug for m in matches if m["soc_code"] in data.by_soc), *(h.slug for h in hits)]
    roles = [data.by_slug[s] for s in dict.fromkeys(slugs)][:10]
    return render(request, "search.html", {"page_title": "Search", "q": q, "roles": roles, "unsure": bool(roles),
                                           "score": matches[0]["score"] if matches else None})


@router.get("/groups/{code}", response_class=HTMLResponse)
def group(request: Request, code: str):
    ctx = views.group(request.app.state.data, code)
    if ctx is None:
        raise HTTPException(404, f"No occupation group {code!r}.")
    return render(request, "group.html", ctx)


def _guide_or_404(request: Request, slug: str):
    g = request.app.state.data.guide(slug)
    if g is None:
        known = slug in request.app.state.data.by_slug
        raise HTTPException(404, f"The guide for {slug!r} has not been built yet." if known else f"No role {slug!r}.")
    return g


def _render_guide(request: Request, slug: str) -> bytes:
    g = _guide_or_404(request, slug)
    ctx = views.guide_page(request.app.state.data, g,
                           max_upload_mb=request.app.state.settings.max_upload_bytes / 2**20)
    return request.app.state.env.get_template("guide.html").render(L=LINKS, **ctx).encode()


@router.get("/roles/{slug}", response_class=HTMLResponse)
async def guide(request: Request, slug: str):
    if (target := request.app.state.data.moved(slug)) is not None:
        return RedirectResponse(LINKS.role(target), status_code=301)
    cache = request.app.state.html
    body = cache.get(slug)
    if body is None:
        body = cache.put(slug, await run_in_threadpool(_render_guide, request, slug))
    return Response(body, media_type="text/html; charset=utf-8")


@router.post("/roles/{slug}", response_class=HTMLResponse)
async def guide_personalised(request: Request, slug: str):
    settings = request.app.state.settings
    async with request.form(max_files=1, max_fields=300, max_part_size=settings.max_upload_bytes) as form:
        skills = split_skills([str(v) for v in form.getlist("skill")] + split_skills(str(form.get("skills_text") or "")))
        resume = str(form.get("resume_text") or "")[:200_000]
        upload = form.get("resume_file")
        if isinstance(upload, UploadFile) and (upload.filename or upload.size):
            content = await upload.read(settings.max_upload_bytes + 1)
            resume = (resume + "\n" + resume_text_from_upload(content, upload.content_type, upload.filename)).strip()
        hours = _num(str(form.get("hours_per_week") or ""), 1, 80) or 10
        f = views.PersonaliseForm(skills=skills, skills_text=str(form.get("skills_text") or "")[:2000],
                                  resume_text=resume[:200_000], hours_per_week=hours)
    data = request.app.state.data
    _guide_or_404(request, slug)
    result = await run_in_threadpool(personalise, data, slug, skills=skills, resume_text=resume or None,
                                     hours_per_week=hours)
    if result is None:
        raise HTTPException(404, f"No role {slug!r}.")
    g, method = result
    ctx = views.guide_page(data, g, form=f, method=method, max_upload_mb=settings.max_upload_bytes / 2**20)
    return render(request, "guide.html", ctx)


@router.get("/roles/{slug}/related", response_class=HTMLResponse)
def related(request: Request, slug: str):
    return render(request, "related.html", views.related(_guide_or_404(request, slug)))


@router.get("/transition", response_class=HTMLResponse)
def transition(request: Request):
    """Shared and missing skills from guide's `transition()`, the target's roadmap without the shared ones."""
    data = request.app.state.data
    qp = request.query_params
    from_q, to_q = qp.get("from", "")[:200], qp.get("to", "")[:200]
    ctx = {"page_title": "Switch roles", "from_q": from_q, "to_q": to_q, "a": None, "b": None, "t": None,
           "p": None, "message": None}
    if from_q and to_q:
        try:
            t = role_transition(data.cursor(), from_q, to_q)
        except InputError as e:
            ctx["message"] = str(e)
            return render(request, "transition.html", ctx, status=404)
        a, b = data.guide(t["from"]["slug"]), data.guide(t["to"]["slug"])
        if a is None or b is None:
            ctx["message"] = f"No guide built yet for “{t['from' if a is None else 'to']['title']}”."
            return render(request, "transition.html", ctx, status=404)
        p, _ = personalise(data, b.role.slug, skills=t["shared"], resume_text=None, hours_per_week=10) or (None, "")
        ctx.update(a=a, b=b, t=t, p=p, page_title=f"From {a.role.title} to {b.role.title}")
    return render(request, "transition.html", ctx)


@router.get("/courses", response_class=HTMLResponse)
def courses(request: Request):
    data = request.app.state.data
    qp = request.query_params
    level = qp.get("level") if qp.get("level") in LEVELS else None
    offset = int(_num(qp.get("offset"), 0, 1_000_000) or 0)
    f = CourseFilter(topic=qp.get("topic") or None, role=qp.get("role") or None, level=level,
                     free=True if qp.get("free") in ("true", "1", "on") else None,
                     max_hours=_num(qp.get("max_hours"), 0, 100_000), provider=(qp.get("provider") or None),
                     q=(qp.get("q") or "")[:200] or None, limit=PAGE_SIZE, offset=offset)
    total, rows = find_courses(data, f) if f.active() else (0, [])
    params = {k: v for k, v in qp.items() if k != "offset"}
    prev_url = f"/courses?{urlencode({**params, 'offset': max(0, offset - PAGE_SIZE)})}" if offset > 0 else None
    next_url = f"/courses?{urlencode({**params, 'offset': offset + PAGE_SIZE})}" if offset + PAGE_SIZE < total else None
    role = data.by_slug.get(f.role) if f.role else None
    ctx = {"page_title": f"Courses: {f.topic}" if f.topic else "Courses", "f": f, "topics": data.topics(),
           "levels": LEVELS, "providers": data.providers(), "total": total, "courses": rows, "role": role,
           "prev_url": prev_url, "next_url": next_url}
    return render(request, "courses.html", ctx)


@router.get("/courses/{course_id:path}", response_class=HTMLResponse)
def course(request: Request, course_id: str):
    c = course_detail(request.app.state.data, course_id)
    if c is None:
        raise HTTPException(404, "No such course.")
    return render(request, "course.html", {"page_title": c["title"], "c": c})


@router.get("/sources", response_class=HTMLResponse)
def sources(request: Request):
    return render(request, "sources.html", {"page_title": "Sources and licences",
                                            "sources": request.app.state.data.sources()})
