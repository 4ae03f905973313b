"""The program's version (the one place it is written; pyproject.toml reads it from here)."""

__version__ = "0.1.0"


def version_text(prog: str) -> str:
    """`reviewer 0.1.0 (parser 1.1)`: what `--version` prints."""
    from reviewer.api import PARSER_VERSION

    return f"{prog} {__version__} (parser {PARSER_VERSION})"
