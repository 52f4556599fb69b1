"""An emerging role's text without the O*NET summary and tasks its profile borrows (relevance.BORROWED_TEXT_KINDS_OFF)."""

from careerpath.recommend import relevance
from careerpath.recommend.roles import role_from_profile

SUMMARY = "Design strategies for enterprise databases, data warehouse systems, and multidimensional networks."
TASK = "Develop load-balancing processes to eliminate down time for backup processes."


def _profile(kind: str) -> dict:
    return {"role": {"slug": "data-engineer", "title": "Data Engineer", "kind": kind},
            "skills": {"items": [{"id": "s1", "name": "SQL", "importance": 0.9, "core": True, "type": "knowledge"},
                                 {"id": "s2", "name": "Apache Spark", "importance": 0.5, "type": "software"}]},
            "what_they_do": {"summary": SUMMARY, "tasks": [TASK]}}


def test_an_emerging_role_can_leave_its_borrowed_text_out(monkeypatch):
    monkeypatch.setattr(relevance, "BORROWED_TEXT_KINDS_OFF", frozenset({"emerging"}))
    emerging = role_from_profile("data-engineer", "Data Engineer", _profile("emerging"))
    assert SUMMARY not in emerging.text and TASK not in emerging.text
    assert emerging.text.startswith("Data Engineer.") and "SQL, Apache Spark" in emerging.text
    # an O*NET occupation's summary and tasks are its own: kept
    occupation = role_from_profile("data-engineer", "Data Engineer", _profile("occupation"))
    assert SUMMARY in occupation.text and TASK in occupation.text
    # the skills are the same either way: only the text changes
    assert emerging.skills.equals(occupation.skills)


def test_switched_off_every_role_keeps_its_profile_text(monkeypatch):
    monkeypatch.setattr(relevance, "BORROWED_TEXT_KINDS_OFF", frozenset())
    for kind in ("emerging", "occupation"):
        role = role_from_profile("data-engineer", "Data Engineer", _profile(kind))
        assert SUMMARY in role.text and TASK in role.text


def test_a_confidence_gate_keeps_the_borrowed_text_of_a_well_mapped_title(monkeypatch):
    monkeypatch.setattr(relevance, "BORROWED_TEXT_KINDS_OFF", frozenset({"emerging"}))
    monkeypatch.setattr(relevance, "BORROWED_TEXT_BELOW_CONFIDENCE", 0.7)
    weak, sure = _profile("emerging"), _profile("emerging")
    weak["role"]["confidence"], sure["role"]["confidence"] = 0.66, 0.95
    assert SUMMARY not in role_from_profile("data-engineer", "Data Engineer", weak).text
    assert SUMMARY in role_from_profile("data-engineer", "Data Engineer", sure).text
