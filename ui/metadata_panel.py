"""Metadata of the open report: agency, year, region and the format version, editable.

The store checks what is saved (`update_metadata` refuses a bad year with a reason, shown here); saving asks
through `saveRequested`. The format (2019 / 2021 template) is a choice of its own: another format re-reads the
tables (a re-parse, off the GUI thread), so choosing one asks through `formatRequested` at once, and the
window confirms it first; until the report is reloaded the choice shows the format the report has.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from reviewer.formats import load_formats
from ui.i18n import tr
from ui.library_panel import status_icon, status_names

NO_YEAR = 1999  # the spin box's "unknown" (the store accepts 2000–2100)


def format_names() -> dict[str, str]:
    """The national formats by template, in the UI's language."""
    names = {"2019": tr("2019年试行格式"), "2021": tr("2021年修订格式")}
    return {t: names.get(t, f.name) for t, f in load_formats().items()}


class MetadataPanel(QWidget):
    saveRequested = Signal(dict)
    formatRequested = Signal(str)  # the reviewer chose another format: "2019" or "2021"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agency = QLineEdit(self)
        self.agency.setPlaceholderText(tr("机关名称"))
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText(tr("未识别"))
        self.region = QLineEdit(self)
        self.region.setPlaceholderText(tr("地区"))
        self.template = QComboBox(self)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, name in format_names().items():
            self.template.addItem(name, code)
        self._template: str | None = None
        self._forced: str | None = None
        self.status_icon = QLabel(self)
        self.status = QLabel(self)
        self.save_button = QPushButton(tr("保存"), self)
        self.revert_button = QPushButton(tr("还原"), self)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #c62828")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.status_icon)
        layout.addWidget(self.status)
        for label, w, stretch in ((tr("机关"), self.agency, 3), (tr("年度"), self.year, 0),
                                  (tr("地区"), self.region, 1), (tr("格式"), self.template, 0)):
            caption = QLabel(label, self)
            caption.setBuddy(w)
            layout.addWidget(caption)
            layout.addWidget(w, stretch)
        layout.addWidget(self.problem)
        layout.addWidget(self.save_button)
        layout.addWidget(self.revert_button)
        self._loaded: dict[str, Any] = {}
        self.status_code: str | None = None
        self.status_words = ""
        self.agency.textChanged.connect(self._changed)
        self.region.textChanged.connect(self._changed)
        self.year.valueChanged.connect(self._changed)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(self._revert)
        self.template.activated.connect(self._format_chosen)
        self.load({})

    def _revert(self) -> None:
        """The agency, year and region as loaded (the status and the format are left alone)."""
        self._show_fields(self._loaded)
        self._changed()

    def _show_fields(self, meta: dict[str, Any]) -> None:
        for w in (self.agency, self.region, self.year):
            w.blockSignals(True)
        self.agency.setText(meta.get("agency") or "")
        self.region.setText(meta.get("region") or "")
        self.year.setValue(meta.get("year") or self.year.minimum())
        for w in (self.agency, self.region, self.year):
            w.blockSignals(False)

    def load(self, meta: dict[str, Any]) -> None:
        self._loaded = {"agency": meta.get("agency") or "", "year": meta.get("year"),
                        "region": meta.get("region") or None, "template": meta.get("template"),
                        "table2_variant": meta.get("table2_variant"), "parser_version": meta.get("parser_version")}
        self._show_fields(meta)
        self.set_status(meta.get("status"), meta.get("status_detail") or "")
        self.set_format(meta.get("template"), forced=meta.get("forced_template", self._forced))
        self._changed()

    def set_format(self, template: str | None, *, forced: str | None = None) -> None:
        """Show the report's format; `forced`: the format a reviewer chose (kept by re-parses), else detected."""
        self._template, self._forced = template, forced
        self.template.blockSignals(True)
        unknown = self.template.findData(None)
        if template is None and unknown < 0:
            self.template.insertItem(0, tr("未识别"), None)
        elif template is not None and unknown >= 0:
            self.template.removeItem(unknown)
        self.template.setCurrentIndex(max(0, self.template.findData(template)))
        self.template.blockSignals(False)
        how = tr("审核人指定") if forced and forced == template else tr("自动识别")
        self.template.setToolTip(tr("表格格式：{t}（{how}）；表二：{v}；解析器版本：{p}\n"
                                    "改选格式会按新格式重新读取表格。").format(
            t=format_names().get(template or "", tr("未识别")), how=how,
            v=self._loaded.get("table2_variant") or tr("国家格式"), p=self._loaded.get("parser_version") or "—"))

    def reset_format(self) -> None:
        """Back to the report's format (the change was not confirmed, was cancelled or failed)."""
        self.template.blockSignals(True)
        self.template.setCurrentIndex(max(0, self.template.findData(self._template)))
        self.template.blockSignals(False)

    def _format_chosen(self, index: int) -> None:
        code = self.template.itemData(index)
        if code and code != self._template:
            self.formatRequested.emit(str(code))

    def set_status(self, status: str | None, detail: str = "", words: str | None = None) -> None:
        """The review status, by icon shape and word (not by colour alone); `words` as the list shows it
        (审核中 · name), else the status's name."""
        self.status.setToolTip(detail)
        shown = (words or status_names().get(status, status)) if status else ""
        if (status, shown) == (self.status_code, self.status_words):
            return  # unchanged: no relayout of the bar on every edit
        self.status_code, self.status_words = status, shown
        self.status_icon.setPixmap(status_icon(status).pixmap(14, 14) if status else QPixmap())
        self.status.setText(f"<b>{escape(shown)}</b>" if status else "")

    def values(self) -> dict[str, Any]:
        year = self.year.value()
        return {"agency": self.agency.text().strip(), "year": None if year == NO_YEAR else year,
                "region": self.region.text().strip() or None}

    def dirty(self) -> bool:
        return any(v != self._loaded.get(k) for k, v in self.values().items())

    def _changed(self, *_: Any) -> None:
        dirty = self.dirty()
        self.problem.clear()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def _save(self) -> None:
        if self.save_button.isEnabled():
            changed = {k: v for k, v in self.values().items() if v != self._loaded.get(k)}
            self.saveRequested.emit(changed)

    def show_error(self, message: str) -> None:
        self.problem.setText(message)


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> QWidget:
        r = sample_record("003")
        panel = MetadataPanel()
        panel.load({"agency": r.agency, "year": r.year, "region": r.region, "template": r.template, "status": "new",
                    "table2_variant": r.table2_variant, "parser_version": r.parser_version})
        panel.saveRequested.connect(lambda fields: panel.show_error(str(fields)))
        def refuse_format(template: str) -> None:
            panel.show_error(template)
            panel.reset_format()

        panel.formatRequested.connect(refuse_format)
        return panel

    run_preview(make, size=(1100, 60))
