"""Role profiles: skills ranked from postings and O*NET, wages, outlook, education, tasks — every number a Figure."""

from careerpath.profile.build import build_profiles, compute_profiles, get_profile
from careerpath.profile.model import Profile

__all__ = ["Profile", "build_profiles", "compute_profiles", "get_profile"]
