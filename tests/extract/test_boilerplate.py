"""Equal-opportunity and adjustment sentences name no skill; everything around them still does."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.extract.boilerplate import blank_boilerplate, boilerplate_spans
from careerpath.extract.skills import ExtractConfig, SkillExtractor

from .skills_fixtures import make_store

EEO = ("Python and SQL required.\nAcme is an Equal Opportunity Employer. All qualified applicants will receive "
       "consideration for employment without regard to race, color, religion, sex, pregnancy, sexual orientation, "
       "gender identity, national origin, genetic information, age, or protected veteran status.\nApply today.")


def blanked(text: str) -> list[str]:
    return [text[a:b] for a, b in boilerplate_spans(text)]


def test_us_statement_is_blanked_and_the_requirements_are_kept():
    parts = blanked(EEO)
    assert parts[0] == "Acme is an Equal Opportunity Employer" and parts[-1].endswith("protected veteran status")
    assert all(a == 0 or not EEO[a - 1].isalnum() for a, _ in boilerplate_spans(EEO))  # no fragment of a word left
    out = blank_boilerplate(EEO)
    assert len(out) == len(EEO)
    assert out.startswith("Python and SQL required.\n") and out.endswith(".\nApply today.")
    assert "pregnancy" not in out and "religion" not in out


@pytest.mark.parametrize("text, gone", [
    ("If you require any reasonable adjustments to the application process please contact us.", "application process"),
    ("We welcome applications regardless of age, disability, marriage and civil partnership, pregnancy and maternity.",
     "pregnancy"),
    ("We participate in E-Verify.", "E-Verify"),
    ("In compliance with the Americans with Disabilities Act (ADA), we will provide reasonable accommodation.", "ADA"),
])
def test_uk_and_us_adjustment_and_list_sentences(text, gone):
    assert gone not in blank_boilerplate(text)


@pytest.mark.parametrize("text", [
    # a biotech company's own work, not a list of characteristics
    "Genentech uses human genetic information to develop novel medicines for serious diseases.",
    # an NHS clinic's name
    "The Gender Identity Clinic is the largest of the English clinics.",
    # an HR assistant's duty
    "Manages the online master database for all recruitment applicants and affirmative action reporting.",
    # the work itself
    "Support adults with a learning disability and their families; maternity cover until March.",
])
def test_the_same_words_as_the_work_are_kept(text):
    assert boilerplate_spans(text) == []


@pytest.mark.parametrize("text, gone", [
    ("3. Some positions may require a valid California driver's license. Candidates may not be eligible.",
     "driver's license"),
    ("Proficiency in Spanish is required for some positions.", "Spanish"),
    ("Some positions in this class may require a license to operate a forklift or crane.", "forklift"),
    ("31, selective certification will be used for some positions that require special skills and/or training in HVAC.",
     "HVAC"),
])
def test_what_only_some_positions_of_a_class_require_is_no_requirement(text, gone):
    assert gone not in blank_boilerplate(text)


@pytest.mark.parametrize("text", [
    "2. A valid California driver's license is required. Applicants will be disqualified without one.",
    "Due to the popularity of some positions, we reserve the right to close the vacancies early.",
    "Relocation assistance may be available for some positions.",
    "Some positions are more physical than others.",
])
def test_a_requirement_of_every_position_and_other_talk_of_positions_are_kept(text):
    assert boilerplate_spans(text) == []


def test_a_lost_full_stop_does_not_take_the_requirement_before_it():
    text = "A full driving licence is essential for this role Saga Healthcare Group is an equal opportunities employer"
    assert "driving licence" in blank_boilerplate(text)
    text = "Excellent written communication skillsWe are an equal opportunity employer and value diversity."
    assert blank_boilerplate(text).startswith("Excellent written communication skills")


@given(st.text(max_size=400))
def test_any_text_keeps_its_length_and_every_character_outside_the_spans(text):
    out = blank_boilerplate(text)
    assert len(out) == len(text)
    inside = set()
    for a, b in boilerplate_spans(text):
        assert 0 <= a <= b <= len(text)
        inside.update(range(a, b))
    assert all(out[i] == text[i] for i in range(len(text)) if i not in inside)


@given(st.text(alphabet=st.sampled_from(list("İı ,.Equal opportunity employer without regard to")), max_size=200))
def test_letters_whose_lower_case_is_longer_keep_positions(text):
    out = blank_boilerplate(text)
    assert len(out) == len(text)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("bp") / "s.duckdb")


def test_the_extractor_reads_no_skill_from_the_statement_and_spans_stay_on_the_input(db):
    text = ("Experience with SQL.\nAll applicants are considered without regard to race, colour or a machine learning "
            "background.\nPython is a plus.")
    with duckdb.connect(str(db), read_only=True) as con:
        on = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False))
        off = SkillExtractor.from_store(con, config=ExtractConfig(semantic=False, blank_boilerplate=False))
    hits = {h.name: h for h in on.extract(text)}
    assert "machine learning" not in hits and "machine learning" in {h.name for h in off.extract(text)}
    assert {"SQL", "Python (computer programming)"} <= set(hits)
    a, b = hits["Python (computer programming)"].spans[0]
    assert text[a:b] == "Python"


def test_the_batch_path_blanks_too(db):
    """The batch stage ranks pre-embedded segments with `extract_encoded`; it must read the same text as `extract`."""
    from careerpath.embed import HashingEmbedder

    text = "Experience with SQL.\nWe do not discriminate on the basis of race, religion or machine learning."
    with duckdb.connect(str(db)) as con:
        ex = SkillExtractor.from_store(con, embedder=HashingEmbedder(), config=ExtractConfig(sem_threshold=0.3))
    segs = ex.segments(ex.prepare(text))
    assert all("discriminate" not in s for s, _, _ in segs)
    names = {h.name for h in ex.extract_encoded(text, segs, ex.embedder.encode([s for s, _, _ in segs]))}
    assert "SQL" in names and "machine learning" not in names
