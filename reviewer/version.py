"""The app's version: the one place it is written (pyproject.toml reads it; the builds and `--version` show it)."""

__version__ = "0.1.0"
APP_NAME = "年报审核台"
