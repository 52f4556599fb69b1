"""End to end in headless Chromium: search "ml engineer", open the guide, enter skills, see the roadmap."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (os.path.exists(CHROMIUM) or shutil.which("chromium")), reason="chromium not installed"),
]


@pytest.fixture(scope="module")
def base_url(app):
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 15
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        pg = context.new_page()
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.errors = errors
        yield pg
        context.close()
        browser.close()


def test_search_guide_personalise(page, base_url, tmp_path):
    page.goto(base_url + "/")
    page.get_by_label("Search any job title").fill("ml engineer")
    suggestion = page.locator("#q-suggest a").first
    suggestion.wait_for(state="visible", timeout=5000)
    assert "Machine Learning Engineer" in suggestion.inner_text()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/roles/machine-learning-engineer")
    assert page.locator("h1").inner_text() == "How to become a Machine Learning Engineer"
    assert page.locator("#snapshot").get_by_text("bls-oews-2025").first.is_visible()
    page.screenshot(path=str(tmp_path / "guide.png"), full_page=False)

    page.get_by_label("Python", exact=True).check()
    page.get_by_label("Other skills, comma-separated").fill("sql, docker")
    page.get_by_label("Hours a week you can study").fill("8")
    page.get_by_role("button", name="Personalise my roadmap").click()
    page.wait_for_load_state()
    heading = page.locator("#roadmap-h")
    assert heading.inner_text() == "Your personalised roadmap"
    have = page.locator("ul.chips.have").first.inner_text()
    assert "Python" in have and "SQL" in have and "Docker" in have
    assert "for you" in page.locator("#snapshot").inner_text()
    assert not [e for e in page.errors if "Content Security Policy" in e], page.errors


def test_search_form_works_without_suggestions(page, base_url):
    page.goto(base_url + "/")
    page.fill("#q", "data scientist")
    page.locator("#q-suggest a").first.wait_for(state="visible", timeout=5000)
    page.keyboard.press("Escape")  # closes the suggestions, keeps the text
    assert page.locator("#q-suggest").is_hidden() and page.input_value("#q") == "data scientist"
    page.get_by_role("button", name="Find the guide").click()
    page.wait_for_url("**/roles/data-scientist")
    page.keyboard.press("Tab")  # the first Tab stop is the skip link
    assert page.evaluate("document.activeElement.className") == "skip"


def test_injected_title_does_not_run(page, base_url):
    page.goto(base_url + "/courses?topic=DataScience")
    assert page.evaluate("window.__pwned === undefined")
    assert page.get_by_text("<script>window.__pwned = 1</script>Deep Learning").is_visible()


def test_phone_layout_has_no_horizontal_scroll(page, base_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base_url + "/roles/machine-learning-engineer")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1100, "height": 900})


def test_static_export_from_file_url(page, store_path, tmp_path):
    from careerpath.web.export import build_site

    build_site(store_path, tmp_path / "site")
    page.goto((tmp_path / "site" / "index.html").as_uri())
    page.fill("#q", "ml eng")
    page.locator("#q-suggest a").first.wait_for(state="visible", timeout=5000)
    page.locator("#q-suggest a").first.click()
    page.wait_for_url("**/roles/machine-learning-engineer.html")
    page.get_by_role("link", name="Sources", exact=True).first.click()
    page.wait_for_url("**/sources.html")
    assert Path(page.url.replace("file://", "")).name == "sources.html"
