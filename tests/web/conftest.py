from __future__ import annotations

import pytest

from careerpath.web.app import WebSettings, create_app
from tests.web.fixtures import build_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="session")
def app(store_path):
    return create_app(store_path, WebSettings(semantic_resolve=False))
