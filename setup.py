"""What pyproject.toml cannot say: the top-level `resources/` folder installs as the package
`reviewer_resources` (found by `reviewer.resources` with importlib.resources), next to the code packages."""

from setuptools import find_namespace_packages, find_packages, setup

DATA = "reviewer_resources"

setup(
    packages=[*find_packages(include=["reviewer", "reviewer.*", "ui", "ui.*"]), DATA,
              *(f"{DATA}.{sub}" for sub in find_namespace_packages(where="resources", exclude=["*__pycache__*"]))],
    package_dir={DATA: "resources"},
)
