"""Errors the core raises with a one-line reason a user can read (never a traceback)."""


class ReviewerError(Exception):
    """Base class: str(err) is a one-line, human-readable reason."""


class ReadError(ReviewerError):
    """A file could not be read as a report (binary, empty, too large, truncated, no text layer …)."""


class StaleWriteError(ReviewerError):
    """A write was based on an older version of a report than the one stored (another window or process)."""


class ValidationError(ReviewerError):
    """A value or argument was refused (not a number, unknown cell id …)."""


class StoreError(ReviewerError):
    """The library file cannot be opened or written (read-only, disk full, locked, damaged, not a library)."""
