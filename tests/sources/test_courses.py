"""Course catalogs: tiny hand-written files for each format, plus a check on the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerpath.errors import InputError
from careerpath.sources import courses

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data"

FILES = {
    "coursera_courses_skills_modules_reviews.csv": (
        "Course Title,Rating,Level,Schedule,What you will learn,Skill gain,Modules,Instructor,Offered By,Keyword,"
        "Course Url,Duration to complete (Approx.),Number of Review\n"
        'AI For Everyone,4.8,Beginner level,Flexible schedule,Learn AI,"Python, SQL, Python","Week 1, Week 2",'
        "Andrew Ng,DeepLearning.AI,DataScience,https://www.coursera.org/learn/ai-for-everyone,6.0,100\n"
        "New Course,0.0,Not specified,Flexible schedule,Not specified,Not specified,,X,IBM,Business,"
        "https://www.coursera.org/projects/new,1.5,0\n"
        ",4.0,Beginner level,Flexible schedule,x,x,x,x,IBM,Business,https://www.coursera.org/learn/x,1,3\n"
    ),
    "coursera_courses_partner_skills_rating.csv": (
        "partner,course,skills,rating,reviewcount,level,certificatetype,duration,crediteligibility\n"
        'deeplearning.ai,AI for everyone!,"Machine Learning, None",4.8,1000.0,Mixed , Course , 1 - 3 Months,False\n'
        "Google,Short one,None,,,None,None, Less Than 2 Hours,False\n"
    ),
    "coursera_courses_siddharthm_enrolled.csv": (
        ",course_title,course_organization,course_Certificate_type,course_rating,course_difficulty,course_students_enrolled\n"
        "1,AI For Everyone,deeplearning.ai,COURSE,4.8,Beginner,5.3k\n"
        "2,Big One,IBM,PROFESSIONAL CERTIFICATE,4.6,Mixed,1.2m\n"
        '3,"Data Science  Professional\nCertificate ",IBM,PROFESSIONAL CERTIFICATE,4.6,Mixed,1k\n'
    ),
    "udemy_courses_andrewmvd.csv": (
        "course_id,course_title,url,is_paid,price,num_subscribers,num_reviews,num_lectures,level,content_duration,"
        "published_timestamp,subject\n"
        "11,AI For Everyone,https://www.udemy.com/a/,True,20,150,10,5,All Levels,2.5,2017-01-01T00:00:00Z,Web Development\n"
        "12,Free Guitar,https://www.udemy.com/b/,False,0,10,1,5,Expert Level,1.0,2017-01-01T00:00:00Z,Musical Instruments\n"
        "11,AI For Everyone,https://www.udemy.com/a/,True,20,150,10,5,All Levels,2.5,2017-01-01T00:00:00Z,Web Development\n"
    ),
    "edx_courses.csv": (
        "Name,University,Difficulty Level,Link,About,Course Description\n"
        "Intro to Python,MITx,Advanced,https://www.edx.org/course/p,Short about.,Long description of the course.\n"
    ),
}


def write(tmp_path: Path, **override: str) -> Path:
    folder = tmp_path / "courses"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**FILES, **override}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def table(tmp_path: Path):
    loaded = courses.load(write(tmp_path))
    return loaded, loaded[0].tables["courses"].set_index("course_id")


def test_sources_files_and_one_table(tmp_path: Path) -> None:
    loaded, _ = table(tmp_path)
    assert [ld.source.id for ld in loaded] == [c.source.id for c in courses.CATALOGS]
    assert sum("courses" in ld.tables for ld in loaded) == 1
    assert all(ld.files[0].path.startswith("courses/") for ld in loaded)


def test_levels_hours_enrolled_and_lists(tmp_path: Path) -> None:
    _, df = table(tmp_path)
    first = df.loc["courses-coursera-skills-modules:1"]
    assert (first.level, first.hours, first.hours_rule) == ("beginner", 6.0, "stated")
    assert first.skills_given == ["Python", "SQL"] and first.modules == ["Week 1", "Week 2"]
    second = df.loc["courses-coursera-skills-modules:2"]
    assert second.level is None and second.level_raw == "Not specified" and second.rating is None
    assert second.skills_given == [] and second.certificate_type == "guided project"
    partner = df.loc["courses-coursera-partner:1"]
    assert partner.level == "mixed" and partner.certificate_type == "course"
    assert partner.hours == pytest.approx(2 * 4.345 * 5, abs=0.1) and partner.skills_given == ["Machine Learning"]
    assert df.loc["courses-coursera-partner:2"].hours == 1.0
    assert df.loc["courses-coursera-enrolled:1"].enrolled == 5300
    assert df.loc["courses-coursera-enrolled:2"].enrolled == 1_200_000
    free = df.loc["courses-udemy:12"]
    assert (free.level, free.is_free, free.price, free.provider) == ("advanced", True, 0.0, "Udemy")
    edx = df.loc["courses-edx:1"]
    assert edx.description.startswith("Short about.") and "Long description" in edx.description


def test_titles_are_one_line_with_single_spaces(tmp_path: Path) -> None:
    """A doubled space or a line break inside a catalogue title is how the file was typed, not part of the name."""
    _, df = table(tmp_path)
    assert df.loc["courses-coursera-enrolled:3"].title == "Data Science Professional Certificate"


def test_bad_rows_rejected_and_counted(tmp_path: Path) -> None:
    loaded, _ = table(tmp_path)
    by_id = {ld.source.id: ld for ld in loaded}
    sm = by_id["courses-coursera-skills-modules"]
    assert [(r.line, r.reason) for r in sm.rejects] == [(3, "no title")]
    assert (sm.files[0].rows_read, sm.files[0].rows_loaded, sm.files[0].rows_rejected) == (3, 2, 1)
    assert "repeats course_id 11" in by_id["courses-udemy"].rejects[0].reason


def test_duplicates_across_catalogs(tmp_path: Path) -> None:
    _, df = table(tmp_path)
    group = df.loc["courses-coursera-skills-modules:1"].duplicate_group
    members = set(df.index[df.duplicate_group == group])
    # same title + compatible provider; Udemy's copy has provider "Udemy", so it stays apart
    assert members == {"courses-coursera-skills-modules:1", "courses-coursera-partner:1", "courses-coursera-enrolled:1"}
    assert courses.cross_catalog_groups(df.reset_index()) == 1
    assert df.loc["courses-edx:1"].duplicate_group is None


def test_missing_column_is_input_error(tmp_path: Path) -> None:
    broken = FILES["edx_courses.csv"].replace("Difficulty Level", "Level")
    with pytest.raises(InputError, match="edx_courses.csv.*Difficulty Level"):
        courses.load(write(tmp_path, **{"edx_courses.csv": broken}))


def test_mostly_bad_file_is_input_error(tmp_path: Path) -> None:
    bad = FILES["coursera_courses_siddharthm_enrolled.csv"].replace("5.3k", "lots").replace("1.2m", "many")
    with pytest.raises(InputError, match="rows rejected"):
        courses.load(write(tmp_path, **{"coursera_courses_siddharthm_enrolled.csv": bad}))


@pytest.mark.skipif(not (REAL / "courses").is_dir(), reason="shared data not present")
def test_real_catalogs() -> None:
    loaded = courses.load(REAL)
    df = loaded[0].tables["courses"]
    assert df.groupby("catalog").size().to_dict() == {
        "coursera-skills-modules": 5384, "coursera-partner": 1139, "coursera-enrolled": 891,
        "udemy": 3672, "edx": 720,
    }
    assert df["course_id"].is_unique
    assert courses.cross_catalog_groups(df) > 100
    assert set(df["level"].dropna()) <= {"beginner", "intermediate", "advanced", "mixed"}


@pytest.fixture(scope="module")
def detector():
    return courses.language_detector()


@pytest.mark.parametrize("title, extra, expected", [
    ("Introduction to the Theory of Computation", None, "en"),  # the stop words decide
    ("Introdução à Análise de dados", "Aprenda os conceitos da análise para uma empresa", "pt"),
])
def test_language_by_stop_words(title, extra, expected) -> None:
    assert courses.language(title, extra) == expected


@pytest.mark.parametrize("title, expected", [
    ("Biología bucal", "es"),  # two words, no stop word: listed in the dental hygienists' English guide before
    ("Gestão de Operações", "pt"),
    ("Grundlagen der Unfallchirurgie", "de"),
    ("見てわかる！やさしく独習アコギ（入門編）", "ja"),
])
def test_short_titles_in_another_language_are_detected(detector, title, expected) -> None:
    assert courses.language(title, None) is None  # what the stop-word vote alone says
    assert courses.language(title, None, detector) == expected


@pytest.mark.parametrize("title", ["Javascript Specialist", "Django For Beginners", "Medical Neuroscience",
                                   "Six Sigma Green Belt", "Mastering Magento", "Résumé Writing", "Café Management",
                                   "Crème Brûlée Baking", "Global Financing Solutions (by EDHEC and Société Générale)"])
def test_short_english_titles_are_not_called_foreign(detector, title) -> None:
    assert courses.language(title, None, detector) in (None, "en")


def test_zero_hours_of_video_is_no_length_and_is_counted(tmp_path: Path) -> None:
    """Udemy gives 0 hours for a few courses: the course is kept, its length unstated, and the change counted."""
    udemy = FILES["udemy_courses_andrewmvd.csv"].replace(
        "12,Free Guitar,https://www.udemy.com/b/,False,0,10,1,5,Expert Level,1.0,",
        "12,Free Guitar,https://www.udemy.com/b/,False,0,10,1,5,Expert Level,0,")
    loaded = courses.load(write(tmp_path, **{"udemy_courses_andrewmvd.csv": udemy}))
    df = loaded[0].tables["courses"].set_index("course_id")
    assert df.loc["courses-udemy:12"].hours is None and df.loc["courses-udemy:12"].hours_rule is None
    assert df.loc["courses-udemy:11"].hours == 2.5
    assert loaded[0].tables["courses"].attrs["notes"] == {"courses-udemy": {"hours_zero_nulled": 1}}


def test_a_course_under_an_hour_says_minutes():
    from careerpath.recommend.rank import why

    assert why(["law"], 0, "beginner", 0.45).endswith("beginner level, about 27 min.")
    assert why(["law"], 0, "beginner", 0.0).endswith("length not stated.")
    assert why(["law"], 0, "beginner", 12.4).endswith("about 12 h.")
