"""Who a write is recorded under, as the store's tests expect it: on SQLite the free-text name given; on a
PostgreSQL library (team mode) the database login, whatever name is given (`reviewer.store.roles`)."""

from __future__ import annotations

from typing import Any


def recorded(where: Any, name: str) -> str:
    """`where` is a `Library` or a library's location (a file path or a postgresql:// address)."""
    if isinstance(where, str):
        if not where.startswith(("postgresql://", "postgres://")):
            return name
        from reviewer.store import Library

        with Library(where, seed_samples=False) as lib:
            return lib.actor().name
    return where.actor(name).name if where.team else name


def named(where: Any) -> bool:
    """The library takes free-text names (SQLite): a missing name is refused there, a login never lacks one."""
    if isinstance(where, str):
        return not where.startswith(("postgresql://", "postgres://"))
    return not where.team
