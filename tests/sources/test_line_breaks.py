"""Lost line breaks: joins split, camel-case names kept, offsets exact, empty and unicode input."""

from __future__ import annotations

from careerpath.sources.line_breaks import Vocabulary, join_points, learn, restore_line_breaks

VOCAB = Vocabulary(names=frozenset({"pySpark", "LinkedIn"}), heads=frozenset({"Email", "Job", "Telephone", "In"}))


def test_joins_of_a_lower_case_word_are_split() -> None:
    text = "We are committedRegistered Nurse on ourWards with insuranceDental insuranceVision"
    out, points = restore_line_breaks(text)
    assert out == "We are committed\nRegistered Nurse on our\nWards with insurance\nDental insurance\nVision"
    assert [text[p - 3:p] + "|" + text[p:p + 3] for p in points] == ["ted|Reg", "our|War", "nce|Den", "nce|Vis"]
    assert restore_line_breaks("business needsWrite code; experience with gitFamiliarity with SQL")[0] == (
        "business needs\nWrite code; experience with git\nFamiliarity with SQL")


def test_every_join_in_one_token_is_split() -> None:
    assert restore_line_breaks("Job titleMatronEmail address", VOCAB)[0] == "Job title\nMatron\nEmail address"


def test_camel_case_names_are_kept() -> None:
    names = ("JavaScript TypeScript TensorFlow PyTorch GitHub GitLab BigQuery DataFlow SonarQube MicroStation "
             "PowerShell SharePoint PowerPoint QuickBooks WordPress YouTube DevOps CyrusOne McDonald's "
             "iPhone eBay spaCy jQuery eLearning noSQL macOS")
    assert restore_line_breaks(names, VOCAB) == (names, [])


def test_a_name_seen_across_sources_is_kept_and_a_head_splits_a_capitalised_token() -> None:
    assert restore_line_breaks("use pySpark daily", VOCAB)[0] == "use pySpark daily"
    assert restore_line_breaks("use pySpark daily")[0] == "use py\nSpark daily"  # without the evidence: a join
    assert restore_line_breaks("see LinkedIn", VOCAB)[0] == "see LinkedIn"  # a name, though "In" heads lines
    text = "Name Sarah VincentJob titleWard ManagerEmail addresss.v@nhs.ukTelephone number 0113"
    assert restore_line_breaks(text, VOCAB)[0] == (
        "Name Sarah Vincent\nJob title\nWard Manager\nEmail addresss.v@nhs.uk\nTelephone number 0113")
    assert restore_line_breaks("Senior SisterEmail")[0] == "Senior SisterEmail"  # no heads known: kept


def test_urls_and_paths_are_left_alone() -> None:
    text = "see www.caterer.com/JobSeeking/x and https://a.gov/media/resourcesContents/x.pdf"
    assert restore_line_breaks(text, VOCAB) == (text, [])


def test_offsets_and_lengths() -> None:
    text = "goodAbility to learn and ourWards"
    out, points = restore_line_breaks(text)
    assert points == join_points(text) == [4, 28]
    assert len(out) == len(text) + len(points)
    assert out.replace("\n", "") == text  # only breaks are inserted
    for k, p in enumerate(points):
        assert out[p + k] == "\n" and out[p + k + 1] == text[p]


def test_empty_and_unicode_input() -> None:
    assert restore_line_breaks("") == ("", [])
    assert restore_line_breaks("no joins here, none at all") == ("no joins here, none at all", [])
    text = "Café équipe naïveŒuvre – résuméBuilder 👩‍⚕️ for ourWards ü"
    out, points = restore_line_breaks(text)
    # only an ASCII lower-case letter then an ASCII capital and two lower-case letters is a join point
    assert out == "Café équipe naïveŒuvre – résuméBuilder 👩‍⚕️ for our\nWards ü"
    assert [text[p] for p in points] == ["W"]


def test_learn_counts_sources_and_line_heads() -> None:
    texts = [(f"s{i % 3}", f"Role {i}\nEmail me\nuse TensorFlow and skillsExcellent work") for i in range(30)]
    texts.append(("s0", "Chorus Email"))
    vocab = learn(texts)
    assert "TensorFlow" in vocab.names and "skillsExcellent" in vocab.names  # in three sources here
    assert "Email" in vocab.heads and "Role" in vocab.heads and "Chorus" not in vocab.heads
    assert learn([("s0", "skillsExcellent")]).names == frozenset()
    assert learn([]) == Vocabulary()
