"""Entry point of the frozen desktop app (PyInstaller): the same as `reviewer-gui`."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the importer parses in worker processes: they re-enter here
    from ui.app import main

    sys.exit(main())
