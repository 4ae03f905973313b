"""The store's UTC ISO times, said the way a message shows them, and the arithmetic of idle times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def stamp(moment: datetime) -> str:
    """The format of `db.now()`."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def minutes_before(at: str, minutes: float) -> str:
    return stamp(parse(at) - timedelta(minutes=minutes))


def minutes_after(at: str, minutes: float) -> str:
    return stamp(parse(at) + timedelta(minutes=minutes))


def short(at: str | None, today: datetime | None = None) -> str:
    """HH:MM in local time; MM-DD HH:MM on another day; '' for none."""
    if not at:
        return ""
    try:
        local = parse(at).astimezone()
    except ValueError:
        return at
    ref = (today or datetime.now(UTC)).astimezone()
    return local.strftime("%H:%M") if local.date() == ref.date() else local.strftime("%m-%d %H:%M")
