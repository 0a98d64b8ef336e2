""" "Examples verified with Keras X.Y.Z on JAX, PyTorch and TensorFlow" under every track title.

X.Y.Z is the pin in ``pyproject.toml`` (see ``pin.py``), read once when the configuration is
ready; the example runner refuses to run on any other Keras, so the stamp is only ever true. The
backends are ``convention.RUN_BACKENDS``, the very tuple the runner runs every page on.
"""

from __future__ import annotations

from fnmatch import fnmatch

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .convention import backends_in_words
from .pin import PinError, find_pyproject, keras_pin
from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

TEXT = "Examples verified with Keras {version} on " + backends_in_words()
CLASS = "kq-examples-stamp"


def read_pin(app: Sphinx, config: Config) -> None:
    if config.examples_keras_version:
        return  # set in conf.py: nothing to read
    pyproject = find_pyproject(app.confdir, app.srcdir)
    try:
        if pyproject is None:
            raise PinError(f"no pyproject.toml in {app.confdir} or any folder above it")
        config.examples_keras_version = keras_pin(pyproject)
    except PinError as exc:
        warn(
            Subtype.PIN, f"{exc}; track pages get no 'Examples verified with' stamp", logger=logger
        )


def add_stamp(app: Sphinx, doctree: nodes.document) -> None:
    version = app.config.examples_keras_version
    docname = app.env.docname
    if not version or not any(fnmatch(docname, p) for p in app.config.examples_stamp_pages):
        return
    stamp = nodes.paragraph("", TEXT.format(version=version), classes=[CLASS])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, stamp)
    else:
        doctree.insert(0, stamp)


def setup_stamp(app: Sphinx) -> None:
    # Empty means "read the pin from pyproject.toml". Both values take part in deciding
    # whether pages must be read again, so a new pin restamps every page.
    app.add_config_value("examples_keras_version", "", "env", types=frozenset({str}))
    app.add_config_value(
        "examples_stamp_pages", ["tracks/*"], "env", types=frozenset({list, tuple})
    )
    app.connect("config-inited", read_pin)
    app.connect("doctree-read", add_stamp)
