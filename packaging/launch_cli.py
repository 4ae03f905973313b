"""Entry point of the frozen `reviewer` command (PyInstaller), beside the desktop app in the same folder."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `reviewer import` parses in worker processes: they re-enter here
    from reviewer.cli import main

    sys.exit(main())
