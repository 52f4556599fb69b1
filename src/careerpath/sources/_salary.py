"""Salary parsing and annualisation for the postings loader.

One rule for every file, so salaries from different sources can be compared within a currency:

* a posted amount per HOUR is multiplied by 2,080 (40 h x 52 weeks), per DAY by 260, per WEEK by
  52, per MONTH by 12, per YEAR by 1;
* `salary_annual_min` / `salary_annual_max` are the annualised bounds; `salary_annual` is their
  midpoint (or the single value when only one amount is given);
* a bound that is missing, zero or negative (Glassdoor `-1`, NoFluffJobs `0`, NHS `0`) is absent;
  when only one bound is present it is used for both;
* a salary whose annualised bounds fall outside [1,000, 2,000,000] in its own currency is treated as
  a data error: all salary fields of that posting are nulled and counted, the posting itself is kept;
* currencies are never converted: every amount stays in the currency the posting states.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Multiplier from a salary period to a year.
ANNUAL_FACTOR: dict[str, float] = {"HOUR": 2080.0, "DAY": 260.0, "WEEK": 52.0, "MONTH": 12.0, "YEAR": 1.0}

#: Annualised salaries outside this range (in the posting's currency) are treated as errors.
PLAUSIBLE_ANNUAL = (1_000.0, 2_000_000.0)

SALARY_COLUMNS = ["salary_min", "salary_max", "salary_period", "currency",
                  "salary_annual", "salary_annual_min", "salary_annual_max"]

_GLASSDOOR = (
    r"^\s*(?P<employer>Employer Provided Salary:)?\s*"
    r"\$(?P<lo>\d+(?:\.\d+)?)(?P<lo_k>[Kk])?\s*-\s*\$(?P<hi>\d+(?:\.\d+)?)(?P<hi_k>[Kk])?"
    r"\s*(?:Per\s+(?P<per>Hour|Day|Week|Month|Year))?"
)


def parse_glassdoor(text: pd.Series) -> tuple[pd.DataFrame, int]:
    """Parse Glassdoor "Salary Estimate" text into (salary_min, salary_max, salary_period).

    Handles "$53K-$91K (Glassdoor est.)", "$145K-$225K(Employer est.)",
    "Employer Provided Salary:$100K-$140K" and "$21-$34 Per Hour(Glassdoor est.)". `-1` and empty
    mean no salary. Returns the frame and how many non-empty texts could not be parsed (their salary
    stays null; the posting is kept).
    """
    s = text.fillna("").astype(str).str.strip()
    m = s.str.extract(_GLASSDOOR)
    lo = pd.to_numeric(m["lo"], errors="coerce") * np.where(m["lo_k"].notna(), 1000.0, 1.0)
    hi = pd.to_numeric(m["hi"], errors="coerce") * np.where(m["hi_k"].notna(), 1000.0, 1.0)
    period = m["per"].str.upper().where(m["per"].notna(), "YEAR").where(lo.notna())
    out = pd.DataFrame({"salary_min": lo, "salary_max": hi, "salary_period": period}, index=text.index)
    unparsed = int(((s != "") & (s != "-1") & lo.isna()).sum())
    return out, unparsed


def annualise(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Fill the annual salary columns from salary_min/max/period; null implausible salaries.

    `frame` has salary_min, salary_max (float), salary_period (text) and currency. Returns a new
    frame with every column of `SALARY_COLUMNS` and the number of salaries nulled as implausible.
    """
    lo = pd.to_numeric(frame["salary_min"], errors="coerce").astype("float64")
    hi = pd.to_numeric(frame["salary_max"], errors="coerce").astype("float64")
    lo = lo.where(lo > 0)
    hi = hi.where(hi > 0)
    lo, hi = lo.fillna(hi), hi.fillna(lo)
    lo, hi = np.fmin(lo, hi), np.fmax(lo, hi)  # a reversed range is still the same range
    period = frame["salary_period"].astype("object").where(frame["salary_period"].notna(), None)
    period = period.map(lambda p: str(p).strip().upper() if p is not None else None)
    factor = period.map(ANNUAL_FACTOR).astype("float64")
    amin, amax = lo * factor, hi * factor
    has = amin.notna() & amax.notna()
    low, high = PLAUSIBLE_ANNUAL
    bad = has & ((amin < low) | (amax > high))
    keep = has & ~bad
    out = pd.DataFrame(index=frame.index)
    out["salary_min"] = lo.where(keep)
    out["salary_max"] = hi.where(keep)
    out["salary_period"] = period.where(keep, None)
    out["currency"] = frame["currency"].astype("object").where(keep, None)
    out["salary_annual_min"] = amin.where(keep)
    out["salary_annual_max"] = amax.where(keep)
    out["salary_annual"] = ((amin + amax) / 2).where(keep)
    return out[SALARY_COLUMNS], int(bad.sum())
