"""careerpath: data-driven career guides where every figure carries its source and date."""

__version__ = "0.1.0"
