from careerpath.guide.render_html import render_html
from careerpath.guide.render_md import render_md


def test_html_escapes_external_text(guide):
    html = render_html(guide)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert "<b>welding</b>" not in html


def test_html_has_inline_svg_and_no_external_assets(guide):
    html = render_html(guide)
    assert html.count("<svg") >= 3  # salary, skills, timeline, growth
    assert "<script src" not in html and "<link" not in html and "cdn" not in html.lower()


def test_html_figures_show_source_and_as_of(guide):
    html = render_html(guide)
    assert "$50,000" in html and "[bls-oews-2025, 2025-05" in html
    assert "CC BY 4.0" in html and "O*NET" in html and 'id="sources"' in html


def test_fragment_is_embeddable(guide):
    body = render_html(guide, standalone=False)
    assert "<html" not in body and body.lstrip().startswith("<article")


def test_markdown_same_sections_and_escaping(guide):
    md = render_md(guide)
    for heading in ("## Snapshot", "## Roadmap", "## FAQ", "## Sources"):
        assert heading in md
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\[bls-oews-2025, 2025-05\\]" in md
    assert "CC BY 4.0" in md


def test_background_figure_only_when_it_differs(guide):
    assert "programming and maths background" in render_md(guide)
    t = guide.snapshot.time_to_job_ready
    t.with_background = t.from_scratch.model_copy()
    assert "programming and maths background" not in render_md(guide)
    assert "related background" not in render_html(guide)


def test_a_short_course_list_says_so(guide):
    note = "The catalog has only 1 course that teaches this role's skills closely enough to recommend."
    short = guide.model_copy(update={"courses_note": note})
    said = "The catalog has only 1 course that teaches this role"  # up to the apostrophe, which HTML escapes
    assert said in render_md(short) and said in render_html(short)
    empty = guide.model_copy(update={"courses": [], "courses_note": note.replace("only 1 course", "no course")})
    assert "## Recommended courses" in render_md(empty) and "has no course that" in render_html(empty)
    assert "The catalog has" not in render_md(guide)  # no note, nothing said


def test_related_roles_say_similarity_not_overlap(guide):
    from careerpath.guide.model import RelatedRole

    rel = guide.model_copy(update={"related_roles": [RelatedRole(slug="registered-nurses", title="Registered Nurses",
                                                                 similarity=0.95, shared_skills=["manage time"])]})
    for text in (render_md(rel), render_html(rel)):
        # a cosine of whole skill profiles with one shared top skill must not read as "95% overlap"
        assert "skill similarity 0.95" in text and "overlap" not in text
        assert "both rank: manage time" in text and "cosine" in text


def test_experience_and_training_workers_report_shown_with_source(guide):
    from careerpath.figures import Figure
    from careerpath.profile.model import Preparation

    share = Figure(value=49.1, unit="percent", source="onet-29.0", as_of="2024-08", n=19,
                   note="share of O*NET respondents reporting none; surveyed 08/2021")
    prep = [Preparation(kind="Related Work Experience", median="Over 1 year, up to and including 2 years",
                        low_months=12, high_months=24, share_none=share, surveyed="08/2021"),
            Preparation(kind="<b>On-the-Job</b> Training", median="None or short demonstration", low_months=0,
                        high_months=0, share_none=share, surveyed="08/2021")]
    assert "workers report" not in render_md(guide)  # none known, nothing said
    g = guide.model_copy(deep=True)
    g.snapshot.time_to_job_ready.preparation = prep
    md, html = render_md(g), render_html(g)
    said = "related work experience: 1–2 years (median answer; 49% say none)"
    assert said in md and said in html
    assert "\\[onet-29.0, 2024-08; 19 respondents, surveyed 08/2021\\]" in md
    assert "[onet-29.0, 2024-08; 19 respondents, surveyed 08/2021]" in html
    assert "<b>on-the-job</b>" not in html and "&lt;b&gt;on-the-job&lt;/b&gt; training: none" in html  # escaped


def test_preparation_spans_in_few_words():
    from careerpath.guide.wording import preparation_span

    assert [preparation_span(*s) for s in ((0, 0), (0, 1), (3, 6), (6, 12), (24, 48), (120, None))] == [
        "none", "up to 1 month", "3–6 months", "6–12 months", "2–4 years", "over 10 years"]


def test_roadmap_steps_name_each_courses_level(guide):
    """A reader follows the path by the courses' levels; a level the catalogue does not state is not named."""
    from careerpath.guide.render_html import render_html
    from careerpath.guide.render_md import render_md

    guide.courses[0].level = "beginner"
    md_line = next(l for l in render_md(guide).splitlines() if l.startswith("   - Courses: "))
    assert md_line.endswith("Welding 101 (beginner)")
    assert " (beginner)" in render_html(guide) and "<script>alert(1)" not in render_html(guide)
    guide.courses[0].level = "mixed"
    md_line = next(l for l in render_md(guide).splitlines() if l.startswith("   - Courses: "))
    assert md_line.endswith("Welding 101") and "(mixed)" not in render_html(guide)


