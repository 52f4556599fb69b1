"""Small, pure statistics behind a profile: intervals, distinctiveness, the importance blend, mixtures.

Everything here is data in, data out, so each rule is tested on its own (tests/profile/test_stats.py).

The importance score (0–1) of a skill for a role, documented once here and in the profile's
`skills.formula`:

    posting_score = wilson_low(k, n) × distinct(lift)          # from the role's postings
        wilson_low  = lower end of the 95% Wilson interval of the share k/n of the role's postings
                      that ask for the skill (n counts only postings that could show the skill: those
                      with text, plus those whose source's given skill list includes it)
        distinct    = (1 + 0.1 × clip(log2(lift), −1, 2)) / 1.2, lift = share in role / share in all
                      postings; a skill four times as common as everywhere gets 1, as common as
                      everywhere 0.83, half as common 0.75: a tie-breaker that favours what sets
                      the role apart without burying what every employer asks for (SQL)
    onet_score    = max((IM − 1) / 4 × specific(z),  (0.3 + 0.3 × in_demand + 0.2 × hot × in_demand) × specific(0)
                    if a technology skill, × (1 − 0.5 × share of occupations listing it) as below)
        specific    = (1 + 0.25 × clip(z, −2, 2)) / 1.5, z = (IM − mean IM over all occupations) / its standard
                      deviation: a rating two deviations above the usual keeps its full weight, one at the mean
                      two thirds (English Language, Active Listening are rated highly almost everywhere)
        IM          = O*NET 30.0 importance (1–5) of a skill or knowledge area, weighted over the role's
                      occupations; technology skills listed for the occupation score 0.3, 0.6 in demand
                      (in this occupation's postings), 0.8 in demand and hot. O*NET's "hot" flag is the
                      technology's across all postings (the same for every occupation listing it), so alone it
                      says nothing of this role: it had made Apache Spark a core skill of registered nurses
    importance    = α × posting_score / max_role(posting_score) + (1 − α) × onet_score
        α           = n / (n + 30) when the role has at least 30 postings with skill evidence, else 0
                      (the ranking then rests on O*NET alone, and the profile says so)

A skill is core when it is among the role's top 10 and its importance is at least half the top one.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

#: Roles with fewer postings than this rank skills from O*NET alone.
MIN_POSTINGS = 30
#: Prior strength of O*NET in the blend: α = n / (n + PRIOR_POSTINGS).
PRIOR_POSTINGS = 30
CORE_TOP = 10
CORE_FRACTION = 0.5
Z95 = 1.959963984540054


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval of the share k/n; (0, 0) when n is 0."""
    if n <= 0:
        return (0.0, 0.0)
    k = min(max(k, 0), n)
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def lift(k: int, n: int, k_all: int, n_all: int) -> float | None:
    """Share in the role over share in all postings (None when either share is undefined or zero)."""
    if n <= 0 or n_all <= 0 or k_all <= 0:
        return None
    return (k / n) / (k_all / n_all)


def log_odds_ratio(k: int, n: int, k_all: int, n_all: int) -> float | None:
    """Log odds of the skill in the role against all postings, with +0.5 smoothing (Haldane)."""
    if n <= 0 or n_all <= 0:
        return None
    return math.log((k + 0.5) / (n - k + 0.5)) - math.log((k_all + 0.5) / (n_all - k_all + 0.5))


def distinctiveness(lift_value: float | None) -> float:
    """(1 + 0.1 × clip(log2 lift, −1, 2)) / 1.2: between 0.75 (half as common) and 1 (4× as common)."""
    if lift_value is None or lift_value <= 0:
        return 1.0 / 1.2
    return (1 + 0.1 * min(2.0, max(-1.0, math.log2(lift_value)))) / 1.2


def posting_score(k: int, n: int, k_all: int, n_all: int) -> float:
    return wilson(k, n)[0] * distinctiveness(lift(k, n, k_all, n_all))


#: How much a technology listed for every occupation loses: Microsoft Excel (93 % of occupations) is not
#: what sets a truck driver's or a dental hygienist's work apart, Henry Schein Dentrix (1 %) is.
SPREAD_DISCOUNT = 0.5


#: How much a rating's distance from its mean over all occupations (in standard deviations, clipped to ±2)
#: moves its score: O*NET rates English Language 3.2 for dishwashers, above Food Production (2.8), but English is
#: rated 3.7 on average and food production 1.4; a dishwasher's list led by English Language said nothing of the
#: job. None: off.
RATING_SPECIFICITY: float | None = 0.25


