"""Reading a text file a user names: a path, a pipe (`<(...)`, /dev/stdin) or '-' for stdin, size-bounded, as UTF-8.

Commands' `--file` and `build --guides FILE` share it, so every such file fails the same way: one line naming it.
"""

from __future__ import annotations

import sys

from careerpath.errors import InputError


def read_text(path: str, max_bytes: int, expected: str | None = None) -> str:
    """The text of `path` ('-' is stdin), or InputError naming it: missing, a folder, unreadable, over `max_bytes`,
    or not UTF-8 (`expected`, when given, ends the message: "expected a list of roles, one per line"). Reads at most
    one byte past the bound, so a pipe that never ends cannot fill memory."""
    tail = f"; expected {expected}" if expected else ""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file{tail}") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder{tail or ', expected a text file'}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e}){tail}") from None
    if len(data) > max_bytes:
        raise InputError(f"{path}: file is larger than {max_bytes // 1_000_000} MB{tail}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text{tail}") from None
