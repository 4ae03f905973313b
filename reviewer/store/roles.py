"""Who is writing, and what they may do.

In a local SQLite library there are no identities: the reviewer is the free-text name given with each write, and
one person may do everything (`local_actor`). In team mode (PostgreSQL) the reviewer is the database login
(`session_user`), never a name typed by hand, and what it may do comes from its group roles (`server_actor`):
`reviewer_role` edits, confirms source defects and verifies; `lead_role` also reopens verified reports, retires
and restores reports, signs off 待复核 reports (four eyes) and changes the library's settings. A lead is a member
of both. `require` refuses an action the actor's roles do not allow, in one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.errors import ValidationError

REVIEWER_ROLE = "reviewer_role"
LEAD_ROLE = "lead_role"

# What each action needs: "reviewer" (the reviewer role, which a lead holds too) or "lead".
ACTIONS: dict[str, str] = {
    "edit": "reviewer", "confirm": "reviewer", "verify": "reviewer", "claim": "reviewer", "takeover": "reviewer",
    "status": "reviewer", "metadata": "reviewer", "choose_version": "reviewer", "import": "reviewer",
    "reopen": "lead", "retire": "lead", "restore": "lead", "sign_off": "lead", "settings": "lead",
}
# The words a refusal uses for an action.
ACTION_WORDS: dict[str, str] = {
    "edit": "修改数值", "confirm": "确认源文件错误", "verify": "核实报告", "claim": "领取报告", "takeover": "接管报告",
    "status": "更改状态", "metadata": "更正元数据", "choose_version": "选择计入的版本", "import": "导入报告",
    "reopen": "重新打开已核实的报告", "retire": "停用报告", "restore": "恢复报告", "sign_off": "签核待复核的报告",
    "settings": "更改资料库设置",
}
ROLE_WORDS = {"reviewer": "审核员", "lead": "组长"}


class PermissionRefused(ValidationError):
    """The actor's role does not allow the action (team mode)."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who writes: `name` goes into the audit trail; `team` when it is a database login."""

    name: str
    reviewer: bool = True
    lead: bool = True
    team: bool = False

    def may(self, action: str) -> bool:
        need = ACTIONS[action]
        return self.lead if need == "lead" else (self.reviewer or self.lead)

    @property
    def role_word(self) -> str:
        if not self.team:
            return "本地资料库"
        return ROLE_WORDS["lead"] if self.lead else ROLE_WORDS["reviewer"] if self.reviewer else "只读"

    def why_not(self, action: str) -> str | None:
        """The one-line reason the actor may not do `action`, or None when it may."""
        if self.may(action):
            return None
        need = ROLE_WORDS[ACTIONS[action]]
        return f"{self.name} 的角色为{self.role_word}：{ACTION_WORDS[action]}须由{need}进行"


def require(actor: Actor, action: str) -> Actor:
    reason = actor.why_not(action)
    if reason is not None:
        raise PermissionRefused(reason)
    return actor


def local_actor(reviewer: str | None) -> Actor:
    """A SQLite library: the name given (required), allowed everything."""
    name = (reviewer or "").strip()
    if not name:
        raise ValidationError("请注明审核人（--reviewer 姓名，或在设置中填写审核人）")
    return Actor(name)


def server_actor(conn: Any) -> Actor:
    """A PostgreSQL library: the login and its group roles (memberships inherited through other roles count)."""
    row = conn.execute(
        "SELECT session_user::text, "
        f"coalesce(pg_has_role(session_user, (SELECT oid FROM pg_roles WHERE rolname = '{REVIEWER_ROLE}'), 'MEMBER'),"
        " false), "
        f"coalesce(pg_has_role(session_user, (SELECT oid FROM pg_roles WHERE rolname = '{LEAD_ROLE}'), 'MEMBER'), "
        "false)").fetchone()
    name, reviewer, lead = row
    return Actor(str(name), reviewer=bool(reviewer) or bool(lead), lead=bool(lead), team=True)
