"""The app's version: the one place it is written (pyproject.toml reads it; the builds and `--version` show it)."""

__version__ = "0.1.0"
APP_NAME = "年报审核台"


def version_text(prog: str) -> str:
    """`年报审核台 reviewer 0.1.0 (parser 1.4)`: what `--version` prints."""
    from reviewer.api import PARSER_VERSION

    return f"{APP_NAME} {prog} {__version__} (parser {PARSER_VERSION})"
