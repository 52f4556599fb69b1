"""schemathesis against /openapi.json: no generated input makes the API answer with a server error."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from careerpath.web.app import WebSettings, create_app  # noqa: E402
from tests.web.fixtures import build_store  # noqa: E402

_DIR = tempfile.TemporaryDirectory(prefix="careerpath-schema-")
APP = create_app(build_store(Path(_DIR.name) / "s.duckdb"), WebSettings(semantic_resolve=False))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_fails_with_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
