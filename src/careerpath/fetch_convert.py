"""Turn the official downloads (zip, xlsx) into the data-folder layout that `careerpath ingest` reads.

Each converter takes the downloaded file and the data folder and returns the files it wrote, relative
to the data folder. They reproduce the layout of the curated data folder (see SOURCES-occupational.md)
so the loaders need no second code path for fetched data. Output files are written to a temporary
name first and then renamed, so an interrupted conversion never leaves a half-written CSV behind.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Iterable

from careerpath.errors import InputError

#: EP workbook sheets we keep, and the name stem of the CSV each becomes.
EP_SHEETS = {
    "Table 1.2": "table1.2_occupational_projections",
    "Table 1.10": "table1.10_separations_openings",
    "Table 1.12": "table1.12_utilization_factors",
}
#: State CSV value columns, in the order of the curated state file (which also names FOOTNOTES codes).
STATE_VALUES = (
    "TOT_EMP", "EMP_PRSE", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75",
    "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "JOBS_1000", "LOC_QUOTIENT",
)
#: BLS footnote codes used in FOOTNOTES: 4 = wage reported only as annual/hourly, 5 = at or above the
#: wage cap, 8 = estimate not released. The xlsx only has markers (`*`, `**`, `#`), so we map them.
CAP, ONE_BASIS, NOT_RELEASED = "5", "4", "8"


def onet_zip(src: Path, data: Path) -> list[str]:
    """Copy every `.txt` of the O*NET text release (inside `db_XX_X_text/`) to `data/onet/`."""
    out: list[str] = []
    with _open_zip(src) as zf:
        for info in zf.infolist():
            name = Path(info.filename).name  # basename only: never trust paths inside an archive
            if info.is_dir() or not name.endswith(".txt"):
                continue
            rel = f"onet/{name}"
            _write_atomic(data / rel, zf.read(info))
            out.append(rel)
    if not out:
        raise InputError(f"{src}: no .txt files inside; expected the O*NET text release (db_XX_X_text.zip)")
    return out


def oews_national(src: Path, data: Path) -> list[str]:
    """National OEWS: the first sheet of `national_MYYYY_dl.xlsx`, every value kept as text."""
    year, raw = _xlsx_member(src, r"national_M(\d{4})_dl\.xlsx$")
    rel = f"bls/oews_national_M{year}.csv"
    _write_atomic(data / rel, _read_text_sheet(raw, src).to_csv(index=False, lineterminator="\n").encode())
    return [rel]


def oews_state(src: Path, data: Path) -> list[str]:
    """State OEWS reshaped to the curated state layout (total, major and detailed rows; footnote codes)."""
    year, raw = _xlsx_member(src, r"state_M(\d{4})_dl\.xlsx$")
    df = _read_text_sheet(raw, src)
    need = {"AREA", "AREA_TITLE", "OCC_CODE", "OCC_TITLE", "O_GROUP", *STATE_VALUES}
    if missing := sorted(need - set(df.columns)):
        raise InputError(f"{src}: state sheet lacks column(s) {', '.join(missing)}")
    rel = f"bls/oews_state_M{year}.csv"
    _write_csv(data / rel, [_state_header()], _state_rows(df))
    return [rel]


def ep_tables(src: Path, data: Path) -> list[str]:
    """EP `occupation.xlsx`: sheets 1.2, 1.10, 1.12 without title/footnote rows; OOH links become URLs."""
    try:
        import openpyxl
    except ImportError:
        raise InputError("converting BLS xlsx files needs openpyxl: pip install openpyxl") from None
    try:
        wb = openpyxl.load_workbook(src)  # not read-only: hyperlinks are only loaded in full mode
    except Exception as e:  # openpyxl raises many types for a damaged file
        raise InputError(f"{src}: not a readable xlsx workbook ({e})") from None
    out = []
    for sheet, stem in EP_SHEETS.items():
        if sheet not in wb.sheetnames:
            raise InputError(f"{src}: no sheet {sheet!r}; sheets are {', '.join(wb.sheetnames)}")
        header, rows = _ep_sheet(wb[sheet], src)
        base = int(header[0][:4]) if header[0][:4].isdigit() else 2024
        rel = f"bls/ep_{base}-{(base + 10) % 100:02d}_{stem}.csv"
        _write_csv(data / rel, [header], rows)
        out.append(rel)
    return out


def _ep_sheet(ws, src: Path) -> tuple[list[str], list[list[str]]]:
    """The header is the first row whose 2nd cell names a code; data ends at the first row without one."""
    rows = list(ws.iter_rows())
    start = next((i for i, r in enumerate(rows) if len(r) > 1 and "code" in _cell(r[1].value)), None)
    if start is None:
        raise InputError(f"{src}: sheet {ws.title!r} has no header row with a code column")
    header = [re.sub(r"\[\d+\]$", "", _cell(c.value)) for c in rows[start]]
    link_col = header[-1].startswith("Related Occupational Outlook Handbook")
    if link_col:
        header[-1] = "OOH URL"
    body = []
    for r in rows[start + 1:]:
        if not _cell(r[1].value):
            break  # footnotes and source lines follow the table
        values = [_cell(c.value) for c in r]
        if link_col:
            values[-1] = r[-1].hyperlink.target if r[-1].hyperlink else ""
        body.append(values)
    return header, body


def _cell(value: object) -> str:
    """Text as the curated CSVs have it: whole floats without `.0`, titles without their indentation."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).lstrip()