def test_a_step_with_no_hours_of_its_own_says_why_not_zero_months(guide):
    """Dental hygienists' "Advanced: Medicine and Dentistry, oral surgery" read "0 h, 0–0 months": step 1's course
    teaches both. Such a step now says there is nothing extra to do; a step with hours keeps them."""
    from careerpath.guide import model as gm
    from careerpath.guide.model import NO_EXTRA_TIME

    guide.roadmap.append(gm.RoadmapStep(step=2, title="Advanced: Welding theory", months=gm.MonthRange(low=0, high=0),
                                        hours=0, skills=["Welding theory"], why="taught in step 1's course"))
    md = render_md(guide)
    assert f"2. **Advanced: Welding theory** — {NO_EXTRA_TIME}" in md and "0–0 months" not in md
    assert "1. **Foundations: Welding** — 200 h, 3–4 months" in md
    html = render_html(guide)
    assert NO_EXTRA_TIME in html and "0–0 months" not in html and "200 h, 3–4 months" in html


def test_a_related_role_o_net_lists_is_marked(guide):
    """O*NET's own related occupations keep their place whatever their similarity (Dental Assistants at 0.85 beside
    surgeons at 0.96 for dental hygienists); the mark says why such a role is there."""
    from careerpath.guide.model import ONET_RELATED_MARK, RelatedRole

    rel = guide.model_copy(update={"related_roles": [
        RelatedRole(slug="surgical-assistants", title="Surgical Assistants", similarity=0.96),
        RelatedRole(slug="dental-assistants", title="Dental Assistants", similarity=0.85, onet_related=True)]})
    md = render_md(rel)
    assert f"- Dental Assistants — skill similarity 0.85; {ONET_RELATED_MARK}" in md
    assert "- Surgical Assistants — skill similarity 0.96\n" in md + "\n" and md.count(ONET_RELATED_MARK) == 1
    html = render_html(rel)
    assert html.count(ONET_RELATED_MARK) == 1 and html.index(ONET_RELATED_MARK) > html.index("Dental Assistants")


def test_a_month_range_whose_ends_print_alike_is_one_figure(guide):
    """Data scientists' step 3 read "15 h, 0.2–0.2 months": 15 hours at 15–20 h a week round to the same tenth.
    Every renderer prints such a range as one figure; a true range keeps both ends."""
    from careerpath.guide import model as gm
    from careerpath.guide.charts import roadmap_timeline
    from careerpath.guide.faq import build_faq
    from careerpath.guide.wording import month_range

    assert month_range(gm.MonthRange(low=0.21, high=0.24)) == "0.2 months"
    assert month_range(gm.MonthRange(low=1.1, high=1.5)) == "1.1–1.5 months"
    guide.roadmap.append(gm.RoadmapStep(step=2, title="Advanced: Welding theory", months=gm.MonthRange(low=0.2, high=0.2),
                                        hours=15, skills=["Welding theory"], why="a short step"))
    guide.snapshot.time_to_job_ready.with_background = gm.MonthRange(low=0.5, high=0.5)
    md, html = render_md(guide), render_html(guide)
    assert "2. **Advanced: Welding theory** — 15 h, 0.2 months" in md and "0.2–0.2" not in md
    assert "0.5 months with a programming and maths background" in md and "0.5–0.5" not in md
    assert "15 h, 0.2 months" in html and "0.2–0.2" not in html and "0.5–0.5" not in html
    assert "1. **Foundations: Welding** — 200 h, 3–4 months" in md and "200 h, 3–4 months" in html
    assert "0.2 mo<" in str(roadmap_timeline(guide))
    how_long = " ".join(f.answer for f in build_faq("Welders", guide.snapshot) if f.question.startswith("How long"))
    assert "0.5 months with a programming and maths background" in how_long and "0.5–0.5" not in how_long


def test_a_role_spanning_occupations_says_why_it_has_no_employment_count(guide):
    """An emerging role's snapshot read "Employment: n/a": BLS counts people by occupation, and a head count cannot
    be split by the mixture's weights. It now says so; a role of one occupation with no count omits the line."""
    from careerpath.guide import model as gm

    guide.snapshot.employment = None
    md, html = render_md(guide), render_html(guide)
    assert "Employment:" not in md and "Employment:" not in html
    guide.role.soc = [gm.SocWeight(code="15-2051.00", title="Data Scientists", weight=0.6),
                      gm.SocWeight(code="15-1221.00", title="Computer and Information Research Scientists", weight=0.4)]
    want = "Employment: not counted: BLS counts people by occupation, and this role spans 2"
    assert want in render_md(guide) and want in render_html(guide)


def test_a_salary_in_pounds_reads_in_pounds():
    from careerpath.figures import Figure
    from careerpath.guide.render_html import fmt

    assert fmt(Figure(value=15902.0, unit="GBP/year", source="s", as_of="2020")) == "£15,902"
    assert fmt(Figure(value=97550.0, unit="USD/year", source="s", as_of="2025")) == "$97,550"
    assert fmt(Figure(value=12.0, unit="SEK/year", source="s", as_of="2025")) == "12 SEK/year"
