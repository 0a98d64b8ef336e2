"""The one Keras version the course's examples are verified with.

It lives in ``pyproject.toml`` as ``keras==X.Y.Z`` in ``[project.optional-dependencies]
examples``. The site prints it and the example runner insists on it, so both read it here.
Reading a TOML file is all this needs: building the site never imports Keras.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement

EXTRA = "examples"


class PinError(Exception):
    """The pin cannot be read; the message says what to fix."""


def find_pyproject(*starts: Path | str) -> Path | None:
    """The nearest ``pyproject.toml`` in any of ``starts`` or their parents, in that order."""
    for start in starts:
        folder = Path(start).resolve()
        for candidate in (folder, *folder.parents):
            path = candidate / "pyproject.toml"
            if path.is_file():
                return path
    return None


def keras_pin(pyproject: Path | str) -> str:
    """The ``X.Y.Z`` of ``keras==X.Y.Z`` in the examples extra of ``pyproject``."""
    path = Path(pyproject)
    where = f"{path} [project.optional-dependencies] {EXTRA}"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PinError(f"cannot read {path}: {exc}") from None
    entries = data.get("project", {}).get("optional-dependencies", {}).get(EXTRA, [])
    for entry in entries:
        try:
            requirement = Requirement(entry)
        except InvalidRequirement:
            continue
        if requirement.name.lower() != "keras":
            continue
        specs = list(requirement.specifier)
        if len(specs) == 1 and specs[0].operator == "==" and "*" not in specs[0].version:
            return specs[0].version
        raise PinError(f"{where} has {entry!r}; pin one exact version, e.g. 'keras==3.15.1'")
    raise PinError(f"{where} has no 'keras==X.Y.Z' entry")
