"""The web site and JSON API (`careerpath serve`) and its static export (`careerpath build-site`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["create_app", "build_site"]

if TYPE_CHECKING:
    from careerpath.web.app import create_app
    from careerpath.web.export import build_site


def __getattr__(name: str):
    if name == "create_app":
        from careerpath.web.app import create_app
        return create_app
    if name == "build_site":
        from careerpath.web.export import build_site
        return build_site
    raise AttributeError(name)
