"""`python -m ui`: the review window (same as `reviewer-gui`)."""

import sys

from ui.app import main

sys.exit(main())