def specificity(z: float | None) -> float:
    """(1 + β × clip(z, −2, 2)) / (1 + 2β): 1 for a rating two deviations above the mean over occupations,
    1/3 two below, 0.67 at the mean (β = RATING_SPECIFICITY = 0.25); 1 when z is unknown or the rule is off."""
    if z is None or RATING_SPECIFICITY is None or math.isnan(z):
        return 1.0
    b = RATING_SPECIFICITY
    return (1 + b * min(2.0, max(-2.0, z))) / (1 + 2 * b)


def onet_score(im: float | None = None, technology: bool = False, hot: bool = False,
               in_demand: bool = False, spread: float | None = None, z: float | None = None) -> float:
    """O*NET evidence on 0–1: importance rating rescaled and weighed by how far it stands above the same
    rating's mean over all occupations (`z`, in standard deviations), or a technology skill's flags discounted
    by `spread`, the share of all occupations O*NET lists the technology for."""
    rated = (im - 1) / 4 * specificity(z) if im is not None else 0.0
    # a technology counts as a rating at the mean does (× 2/3): O*NET lists it without rating its importance, and
    # unscaled beside the scaled ratings it rose above them (Facebook and Microsoft Windows above a dishwasher's food
    # production; Outlook and Office third and fourth for product inspectors, whose course list turned to software
    # testing). Scaling only technologies not in demand, or by the share of occupations listing them, left that list
    # and others worse on the judged roles (bench/README.md, session 20)
    tech = (0.3 + 0.3 * in_demand + 0.2 * (hot and in_demand)) * (1 - SPREAD_DISCOUNT * (spread or 0.0)) \
        * specificity(0.0) if technology else 0.0
    return max(0.0, min(1.0, max(rated, tech)))


def posting_weight(n: int) -> float:
    """α: the weight of posting evidence in the blend; 0 below MIN_POSTINGS."""
    if n < MIN_POSTINGS:
        return 0.0
    return n / (n + PRIOR_POSTINGS)


def blend(posting_scores: Sequence[float | None], onet_scores: Sequence[float | None],
          n: int) -> list[float]:
    """Importance per skill: α × posting score (scaled so the role's best is 1) + (1 − α) × O*NET score."""
    alpha = posting_weight(n)
    top = max((p for p in posting_scores if p is not None), default=0.0)
    out = []
    for p, o in zip(posting_scores, onet_scores):
        ps = (p / top) if (p is not None and top > 0) else 0.0
        out.append(round(alpha * ps + (1 - alpha) * (o or 0.0), 4))
    return out


def core_flags(importances: Sequence[float]) -> list[bool]:
    """Core: among the top CORE_TOP and at least CORE_FRACTION of the best importance."""
    order = sorted(range(len(importances)), key=lambda i: -importances[i])
    best = importances[order[0]] if order else 0.0
    top = set(order[:CORE_TOP])
    return [i in top and best > 0 and importances[i] >= CORE_FRACTION * best for i in range(len(importances))]


def mixture(values: Iterable[tuple[float | None, float]]) -> float | None:
    """Weighted mean of (value, weight) pairs that have a value; the value itself when only one has.

    Used for emerging roles that span several occupations: a mixture's median is approximated by
    the weighted mean of the occupations' medians (said so in the figure's note)."""
    pairs = [(v, w) for v, w in values if v is not None and not (isinstance(v, float) and math.isnan(v)) and w > 0]
    if not pairs:
        return None
    if len(pairs) == 1:
        return float(pairs[0][0])
    total = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / total


def outlook_wording(change_pct: float | None, average_pct: float | None) -> str | None:
    """BLS-style phrase for a projected change against the all-occupations average.

    Bands on rounded percents, around the rounded average a: decline (≤ −1), little or no change (0),
    slower than average (1 … a−2), as fast as average (a−1 … a+1), faster than average (a+2 … a+4),
    much faster than average (≥ a+5)."""
    if change_pct is None or average_pct is None:
        return None
    r = round(change_pct)
    a = round(average_pct)
    if r <= -1:
        return "decline"
    if r == 0:
        return "little or no change"
    if r >= a + 5:
        return "much faster than average"
    if r >= a + 2:
        return "faster than average"
    if r >= a - 1:
        return "as fast as average"
    return "slower than average"
