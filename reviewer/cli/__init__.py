"""The `reviewer` command. Each module of this package registers its own subcommands.

`reports` reads files without a library (parse, check); `library` works on a library (import, list, show, set,
verify, status, reparse, export, config); `review` records the reviewer's decisions (confirm, withdraw, reopen,
retire, restore, versions, choose-version); `deliver` what an auditor hands over and takes back (report,
import-edits). A new group of commands is a new module added to `_GROUPS`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewer.cli import audit, deliver, library, maintenance, migrate, reports, review, team
from reviewer.cli.safe_output import escaped_output
from reviewer.errors import ReviewerError
from reviewer.store.backend import ERRORS, redact
from reviewer.store.guard import describe

_FAILURES: tuple[type[Exception], ...] = (*ERRORS, OSError)

_GROUPS = (reports, library, review, maintenance, deliver, audit, migrate, team)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reviewer", description="年报审核台：解析、核对政府信息公开工作年度报告")
    from reviewer.version import version_text

    parser.add_argument("--version", action="version", version=version_text("reviewer"))
    sub = parser.add_subparsers(dest="command", required=True)
    for group in _GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    with escaped_output():
        try:
            from reviewer.formats import load_formats

            load_formats()  # a bad format file is named once, before any report is read with it
            return int(args.func(args) or 0)
        except ReviewerError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
        except BrokenPipeError:  # before OSError, of which it is one
            # The reader stopped reading (`reviewer check DIR | head -1`): quiet, as other command-line tools are.
            # Python would report the pipe again when it flushes stdout at exit, so point stdout at /dev/null.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
            return 141
        except _FAILURES as exc:  # the library or a file failed: one line, never a traceback
            print(f"错误：{describe(exc, redact(getattr(args, 'db', None) or '资料库'))}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            return 130
