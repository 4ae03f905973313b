"""Draw the app's icon: a form with a table whose cells are checked, on a blue rounded square.

    python packaging/make_icon.py    # -> resources/icons/reviewer.png (512 px) and reviewer.ico (16–256 px)

Both files are committed; run this only to change the drawing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZE = 1024  # drawn large, scaled down with a good filter
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]

BLUE = (0, 94, 168, 255)
PAPER = (255, 255, 255, 255)
RULE = (150, 170, 190, 255)
HEADER = (214, 228, 242, 255)
GREEN = (0, 158, 115, 255)
RED = (213, 94, 0, 255)


def draw() -> Image.Image:
    s = SIZE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40, 40, s - 40, s - 40), radius=190, fill=BLUE)
    # the form: a sheet with a header band and a 4 × 3 grid
    left, top, right, bottom = 230, 170, 794, 860
    d.rounded_rectangle((left, top, right, bottom), radius=36, fill=PAPER)
    d.rectangle((left + 50, top + 70, right - 50, top + 150), fill=HEADER)
    grid_top, rows, cols = top + 150, 4, 3
    row_h = (bottom - 70 - grid_top) // rows
    col_w = (right - 50 - (left + 50)) // cols
    for r in range(rows + 1):
        y = grid_top + r * row_h
        d.line((left + 50, y, right - 50, y), fill=RULE, width=12)
    for c in range(cols + 1):
        x = left + 50 + c * col_w
        d.line((x, top + 70, x, grid_top + rows * row_h), fill=RULE, width=12)
    # one cell marked as a problem, the rest consistent
    r, c = 2, 2
    x0, y0 = left + 50 + c * col_w + 18, grid_top + r * row_h + 18
    d.rectangle((x0, y0, x0 + col_w - 36, y0 + row_h - 36), fill=RED)
    # the check mark over the lower right corner
    d.ellipse((560, 600, 940, 980), fill=GREEN, outline=PAPER, width=28)
    d.line([(640, 800), (730, 885), (870, 700)], fill=PAPER, width=56, joint="curve")
    return img


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((512, 512), Image.Resampling.LANCZOS).save(OUT / "reviewer.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "reviewer.ico", sizes=ICO_SIZES)
    print("wrote", OUT / "reviewer.png", "and", OUT / "reviewer.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
