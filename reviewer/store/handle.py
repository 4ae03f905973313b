"""What the importer and the re-parse need of an open library: its connection, its lock and a stored source.

A structural type, so those modules never import `Library` (which imports them): the store reads one way."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

from reviewer.store.backend import Db


class LibraryHandle(Protocol):
    path: Path

    @property
    def connection(self) -> Db: ...

    @property
    def lock(self) -> threading.RLock: ...

    def source(self, report_id: int) -> tuple[str, bytes]: ...
