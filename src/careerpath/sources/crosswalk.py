"""O*NET-SOC -> BLS SOC crosswalk (`soc_crosswalk`), so every O*NET occupation can find its wages
(OEWS) and its outlook (Employment Projections).

O*NET codes are 8-digit ('15-1252.00', '29-1141.01'); BLS publishes 6-digit SOC codes, and for some
occupations only an aggregate that combines several detailed SOC codes (OEWS and EP both publish
'13-1020' for buyers 13-1021/22/23, '21-1018' for counsellors 21-1011/14, '53-1047' for supervisors
53-1042/43/44/49, ...). The rules, applied per dataset ('oews', 'ep'):

1. exact: the O*NET code's 6-digit prefix (`soc_code[:7]`) is a detailed code in the dataset
   (OEWS `o_group == 'detailed'`, EP `occ_type == 'Line item'`). Several O*NET codes can share
   one prefix (15-1299.01 … 15-1299.09 all map to 15-1299).
2. aggregate: otherwise, the dataset's aggregate codes are its detailed codes that are not the
   6-digit prefix of any O*NET code; an aggregate contains the O*NET code when both are in the same
   SOC broad group (same first 6 characters: 13-102x ⊂ 13-1020, 21-101x ⊂ 21-1018). This matches the
   published BLS groupings for every aggregate in the 2024/2025 data.
3. no row: no exact code and no aggregate in the broad group (military 55-xxxx; OEWS has no
   Legislators in May 2025 nor Fishing and hunting workers). Absence means "BLS does not publish it".

weight: 1 for every row, also when several O*NET codes share one BLS code, because the BLS figure
describes the whole group (a median wage is not split among its members; read it as "the group's
figure"). Should one O*NET code ever fall in a broad group with several aggregates, each gets
1/n so an O*NET code's weights always sum to 1 per dataset.

OEWS detailed codes are the union over all years in `oews` (11-1031 Legislators is in May 2024
only); a consumer joining on a year must still expect a missing row.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import pandas as pd

COLUMNS = ["onet_soc", "bls_soc", "dataset", "match", "weight"]


def _detailed_codes(df: pd.DataFrame, kind_column: str, kind: str) -> set[str]:
    """The detailed (non-summary) codes of one BLS table; all codes if it has no level column."""
    rows = df[df[kind_column] == kind] if kind_column in df.columns else df
    return set(rows["soc6"].dropna().astype(str).str.strip())


def _match_dataset(onet_codes: Iterable[str], detailed: set[str], dataset: str) -> list[dict]:
    codes = sorted(set(onet_codes))
    onet_soc6 = {c[:7] for c in codes}
    by_broad: dict[str, list[str]] = defaultdict(list)
    for agg in sorted(detailed - onet_soc6):
        by_broad[agg[:6]].append(agg)
    rows = []
    for code in codes:
        soc6 = code[:7]
        if soc6 in detailed:
            rows.append({"onet_soc": code, "bls_soc": soc6, "dataset": dataset, "match": "exact", "weight": 1.0})
            continue
        candidates = by_broad.get(soc6[:6], [])
        rows += [{"onet_soc": code, "bls_soc": agg, "dataset": dataset, "match": "aggregate",
                  "weight": 1.0 / len(candidates)} for agg in candidates]
    return rows


def build_crosswalk(onet_occupations: pd.DataFrame, oews: pd.DataFrame, ep: pd.DataFrame) -> pd.DataFrame:
    """`soc_crosswalk` from the loaded tables (`onet_occupations.soc_code`, `oews_national`,
    `ep_projections`); pure: DataFrames in, DataFrame out. See the module docstring for the rules."""
    onet_codes = onet_occupations["soc_code"].dropna().astype(str).str.strip()
    rows = _match_dataset(onet_codes, _detailed_codes(oews, "o_group", "detailed"), "oews")
    rows += _match_dataset(onet_codes, _detailed_codes(ep, "occ_type", "Line item"), "ep")
    return pd.DataFrame(rows, columns=COLUMNS)


def coverage(crosswalk: pd.DataFrame, onet_occupations: pd.DataFrame) -> dict[str, int]:
    """How many O*NET codes reach each dataset, exactly or through an aggregate (for the ingest log)."""
    out = {"onet_codes": int(onet_occupations["soc_code"].nunique())}
    for dataset in ("oews", "ep"):
        part = crosswalk[crosswalk["dataset"] == dataset]
        out[f"{dataset}_matched"] = int(part["onet_soc"].nunique())
        for match in ("exact", "aggregate"):
            out[f"{dataset}_{match}"] = int(part.loc[part["match"] == match, "onet_soc"].nunique())
    return out
