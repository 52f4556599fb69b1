"""Headers, upload bounds (413/415), and no documentation pages that would need a CDN."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(app):
    return TestClient(app)


@pytest.mark.parametrize("path", ["/", "/roles/data-scientist", "/api/roles", "/static/style.css", "/nope"])
def test_security_headers(client, path):
    h = client.get(path).headers
    assert "default-src 'self'" in h["content-security-policy"]
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"]


def test_no_cdn_docs(client):
    assert client.get("/docs").status_code == 404
    assert "cdn" not in client.get("/roles/data-scientist").text.lower()


def test_upload_over_limit_is_413(client):
    big = b"python " * (2 * 1024 * 1024 // 7 + 10)
    r = client.post("/roles/data-scientist", files={"resume_file": ("cv.txt", big, "text/plain")})
    assert r.status_code == 413 and "2 MB" in r.json()["detail"]
    r = client.post("/api/gap", content=b"{" + b" " * (2 * 1024 * 1024 + 1) + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_streamed_body_over_limit_is_413(client):
    def chunks():
        for _ in range(300):
            yield b"x" * 10_000
    r = client.post("/api/gap", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_upload_of_wrong_type_is_415(client):
    r = client.post("/roles/data-scientist", files={"resume_file": ("cv.html", b"<html>python</html>", "text/html")})
    assert r.status_code == 415 and "text/plain or application/pdf" in r.text


def test_pdf_upload_is_read(client):
    pytest.importorskip("pypdf")
    from io import BytesIO

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    buf = BytesIO()
    w.write(buf)
    r = client.post("/roles/data-scientist", files={"resume_file": ("cv.pdf", buf.getvalue(), "application/pdf")})
    assert r.status_code == 200 and "Your skill gap" in r.text
    r = client.post("/roles/data-scientist", files={"resume_file": ("cv.pdf", b"%PDF-garbage", "application/pdf")})
    assert r.status_code == 400
