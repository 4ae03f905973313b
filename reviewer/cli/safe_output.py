"""What the command line prints is escaped: control characters in a file name (an escape sequence, a carriage
return) are shown as `\\x1b`, never sent to the terminal. Line breaks and tabs of the output itself stay."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str) -> str:
    """Control characters (and bidirectional overrides) as visible escapes; newline and tab kept."""
    return _UNSAFE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def shown_name(name: str) -> str:
    """A file name for one line of output: every control character escaped, newline and tab included."""
    return escape_controls(name).replace("\n", "\\n").replace("\t", "\\t")


class _Escaping:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def escaped_output() -> Iterator[None]:
    """Within this block, sys.stdout and sys.stderr escape control characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Escaping(out), _Escaping(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
