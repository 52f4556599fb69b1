"""`careerpath fetch`: offline tests with httpx.MockTransport and one real local HTTP server."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from careerpath import fetch as F
from careerpath import fetch_convert as C
from careerpath.errors import InputError
from careerpath.fetch_cli import fetch_command

URL = "https://example.test/files/blob.bin"
BODY = bytes(range(256)) * 40  # 10 KiB, recognisable at any offset


def no_sleep(seconds: float) -> None:
    pass


def ranged_handler(body: bytes, seen: list[httpx.Request], honour_range: bool = True):
    """A MockTransport handler that serves `body`, answering Range with 206 when asked to."""

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        rng = request.headers.get("Range")
        if rng and honour_range:
            start = int(rng.split("=")[1].rstrip("-"))
            return httpx.Response(206, content=body[start:],
                                  headers={"Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}"})
        return httpx.Response(200, content=body)

    return handle


def client_for(handler) -> httpx.Client:
    return F.make_client(httpx.MockTransport(handler))


def onet_zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("db_29_0_text/", "")
        zf.writestr("db_29_0_text/Occupation Data.txt",
                    "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tBuild software.\n")
        zf.writestr("db_29_0_text/Job Zones.txt", "O*NET-SOC Code\tJob Zone\n15-1252.00\t4\n")
        zf.writestr("../evil.txt", "must land inside data/onet, not above it")
    return buf.getvalue()


# --- downloads with a mock transport -------------------------------------------------------------


def test_download_records_size_sha256_and_user_agent(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    src = F.Source("blob", "test blob", URL, lambda path, data: [])
    [got] = F.fetch(tmp_path, [src], client=client_for(ranged_handler(BODY, seen)), sleep=no_sleep)
    assert (tmp_path / "downloads" / "blob.bin").read_bytes() == BODY
    entry = json.loads((tmp_path / "manifest.json").read_text())["files"]["blob.bin"]
    assert entry["url"] == URL and entry["size"] == len(BODY)
    assert entry["sha256"] == hashlib.sha256(BODY).hexdigest() == got.sha256
    assert entry["fetched_at"].startswith("20")
    ua = seen[0].headers["User-Agent"]
    assert ua.startswith("careerpath/") and "contact" in ua


def test_resumes_a_partial_file_with_a_range_request(tmp_path: Path) -> None:
    dest = tmp_path / "blob.bin"
    (tmp_path / "blob.bin.part").write_bytes(BODY[:3000])
    seen: list[httpx.Request] = []
    F.download(client_for(ranged_handler(BODY, seen)), URL, dest, sleep=no_sleep)
    assert seen[0].headers["Range"] == "bytes=3000-"
    assert dest.read_bytes() == BODY
    assert not (tmp_path / "blob.bin.part").exists()


def test_restarts_when_the_server_ignores_range(tmp_path: Path) -> None:
    dest = tmp_path / "blob.bin"
    (tmp_path / "blob.bin.part").write_bytes(b"stale bytes from another version")
    seen: list[httpx.Request] = []
    F.download(client_for(ranged_handler(BODY, seen, honour_range=False)), URL, dest, sleep=no_sleep)
    assert dest.read_bytes() == BODY  # the 200 body replaced the .part instead of being appended


def test_404_is_one_clear_error_naming_the_url_without_retries(tmp_path: Path) -> None:
    calls: list[httpx.Request] = []
    client = client_for(lambda r: calls.append(r) or httpx.Response(404))
    with pytest.raises(InputError, match=r"couldn't download https://example\.test/files/blob\.bin: HTTP 404"):
        F.download(client, URL, tmp_path / "blob.bin", sleep=no_sleep)
    assert len(calls) == 1


def test_retries_5xx_with_backoff_then_succeeds(tmp_path: Path) -> None:
    answers = iter([httpx.Response(503), httpx.Response(502), httpx.Response(200, content=BODY)])
    delays: list[float] = []
    F.download(client_for(lambda r: next(answers)), URL, tmp_path / "blob.bin", sleep=delays.append)
    assert (tmp_path / "blob.bin").read_bytes() == BODY
    assert delays == [F.BACKOFF, F.BACKOFF * 2]


def test_network_failure_gives_up_after_a_few_tries_naming_the_url(tmp_path: Path) -> None:
    calls: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise httpx.ConnectTimeout("timed out", request=request)

    with pytest.raises(InputError, match=r"couldn't download https://example\.test/files/blob\.bin: timed out"):
        F.download(client_for(refuse), URL, tmp_path / "blob.bin", sleep=no_sleep)
    assert len(calls) == F.RETRIES + 1


def test_complete_cached_download_is_reused_unless_forced(tmp_path: Path) -> None:
    seen: list[httpx.Request] = []
    src = F.Source("blob", "test blob", URL, lambda path, data: [])
    client = client_for(ranged_handler(BODY, seen))
    F.fetch(tmp_path, [src], client=client, sleep=no_sleep)
    [again] = F.fetch(tmp_path, [src], client=client, sleep=no_sleep)
    assert again.cached and len(seen) == 1
    F.fetch(tmp_path, [src], client=client, sleep=no_sleep, force=True)
    assert len(seen) == 2


def test_onet_zip_is_unpacked_into_data_onet(tmp_path: Path) -> None:
    [onet] = F.select(["onet"])
    assert onet.url.endswith("/db_29_0_text.zip")
    client = client_for(lambda r: httpx.Response(200, content=onet_zip_bytes()))
    [got] = F.fetch(tmp_path, [onet], client=client, sleep=no_sleep)
    onet_dir = tmp_path / "data" / "onet"
    assert sorted(p.name for p in onet_dir.iterdir()) == ["Job Zones.txt", "Occupation Data.txt", "evil.txt"]
    assert "Software Developers" in (onet_dir / "Occupation Data.txt").read_text()
    assert not (tmp_path / "data" / "evil.txt").exists()
    assert "onet/Job Zones.txt" in got.outputs


def test_select_by_id_prefix_release_and_unknown_names() -> None:
    assert [s.id for s in F.select(["oews"])] == ["oews-national-2025", "oews-national-2024", "oews-state-2025"]
    assert F.select(["onet"], "30.1")[0].url.endswith("/db_30_1_text.zip")
    with pytest.raises(InputError, match="unknown source 'nope'"):
        F.select(["nope"])
    with pytest.raises(InputError, match="--onet-release"):
        F.select([], "latest")


def test_command_fetches_into_the_cache_and_rejects_bad_input(tmp_path: Path, monkeypatch) -> None:
    from click.testing import CliRunner

    client = client_for(lambda r: httpx.Response(200, content=onet_zip_bytes()))
    monkeypatch.setattr(F, "make_client", lambda: client)
    result = CliRunner().invoke(fetch_command, ["--cache", str(tmp_path), "--only", "onet"])
    assert result.exit_code == 0, result.output
    assert "onet: downloaded db_29_0_text.zip" in result.output
    assert (tmp_path / "data" / "onet" / "Job Zones.txt").exists()
    with pytest.raises(InputError):
        fetch_command.main(["--cache", str(tmp_path), "--only", "nope"], standalone_mode=False)


# --- conversions and a real HTTP server ----------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")


def xlsx_bytes(sheets: dict[str, list[list]], links: dict[tuple[str, str], str] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    for (sheet, cell), url in (links or {}).items():
        wb[sheet][cell].hyperlink = url
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zipped(name: str, content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, content)
    return buf.getvalue()


def ep_workbook() -> bytes:
    h12 = ["2024 National Employment Matrix title", "2024 National Employment Matrix code", "Occupation type",
           "Employment, 2024", "Median annual wage, dollars, 2024[1]",
           "Related Occupational Outlook Handbook (OOH) content xlsx"]
    t12 = [["Table 1.2 Occupational projections (Employment in thousands)"], h12,
           ["Total, all occupations", "00-0000", "Summary", 169956.1, 49500, "—"],
           ["    Software developers", "15-1252", "Line item", 1656.9, 133080.0, "OOH Content"],
           ["Footnotes:"], ["Source: Employment Projections program"]]
    h10 = ["2024 National Employment Matrix title", "2024 National Employment Matrix code", "Occupational openings"]
    h112 = ["2024 National Employment Matrix occupation title", "2024 National Employment Matrix occupation code",
            "Factors affecting occupational utilization"]
    return xlsx_bytes(
        {"Index": [["index"]], "Table 1.2": t12,
         "Table 1.10": [["Table 1.10"], h10, ["Software developers", "15-1252", 115.2], ["Source: EP"]],
         "Table 1.12": [["Table 1.12"], h112, ["Software developers", "15-1252", "AI - share changes. "]]},
        links={("Table 1.2", "F4"): "https://www.bls.gov/ooh/computer-and-information-technology/software.htm"},
    )


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


class _Server(BaseHTTPRequestHandler):
    files: dict[str, bytes] = {}
    ranges: list[str | None] = []
    cut_first: set[str] = set()  # paths whose first request is dropped half-way through the body

    def do_GET(self) -> None:
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        rng = self.headers.get("Range")
        self.ranges.append(rng)
        start = int(rng.split("=")[1].rstrip("-")) if rng else 0
        self.send_response(206 if rng else 200)
        if rng:
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        self.send_header("Content-Length", str(len(body) - start))
        self.end_headers()
        if self.path in self.cut_first:
            self.cut_first.discard(self.path)
            self.wfile.write(body[start:start + len(body) // 2])
            self.close_connection = True
            return
        self.wfile.write(body[start:])

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def server():
    _Server.files, _Server.ranges, _Server.cut_first = {}, [], set()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_real_server_interrupted_download_resumes_and_converts(tmp_path: Path, server: str) -> None:
    national = xlsx_bytes({"national_M2025_dl": [["AREA", "NAICS", "OCC_CODE", "TOT_EMP", "H_MEAN"],
                                                 ["99", "000000", "15-1252", 1654440, "*"]],
                           "Field Descriptions": [["x"]]})
    nat_zip = zipped("oesm25nat/national_M2025_dl.xlsx", national)
    _Server.files = {"/oesm25nat.zip": nat_zip, "/occupation.xlsx": ep_workbook()}
    _Server.cut_first = {"/oesm25nat.zip"}
    sources = [F.Source("oews-national-2025", "t", f"{server}/oesm25nat.zip", C.oews_national),
               F.Source("ep", "t", f"{server}/occupation.xlsx", C.ep_tables)]
    F.fetch(tmp_path, sources, sleep=no_sleep)

    assert _Server.ranges[:2] == [None, f"bytes={len(nat_zip) // 2}-"]  # the retry resumed mid-file
    assert (tmp_path / "downloads" / "oesm25nat.zip").read_bytes() == nat_zip
    manifest = json.loads((tmp_path / "manifest.json").read_text())["files"]
    assert manifest["oesm25nat.zip"]["sha256"] == hashlib.sha256(nat_zip).hexdigest()
    bls = tmp_path / "data" / "bls"
    assert read_csv(bls / "oews_national_M2025.csv")[1] == ["99", "000000", "15-1252", "1654440", "*"]
    t12 = read_csv(bls / "ep_2024-34_table1.2_occupational_projections.csv")
    assert t12[0][-2:] == ["Median annual wage, dollars, 2024", "OOH URL"]
    assert t12[1:] == [["Total, all occupations", "00-0000", "Summary", "169956.1", "49500", ""],
                       ["Software developers", "15-1252", "Line item", "1656.9", "133080",
                        "https://www.bls.gov/ooh/computer-and-information-technology/software.htm"]]
    assert len(read_csv(bls / "ep_2024-34_table1.10_separations_openings.csv")) == 2
    assert read_csv(bls / "ep_2024-34_table1.12_utilization_factors.csv")[1][-1] == "AI - share changes. "


def test_real_server_404_names_the_url(tmp_path: Path, server: str) -> None:
    with pytest.raises(InputError, match=rf"couldn't download {server}/missing.zip: HTTP 404"):
        F.fetch(tmp_path, [F.Source("x", "t", f"{server}/missing.zip", C.onet_zip)], sleep=no_sleep)


def test_state_workbook_becomes_the_state_layout(tmp_path: Path) -> None:
    cols = ["AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "OCC_CODE", "OCC_TITLE", "O_GROUP", *C.STATE_VALUES,
            "ANNUAL", "HOURLY"]
    vals = ["1000", "0.1", "20.5", "42640", "0.5", "10", "11", "12", "13", "14", "20000", "21000", "22000",
            "23000", "24000", "1000.000", "1.00"]
    teacher = ["**", "**", "*", "61000", "1.1", "*", "*", "*", "*", "*", "40000", "50000", "60000", "70000", "#",
               "**", "**"]
    rows = [cols, ["1", "Alabama", "2", "AL", "00-0000", "All Occupations", "total", *vals, "", ""],
            ["1", "Alabama", "2", "AL", "25-2000", "Teachers (broad)", "broad", *vals, "", ""],
            ["1", "Alabama", "2", "AL", "25-2021", "Elementary Teachers", "detailed", *teacher, "TRUE", ""]]
    src = tmp_path / "oesm25st.zip"
    src.write_bytes(zipped("oesm25st/state_M2025_dl.xlsx", xlsx_bytes({"state_M2025_dl": rows})))
    assert C.oews_state(src, tmp_path / "data") == ["bls/oews_state_M2025.csv"]
    out = read_csv(tmp_path / "data" / "bls" / "oews_state_M2025.csv")
    assert out[0][:6] == ["AREA", "AREA_TITLE", "STATE_FIPS", "OCC_CODE", "OCC_TITLE", "DISPLAY_LEVEL"]
    assert out[0][-1] == "FOOTNOTES" and len(out) == 3  # the broad row is not in the state layout
    assert out[1][:6] == ["0100000", "Alabama", "01", "00-0000", "All Occupations", "0"] and out[1][-1] == ""
    teacher_row = dict(zip(out[0], out[2]))
    assert teacher_row["DISPLAY_LEVEL"] == "3" and teacher_row["TOT_EMP"] == "-" and teacher_row["A_MEAN"] == "61000"
    assert teacher_row["FOOTNOTES"] == ("TOT_EMP:8;EMP_PRSE:8;H_MEAN:4;H_PCT10:4;H_PCT25:4;H_MEDIAN:4;H_PCT75:4;"
                                        "H_PCT90:4;A_PCT90:5;JOBS_1000:8;LOC_QUOTIENT:8")


def test_damaged_zip_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "db_29_0_text.zip"
    bad.write_bytes(b"<html>not a zip</html>")
    with pytest.raises(InputError, match="not a readable zip"):
        C.onet_zip(bad, tmp_path / "data")
