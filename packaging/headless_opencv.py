"""Leave only the headless OpenCV in this environment, as the release build needs it.

    python packaging/headless_opencv.py

rapidocr-onnxruntime requires opencv-python, whose `cv2` links Qt 5 (and its own Qt plugins); the project asks
for opencv-python-headless. pip installs both into the same `cv2` folder, and whichever is written last wins,
so this uninstalls opencv-python (which takes the files the two share with it) and installs the headless wheel
again, at the version already chosen. `packaging/build.py` refuses an OCR build until the `cv2` here is headless;
CI (`.ci/run`) runs this before the desktop build.
"""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys


def main() -> int:
    try:
        spec = f"opencv-python-headless=={importlib.metadata.version('opencv-python-headless')}"
    except importlib.metadata.PackageNotFoundError:
        spec = "opencv-python-headless"
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "uninstall", "-y", "-q", "opencv-python"], check=True)
    subprocess.run([*pip, "install", "-q", "--force-reinstall", "--no-deps", spec], check=True)
    print(f"OpenCV here: {spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
