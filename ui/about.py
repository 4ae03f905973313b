"""Help › 关于: the program's version (as installed, or from pyproject.toml in a checkout), the parser's and the
library's versions, and the library file open."""

from __future__ import annotations

import platform
from pathlib import Path

from ui.i18n import tr

DISTRIBUTION = "report-reviewer"


def app_version() -> str:
    """The installed distribution's version; in a source checkout (or a packaged build), the one the code
    declares (`reviewer.version`, which pyproject.toml reads too)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        from reviewer.version import __version__

        return __version__


def about_text(library_path: Path | str | None = None) -> str:
    from PySide6 import __version__ as pyside_version

    from reviewer.api import PARSER_VERSION
    from reviewer.store.schema import SCHEMA_VERSION

    lines = [
        "<b>" + tr("年报审核台") + "</b> " + tr("版本 {v}").format(v=app_version()),
        tr("核对政府信息公开工作年度报告的统计表。"),
        tr("解析器版本 {p} · 资料库架构版本 {s}").format(p=PARSER_VERSION, s=SCHEMA_VERSION),
        f"Python {platform.python_version()} · PySide6 {pyside_version}",
    ]
    if library_path:
        lines.append(tr("资料库文件：{path}").format(path=library_path))
    return "<br/>".join(lines)


if __name__ == "__main__":
    from ui.preview import app_instance

    app_instance()
    print(about_text("library.sqlite").replace("<br/>", "\n"))
