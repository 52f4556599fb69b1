"""The static export: every role and topic, relative links only, assets included."""

from __future__ import annotations

import re

from careerpath.web.export import build_site


def test_build_site_writes_relative_pages(store_path, tmp_path):
    report = build_site(store_path, tmp_path / "site")
    site = tmp_path / "site"
    assert report["pages"]["roles"] == 3
    for rel in ("index.html", "sources.html", "courses.html", "roles/machine-learning-engineer.html",
                "topics/datascience.html", "groups/15.html", "static/style.css", "static/search.js",
                "static/roles-index.js"):
        assert (site / rel).is_file(), rel
    for page in site.rglob("*.html"):
        text = page.read_text()
        for link in re.findall(r'(?<![-\w])(?:href|src|action)="([^"]+)"', text):
            assert not link.startswith("/"), (page, link)
            if link.startswith(("http", "#", "javascript")):
                continue
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.exists(), (page, link)
        assert 'method="post"' not in text  # personalising needs the server
    assert "<script>window.__pwned" not in (site / "topics/datascience.html").read_text()
