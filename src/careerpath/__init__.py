"""careerpath: data-driven career guides where every figure carries its source and date.

The Python API (`careerpath.api`): `careerpath.open(db)` gives a `Careerpath` over a built store, with resolve,
skills, profile, courses, guide, transition, roles and sources; `render_md` and `render_html` turn a guide into a
page. Imported on first use, so `import careerpath` (and the CLI) stays light.
"""

__version__ = "0.1.0"
__all__ = ["Careerpath", "open", "render_html", "render_md"]

_LAZY = {"Careerpath": ("careerpath.api", "Careerpath"), "open": ("careerpath.api", "open"),
         "render_md": ("careerpath.guide.render_md", "render_md"),
         "render_html": ("careerpath.guide.render_html", "render_html")}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'careerpath' has no attribute {name!r}")
