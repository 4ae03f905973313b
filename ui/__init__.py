"""年报审核台 desktop UI (PySide6). It adapts the core (`reviewer`) and holds no business logic."""