def _state_header() -> list[str]:
    return ["AREA", "AREA_TITLE", "STATE_FIPS", "OCC_CODE", "OCC_TITLE", "DISPLAY_LEVEL", *STATE_VALUES, "FOOTNOTES"]


def _state_rows(df) -> Iterable[list[str]]:
    """One row per state x (total | major | detailed) occupation; markers become `-` plus a footnote."""
    for rec in df.to_dict("records"):
        group = rec["O_GROUP"].strip().lower()
        if group not in ("total", "major", "detailed"):
            continue
        fips = rec["AREA"].strip().zfill(2)
        values, notes = [], []
        for col in STATE_VALUES:
            code = _footnote(col, rec[col].strip(), rec)
            values.append("-" if code else rec[col])
            if code:
                notes.append(f"{col}:{code}")
        yield [fips + "00000", rec["AREA_TITLE"], fips, rec["OCC_CODE"], rec["OCC_TITLE"],
               "3" if group == "detailed" else "0", *values, ";".join(notes)]


def _footnote(col: str, value: str, rec: dict) -> str:
    """The BLS footnote code a marker stands for, or '' for a real value."""
    if value == "#":
        return CAP
    if value not in ("*", "**"):
        return ""
    annual_only = str(rec.get("ANNUAL", "")).upper() == "TRUE"
    hourly_only = str(rec.get("HOURLY", "")).upper() == "TRUE"
    if (col.startswith("H_") and annual_only) or (col.startswith("A_") and hourly_only):
        return ONE_BASIS
    return NOT_RELEASED


def _read_text_sheet(raw: bytes, src: Path):
    """First sheet with every cell as text, so codes like `000000` and markers like `**` survive."""
    import pandas as pd

    try:
        return pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, keep_default_na=False, na_values=[])
    except ImportError:
        raise InputError("converting BLS xlsx files needs openpyxl: pip install openpyxl") from None
    except Exception as e:
        raise InputError(f"{src}: the workbook inside is not readable ({e})") from None


def _xlsx_member(src: Path, pattern: str) -> tuple[str, bytes]:
    """The one workbook in a BLS special-requests zip, and the year its name carries."""
    with _open_zip(src) as zf:
        for name in zf.namelist():
            if m := re.search(pattern, Path(name).name):
                return m.group(1), zf.read(name)
    raise InputError(f"{src}: no file matching {pattern} inside")


def _open_zip(src: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(src)
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(f"{src}: not a readable zip file ({e})") from None


def _write_csv(path: Path, header: list[list[str]], rows: Iterable[list[str]]) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(header)
    writer.writerows(rows)
    _write_atomic(path, buf.getvalue().encode("utf-8"))


def _write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)
