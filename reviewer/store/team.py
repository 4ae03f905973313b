"""What a `Library` knows of the people working in it (a mixin of `Library`): who is writing and their role
(`roles`), the library's settings (`library_settings`), claims (`claims`), four eyes' sign-off (`four_eyes`) and
the live feed of other reviewers' changes (`live`)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.store import claims, four_eyes, library_settings, live, roles
from reviewer.store.claim_guard import Claim
from reviewer.store.db import write
from reviewer.store.library_settings import LibrarySettings
from reviewer.store.roles import Actor
from reviewer.store.types import Change

ACTOR_TTL_S = 30.0  # a login's roles are asked again after this long (a grant or revoke applies within it)


class TeamMixin:
    path: Path

    if TYPE_CHECKING:  # provided by Library
        @property
        def lock(self) -> threading.RLock: ...

        @property
        def connection(self) -> Any: ...

        def summary(self, report_id: int) -> Any: ...

    # -- who -------------------------------------------------------------------------------------------------
    @property
    def team(self) -> bool:
        """Team mode: a PostgreSQL library, where the reviewer is the database login."""
        return str(self.connection.kind) != "sqlite"

    @property
    def login(self) -> str:
        """Team mode's database login: fixed for the library's life, so asked of the server once (a window
        repainting while the server is away never waits on it)."""
        name = getattr(self, "_login", None)
        if name is None:
            name = self._login = self.actor().name
        return str(name)

    def actor(self, reviewer: str | None = None) -> Actor:
        """Who writes: in team mode the login and its roles (`reviewer` is ignored: no free-text name); in a
        SQLite library the name given, allowed everything."""
        if self.team:
            cached = getattr(self, "_server_actor", None)
            if cached is not None and time.monotonic() - cached[1] < ACTOR_TTL_S:
                return cached[0]
            with self.lock:
                actor = roles.server_actor(self.connection)
            self._server_actor = (actor, time.monotonic())
            return actor
        return roles.local_actor(reviewer)

    def _by(self, reviewer: str | None, action: str) -> str:
        """The name a write of `action` is recorded under, refused (`PermissionRefused`) when the role forbids it."""
        return roles.require(self.actor(reviewer), action).name

    # -- the library's settings ----------------------------------------------------------------------------
    def settings(self) -> LibrarySettings:
        with self.lock:
            return library_settings.read(self.connection)

    def change_setting(self, key: str, value: Any, *, reviewer: str | None = None) -> LibrarySettings:
        """Change a library setting (four_eyes on/off, claim_idle_minutes): a lead only."""
        name = self._by(reviewer, "settings")
        with self.lock, write(self.connection) as c:
            library_settings.write(c, key, value, by=name)
        return self.settings()

    # -- claims --------------------------------------------------------------------------------------------
    def claim(self, report_id: int, *, reviewer: str | None = None) -> Claim:
        """Claim a report to edit it (or renew one's claim); `ClaimHeld` names who holds it otherwise."""
        name = self._by(reviewer, "claim")
        with self.lock, write(self.connection) as c:
            self.summary(report_id)
            return claims.take(c, report_id, name, library_settings.read(c).claim_idle_minutes)

    def take_over(self, report_id: int, *, reason: str | None, reviewer: str | None = None) -> Claim:
        """Take a report another reviewer holds, with a reason (audited, kind `takeover`)."""
        name = self._by(reviewer, "takeover")
        with self.lock, write(self.connection) as c:
            self.summary(report_id)
            return claims.take_over(c, report_id, name, reason, library_settings.read(c).claim_idle_minutes)

    def heartbeat(self, report_id: int, *, reviewer: str | None = None) -> Claim | None:
        """Keep one's claim alive; None when it is no longer one's own (taken over)."""
        name = self.actor(reviewer).name
        with self.lock, write(self.connection) as c:
            return claims.touch(c, report_id, name, library_settings.read(c).claim_idle_minutes)

    def release(self, report_id: int, *, reviewer: str | None = None) -> bool:
        """Give up one's claim (closing the report)."""
        name = self.actor(reviewer).name
        with self.lock, write(self.connection) as c:
            return claims.release(c, report_id, name)

    def claims(self) -> dict[int, Claim]:
        """The claims in force (not lapsed), by report."""
        with self.lock:
            c = self.connection
            return claims.active(c, library_settings.read(c).claim_idle_minutes)

    def claim_of(self, report_id: int) -> Claim | None:
        return self.claims().get(report_id)

    # -- four eyes -----------------------------------------------------------------------------------------
    def sign_off(self, report_id: int, *, reviewer: str | None = None, note: str | None = None,
                 expected_version: int | None) -> Change:
        """A lead signs off a 待复核 report (four eyes): it becomes 已核实. Not the lead who verified it."""
        return four_eyes.sign_off(self, report_id, lead=self._by(reviewer, "sign_off"), note=note,  # type: ignore[arg-type]
                                  expected_version=expected_version)

    # -- live ----------------------------------------------------------------------------------------------
    def watch(self) -> live.Watcher:
        """A watcher of other reviewers' changes (`live`), for a thread of its own; close it when done."""
        url = getattr(self, "url", None)
        return live.ServerWatcher(url) if url else live.SqliteWatcher(self.path)
