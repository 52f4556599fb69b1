import pytest

from careerpath.guide.faq import build_faq
from careerpath.guide.wording import article, person


@pytest.mark.parametrize("title, one", [
    ("Dental Hygienists", "Dental Hygienist"),
    ("Chefs and Head Cooks", "Chef"),
    ("Plumbers, Pipefitters, and Steamfitters", "Plumber"),
    ("Computer and Information Systems Managers", "Computer and Information Systems Manager"),
    ("Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
     "Secretary (except legal, medical, and executive)"),
    ("Cooks, Institution and Cafeteria", "Cook (institution and cafeteria)"),
    ("Art, Drama, and Music Teachers, Postsecondary", "Art, Drama, and Music Teacher (postsecondary)"),
    ("First-Line Supervisors of Food Preparation and Serving Workers",
     "First-Line Supervisor of Food Preparation and Serving Workers"),
    ("Sales Managers", "Sales Manager"),
    ("Coaches and Scouts", "Coach"),
    ("Physicians, Pathologists", "Pathologist"),
    ("Engineers, All Other", "Engineer (all other)"),
    ("Helpers--Roofers", "Helper (roofers)"),
    ("Clergy", "Clergy"),
])
def test_person_is_one_of_the_occupation(title, one):
    assert person(title) == one


def test_emerging_roles_are_already_singular():
    assert person("Business Analytics", "emerging") == "Business Analytics"


def test_faq_asks_about_one_person(guide):
    faq = build_faq("Occupational Therapists", guide.snapshot, person=person("Occupational Therapists"))
    questions = " ".join(f.question for f in faq)
    assert "an Occupational Therapist?" in questions and "Therapists?" not in questions
    assert article("User Researcher") == "a"
