"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, a server listening only on a
Unix socket there, a fresh database per test, everything stopped and removed at the end.

The server binaries are looked up on PATH, then in Debian's /usr/lib/postgresql/*/bin. As root (CI), the
cluster runs as an unprivileged user (`postgres` when the package created it, else `nobody`): initdb refuses
root. Without the binaries the PostgreSQL tests skip, saying so.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "postgres"
PORT = 5432  # only a socket file in the cluster's own folder: no clash with any other server


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, or None."""
    found = shutil.which("initdb")
    candidates = ([str(Path(found).resolve().parent)] if found else []) + sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True)
    for folder in candidates:
        if all(Path(folder, name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    return None


MISSING = ("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found on PATH or in /usr/lib/postgresql/*/bin: "
           "PostgreSQL tests skipped (apt-get install postgresql)")


def _run_as() -> tuple[list[str], str | None]:
    """The command prefix that runs the server as an unprivileged user when we are root, and that user."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return ["runuser", "-u", user, "--"], user
        return ["setpriv", f"--reuid={user}", f"--regid={pwd.getpwnam(user).pw_gid}", "--init-groups"], user
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run the test server as")


class Cluster:
    """One running test cluster. `url(db)` addresses a database of it; `new_database()` makes a fresh one."""

    def __init__(self, bindir: Path, root: Path | None = None) -> None:
        self.bindir = bindir
        self.root = Path(root or tempfile.mkdtemp(prefix="rr-pg-"))
        self.data = self.root / "data"
        self.prefix, user = _run_as()
        if user is not None:
            entry = pwd.getpwnam(user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o755)
        self._names = itertools.count(1)
        self._admin: object | None = None

    def _pg(self, name: str, *args: str, timeout: float = 120) -> None:
        cmd = [*self.prefix, str(self.bindir / name), *args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if done.returncode != 0:
            raise RuntimeError(f"{name} failed ({done.returncode}): {(done.stderr or done.stdout).strip()[:800]}")

    def init(self, durable: bool = False, shared_buffers: str = "32MB") -> Cluster:
        """`durable`: a server as an office runs it (fsync on), for benchmarks; tests run without fsync."""
        self._pg("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C",
                 "--no-sync")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{self.root}'\nport = {PORT}\n"
                       f"shared_buffers = {shared_buffers}\nmax_connections = 200\n")
            if not durable:  # commits still reach the OS before they return: a killed server loses none
                conf.write("fsync = off\nfull_page_writes = off\n")
        return self

    def start(self) -> Cluster:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`immediate`: as a crash or a pulled cable would)."""
        self._admin_close()
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except (RuntimeError, subprocess.SubprocessError):
            pass
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.root}&port={PORT}"

    def admin(self):  # noqa: ANN201 - a psycopg connection (imported lazily)
        import psycopg

        if self._admin is None or self._admin.closed or self._admin.broken:  # type: ignore[attr-defined]
            self._admin = psycopg.connect(self.url(), autocommit=True)
        return self._admin

    def _admin_close(self) -> None:
        if self._admin is not None:
            self._admin.close()  # type: ignore[attr-defined]
            self._admin = None

    def new_database(self, hint: str = "t") -> str:
        """A new empty database; its address."""
        name = f"{''.join(c for c in hint.lower() if c.isalnum())[:30] or 't'}_{next(self._names)}"
        self.admin().execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.split("/", 3)[3].split("?", 1)[0]
        self.admin().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_cluster(root: Path | None = None, *, durable: bool = False, shared_buffers: str = "32MB") -> Cluster:
    """A running cluster, or RuntimeError(MISSING) when the binaries are absent."""
    bindir = find_binaries()
    if bindir is None:
        raise RuntimeError(MISSING)
    cluster = Cluster(bindir, root)
    try:
        return cluster.init(durable, shared_buffers).start()
    except BaseException:
        shutil.rmtree(cluster.root, ignore_errors=True)
        raise
