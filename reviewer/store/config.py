"""Where the library lives by default, and who acts when no `--reviewer` is given."""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "ReportReviewer"
LIBRARY_FILE = "library.sqlite3"
REVIEWER_ENV = "REVIEWER_NAME"
LIBRARY_ENV = "REVIEWER_LIBRARY"


def default_library_path() -> Path:
    """$REVIEWER_LIBRARY, else library.sqlite3 in the user's data directory (platformdirs)."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env)
    return user_data_path(APP, appauthor=False) / LIBRARY_FILE


def default_library() -> str | Path:
    """The default library: $REVIEWER_LIBRARY (a file, or a postgresql:// address of a team's server), else the
    file in the user's data directory."""
    env = os.environ.get(LIBRARY_ENV, "").strip()
    if env.lower().startswith(("postgresql://", "postgres://")):
        return env
    return default_library_path()


def config_path() -> Path:
    return user_config_path(APP, appauthor=False) / "cli.json"


def load_config() -> dict[str, str]:
    try:
        data = json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_config(**values: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = load_config()
    data.update(values)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)
    return path


def default_reviewer() -> str | None:
    """$REVIEWER_NAME, else the `reviewer` saved by `reviewer config --reviewer NAME`."""
    name = os.environ.get(REVIEWER_ENV) or load_config().get("reviewer")
    return name.strip() if name and name.strip() else None
