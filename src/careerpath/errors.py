"""The two kinds of failure a user can see.

`InputError` is the user's to fix (a missing file, a renamed column, an unknown role): the CLI prints
its one line and exits 2. Anything else that escapes is our bug or the machine's: exit 1.
"""

from __future__ import annotations


class CareerpathError(Exception):
    """Base class: the message is one line meant for a person."""

    exit_code = 1


class InputError(CareerpathError):
    """Bad input from the user or a data file; the message names the file/field and what was expected."""

    exit_code = 2
