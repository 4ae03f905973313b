"""The server's side of the enforced audit trail (PostgreSQL): group roles and their grants.

Two group roles (NOLOGIN; a reviewer's own login is made a member of one of them):

- `reviewer_role`: reads every table; writes the library's state (reports, documents, cells, findings,
  conflicts, confirmations, the chain heads) with INSERT, UPDATE and DELETE; on the audit tables (`edits`,
  `verifications`, `acknowledgements`) INSERT and SELECT only — no UPDATE, DELETE or TRUNCATE is granted, so
  the server refuses them (permission denied) before the append-only triggers (which refuse them for every
  role, the owner included) are even reached.
- `lead_role`: a member of `reviewer_role` (every right of it) that also may change `library_meta` (the office's
  settings: four eyes, the claims' idle time). What only a lead may do in the review (reopen, retire, sign off)
  is checked by the application from these memberships (`reviewer.store.roles`).

The library's owner (the login that created it and runs its migrations) keeps its rights; only the owner or a
superuser can disable a trigger, and `reviewer audit verify` finds what such a login changes. `apply(db)` is
idempotent: it creates the roles when missing (needs CREATEROLE) and grants on every table the schema has now,
so it is run again after a migration adds a table (`migrations.migrate` does so when the roles exist).
"""

from __future__ import annotations

from reviewer.store.backend import Db
from reviewer.store.schema import APPEND_ONLY

REVIEWER_ROLE = "reviewer_role"  # the names `reviewer.store.roles` (team mode's people) checks memberships of
LEAD_ROLE = "lead_role"
ROLES = (REVIEWER_ROLE, LEAD_ROLE)


def roles_exist(db: Db) -> bool:
    found = {r for (r,) in db.execute("SELECT rolname FROM pg_roles WHERE rolname IN (?, ?)", ROLES)}
    return found == set(ROLES)


def _tables(db: Db) -> list[str]:
    return [t for (t,) in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                     "ORDER BY tablename")]


def statements(db: Db) -> list[str]:
    """The GRANT and REVOKE statements for the tables the library has now."""
    tables = _tables(db)
    state = [t for t in tables if t not in APPEND_ONLY and t != "library_meta"]
    out = [f"GRANT USAGE ON SCHEMA {_schema(db)} TO {REVIEWER_ROLE}",
           f"REVOKE ALL ON {', '.join(tables)} FROM PUBLIC",
           f"REVOKE ALL ON {', '.join(tables)} FROM {REVIEWER_ROLE}, {LEAD_ROLE}",
           f"GRANT SELECT ON {', '.join(tables)} TO {REVIEWER_ROLE}",
           f"GRANT INSERT ON {', '.join(APPEND_ONLY)} TO {REVIEWER_ROLE}",
           f"GRANT INSERT, UPDATE, DELETE ON {', '.join(state)} TO {REVIEWER_ROLE}",
           f"GRANT INSERT, UPDATE, DELETE ON library_meta TO {LEAD_ROLE}",
           f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_schema(db)} TO {REVIEWER_ROLE}",
           f"GRANT CONNECT ON DATABASE {_quoted(str(db.execute('SELECT current_database()').fetchone()[0]))} "
           f"TO {REVIEWER_ROLE}"]
    return out


def _schema(db: Db) -> str:
    return _quoted(str(db.execute("SELECT current_schema()").fetchone()[0]))


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def apply(db: Db) -> list[str]:
    """Create the group roles when missing and grant them their rights on this library. Returns what was done,
    a line each."""
    if db.kind != "postgresql":
        raise ValueError("roles and grants are a PostgreSQL library's")
    done = []
    with db.write():
        for role in ROLES:
            if not db.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,)).fetchone():
                db.script([f"CREATE ROLE {role} NOLOGIN"])
                done.append(f"已创建角色 {role}")
        db.script([f"GRANT {REVIEWER_ROLE} TO {LEAD_ROLE}"])
        db.script(statements(db))
    tables = _tables(db)
    done.append(f"已授权：{REVIEWER_ROLE} 可读全部 {len(tables)} 张表，审核记录表（{'、'.join(APPEND_ONLY)}）只能追加，"
                f"不能修改或删除；{LEAD_ROLE} 另可修改 library_meta")
    return done
