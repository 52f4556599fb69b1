import json

import pytest
from click.testing import CliRunner

from careerpath.commands.profile import profile
from careerpath.errors import InputError


def test_profile_json(fixture_db):
    res = CliRunner().invoke(profile, ["Staff Nurse", "--json", "--db", str(fixture_db)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)  # stdout alone: a log line (no title index in this small store) goes to stderr
    assert data["role"]["slug"] == "registered-nurses"
    assert data["salary"]["national"][0]["median"]["source"] == "bls-oews-2025"


def test_unknown_role_is_input_error(fixture_db):
    with pytest.raises(InputError):
        profile.main(["qwzzx flarbnok", "--db", str(fixture_db)], standalone_mode=False)
