"""A team's library on a PostgreSQL server, as the settings see it: is an address usable, and what is there."""

from __future__ import annotations

from reviewer.errors import ReviewerError
from reviewer.store.backend import is_server_url, redact

PASSWORD_IN_ADDRESS = ("地址中含有密码：请删去，改用 PGPASSWORD 环境变量、~/.pgpass 或 libpq 服务文件（service=…），"
                       "密码不保存在设置中")


def has_password(url: str) -> bool:
    """True when the address carries a password (user:password@ or password=…), which is never saved."""
    import re

    return redact(url) != url.strip() or re.search(r"[?&]password=", url) is not None


def check_server(url: str) -> tuple[bool, str]:
    """Connect to `url` and say in one line what is there: (usable, message). Nothing is written."""
    if not is_server_url(url):
        return False, "地址应以 postgresql:// 或 postgres:// 开头，例如 postgresql://张三@db.example.cn/reviews"
    from reviewer.store.backend import open_db
    from reviewer.store.migrations import user_version
    from reviewer.store.schema import SCHEMA_VERSION

    try:
        db = open_db(url, readonly=True)
    except ImportError:
        return False, "需要 psycopg 才能连接服务器：pip install 'psycopg[binary]'"
    except ReviewerError as exc:
        return False, str(exc)
    try:
        server = str(db.execute("SHOW server_version").fetchone()[0]).split()[0]
        who = db.execute("SELECT current_user").fetchone()[0]
        version = user_version(db)
        where = f"{redact(url)}（PostgreSQL {server}，登录名 {who}）"
        if version == 0:
            others = db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]
            if others:
                return False, f"{where}：数据库中已有其他程序的表，不是审核台资料库"
            return True, f"连接成功：{where}，数据库为空，首次打开时建立资料库"
        if version > SCHEMA_VERSION:
            return False, f"{where}：资料库架构版本 {version} 高于本程序支持的 {SCHEMA_VERSION}，请升级程序"
        reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        return True, f"连接成功：{where}，审核台资料库，{reports} 份报告"
    except ReviewerError as exc:
        return False, str(exc)
    finally:
        db.close()
