"""Metadata of the open report: agency, year and region editable; the format version shown.

The store checks what is saved (`update_metadata` refuses a bad year with a reason, shown here). The format
(2019 / 2021 template) and the parser version are shown, not edited: the store keeps the template the parse
found, and a different template needs a re-parse. Saving asks through `saveRequested`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from reviewer.formats import load_formats
from ui.i18n import tr
from ui.library_panel import status_icon, status_names

NO_YEAR = 1999  # the spin box's "unknown" (the store accepts 2000–2100)


class MetadataPanel(QWidget):
    saveRequested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agency = QLineEdit(self)
        self.agency.setPlaceholderText(tr("机关名称"))
        self.year = QSpinBox(self)
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText(tr("未识别"))
        self.region = QLineEdit(self)
        self.region.setPlaceholderText(tr("地区"))
        self.template = QLabel(self)
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
        self.agency.textChanged.connect(self._changed)
        self.region.textChanged.connect(self._changed)
        self.year.valueChanged.connect(self._changed)
        self.save_button.clicked.connect(self._save)
        self.revert_button.clicked.connect(lambda: self.load(self._loaded))
        self.load({})

    def load(self, meta: dict[str, Any]) -> None:
        self._loaded = {"agency": meta.get("agency") or "", "year": meta.get("year"),
                        "region": meta.get("region") or None}
        for w in (self.agency, self.region, self.year):
            w.blockSignals(True)
        self.agency.setText(meta.get("agency") or "")
        self.region.setText(meta.get("region") or "")
        self.year.setValue(meta.get("year") or self.year.minimum())
        for w in (self.agency, self.region, self.year):
            w.blockSignals(False)
        self.set_status(meta.get("status"), meta.get("status_detail") or "")
        template = meta.get("template")
        fmt = load_formats().get(template or "")
        self.template.setText(fmt.name if fmt else tr("未识别"))
        variant = meta.get("table2_variant")
        self.template.setToolTip(tr("表格格式：{t}；表二：{v}；解析器版本：{p}").format(
            t=template or tr("未识别"), v=variant or tr("国家格式"), p=meta.get("parser_version") or "—"))
        self._changed()

    def set_status(self, status: str | None, detail: str = "") -> None:
        """The review status, by icon shape and word (not by colour alone)."""
        self.status.setToolTip(detail)
        if status == self.status_code:
            return  # unchanged: no relayout of the bar on every edit
        self.status_code = status
        self.status_icon.setPixmap(status_icon(status).pixmap(14, 14) if status else QPixmap())
        self.status.setText(f"<b>{status_names().get(status, status)}</b>" if status else "")

    def values(self) -> dict[str, Any]:
        year = self.year.value()
        return {"agency": self.agency.text().strip(), "year": None if year == NO_YEAR else year,
                "region": self.region.text().strip() or None}

    def dirty(self) -> bool:
        return self.values() != self._loaded

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
        return panel

    run_preview(make, size=(1100, 60))
