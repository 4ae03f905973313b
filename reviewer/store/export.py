"""The exports, also reachable from the store (`reviewer.store.export.export(lib, path, fmt)`)."""

from reviewer.export import FORMATS, ExportResult, export

__all__ = ["FORMATS", "ExportResult", "export"]
