"""`python -m reviewer.cli`: the same as the `reviewer` command."""

import sys

from reviewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
