"""Settings: one typed registry of defaults; only values that differ from a default are stored.

Window geometry and splitter/column state are kept apart (under `state/`), as opaque byte arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 1
ORGANIZATION = "ReportReviewer"
APPLICATION = "reviewer-gui"
MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: Any
    type: type


REGISTRY: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("language", "zh_CN", str),  # zh_CN | en
        Setting("reviewer_name", "", str),
        Setting("require_reason", False, bool),  # an edit must carry a reason
        Setting("library_path", "", str),  # '' = the default library in the user data dir
        Setting("server_url", "", str),  # postgresql://user@host/db: a team's library (used when set); no password
        Setting("recent_files", [], list),
        Setting("last_open_dir", "", str),
        Setting("last_export_dir", "", str),  # exports, review reports, imported edits
        Setting("open_next_after_verify", True, bool),
        Setting("enter_moves", "next_problem", str),  # next_problem | down: where Enter goes after a value
        Setting("live_updates", True, bool),  # other reviewers' changes shown as they happen (`ui.live_updates`)
    )
}


def _coerce(setting: Setting, raw: Any) -> Any:
    """QSettings (INI and native) hand back strings for many types: turn them into the registry type."""
    if raw is None:
        return setting.default
    if setting.type is bool:
        if isinstance(raw, str):
            return raw.lower() in ("1", "true", "yes")
        return bool(raw)
    if setting.type is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(x) for x in raw]
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


class Settings:
    """Typed access to the user's settings. `path` selects an INI file (tests, screenshots)."""

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        stored = self._qs.value("settings_version")
        if stored is None:
            self._qs.setValue("settings_version", SETTINGS_VERSION)

    def get(self, key: str) -> Any:
        setting = REGISTRY[key]
        return _coerce(setting, self._qs.value(key))

    def set(self, key: str, value: Any) -> None:
        setting = REGISTRY[key]
        value = _coerce(setting, value)
        if value == setting.default:
            self._qs.remove(key)
        else:
            self._qs.setValue(key, value)

    def stored_keys(self) -> list[str]:
        return [k for k in self._qs.allKeys() if k in REGISTRY]

    # -- recent files -----------------------------------------------------------------------------
    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get("recent_files") if p != path]
        recent.insert(0, path)
        self.set("recent_files", recent[:MAX_RECENT])
        return self.get("recent_files")

    # -- window state, kept apart from the typed settings -----------------------------------------
    def state(self, name: str) -> QByteArray | None:
        raw = self._qs.value(f"state/{name}")
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_state(self, name: str, data: QByteArray) -> None:
        self._qs.setValue(f"state/{name}", data)

    def sync(self) -> None:
        self._qs.sync()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()


if __name__ == "__main__":
    import tempfile

    settings = Settings(Path(tempfile.mkdtemp(prefix="reviewer-preview-")) / "settings.ini")
    settings.set("reviewer_name", "preview")
    for key, setting in REGISTRY.items():
        print(f"{key:24} {setting.type.__name__:5} default={setting.default!r:8} now={settings.get(key)!r}")
    print("stored (differs from default):", settings.stored_keys(), "in", settings.file_name)
