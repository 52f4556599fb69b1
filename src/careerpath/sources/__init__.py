"""One loader per public source. Order matters only for readability of the ingest log."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from careerpath.sources import bls, courses, esco, onet, postings, skill_lists
from careerpath.sources._base import Loaded

LOADERS: list[tuple[str, Callable[[Path], list[Loaded]]]] = [
    ("onet", onet.load),
    ("bls", bls.load),
    ("esco", esco.load),
    ("skill_lists", skill_lists.load),
    ("postings", postings.load),
    ("courses", courses.load),
]
