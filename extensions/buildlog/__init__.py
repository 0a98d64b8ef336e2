"""Keep the build log to what an author acts on: three things our dependencies print on every
build are moved out of the way, and each comes back the moment it says something new.

1. MyST prints its whole parser configuration, about 900 characters, on every build
   (``create_myst_config`` in ``myst_parser/sphinx_ext/main.py``; the line is quoted in
   executablebooks/MyST-NB#594, which asks for a way to quiet it). It becomes a verbose message:
   ``sphinx-build -v`` still shows it.
2. "The configuration has changed (7 options: ...)" on every build that reuses the doctrees.
   Sphinx compares the configuration pickled with the environment against the one ``conf.py``
   gives before themes and extensions have run (``_differing_config_keys`` in
   ``sphinx/environment/__init__.py``). The themes, sphinx-design, sphinx-copybutton, MyST and our
   own extensions append template and static folders, theme options and MathJax settings while
   the builder starts, so the pickled values always differ (numpy/numpydoc#226 hit the same
   comparison). This extension records which options changed after ``conf.py`` and what
   ``conf.py`` had set them to; the next build drops Sphinx's line only when it names exactly
   those options and ``conf.py`` still sets them the same way. Any other change is reported.
3. sphinxext-opengraph prints "matplotlib is not installed, social cards will not be generated"
   with ``print`` when it is imported (sphinx-doc/sphinxext-opengraph#145 proposes not needing
   matplotlib). We make no social cards (``ogp_social_cards`` is off in ``conf.py``), so the
   line is noise: the module is imported here, first, with its standard output set aside.

Load it first in ``extensions``. tests/test_buildlog.py fails when an upstream release stops
printing any of these, so the workaround can go then.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.logging import VERBOSE

try:  # what Sphinx itself compares configuration values with (sphinx/environment/__init__.py)
    from sphinx.util._serialise import stable_str
except ImportError:  # a private module: should it move, a plain repr compares nearly as well

    def stable_str(obj: object) -> str:
        return repr(obj)


__version__ = "0.1.0"

#: Where one build leaves, for the next, the options that changed after conf.py.
RECORD = "buildlog-config-at-setup.json"
MYST_LOGGER = "sphinx.myst_parser.sphinx_ext.main"
ENVIRONMENT_LOGGER = "sphinx.sphinx.environment"
CONFIG_CHANGED = "The configuration has changed"


def _values(app: Sphinx) -> dict[str, str]:
    return {option.name: stable_str(option.value) for option in app.config}


class _MystConfigLine(logging.Filter):
    """MyST's configuration dump becomes a verbose message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and "MdParserConfig(" in record.getMessage():
            record.levelno, record.levelname = VERBOSE, "VERBOSE"
        return True


class _ConfigChangedLine(logging.Filter):
    """Drops Sphinx's "configuration has changed" line when it names only the options that
    extensions set after conf.py, every one of them still set alike by conf.py."""

    def __init__(self) -> None:
        super().__init__()
        self.expected: set[str] | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if self.expected is None or not str(record.msg).startswith(CONFIG_CHANGED):
            return True
        message = record.getMessage()
        named = set(re.findall(r"'([^']+)'", message))
        count = re.search(r"\((\d+) options?", message)
        total = int(count[1]) if count else len(named)
        return not (named <= self.expected and total == len(self.expected))


_MYST = _MystConfigLine()
_CONFIG = _ConfigChangedLine()


def _install(logger_name: str, log_filter: logging.Filter) -> None:
    logger = logging.getLogger(logger_name)
    if log_filter not in logger.filters:
        logger.addFilter(log_filter)


def _at_conf(app: Sphinx, config) -> None:
    """After conf.py and every config-inited handler: what the next comparison starts from."""
    app._kq_conf_values = _values(app)  # type: ignore[attr-defined]
    _CONFIG.expected = None
    record = Path(app.doctreedir) / RECORD
    try:
        before = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    now = app._kq_conf_values  # type: ignore[attr-defined]
    if isinstance(before, dict) and all(now.get(name) == value for name, value in before.items()):
        _CONFIG.expected = set(before)


def _at_pickling(app: Sphinx, env) -> None:
    """Right after the environment was pickled (Sphinx checks consistency only then): which
    options changed since conf.py, to be read beside that pickle by the next build."""
    conf = getattr(app, "_kq_conf_values", None)
    if conf is None:
        return
    changed = {
        name: conf[name] for name, value in _values(app).items() if conf.get(name, value) != value
    }
    record = Path(app.doctreedir) / RECORD
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps(changed, sort_keys=True), encoding="utf-8")


def _forget(app: Sphinx, exception: Exception | None) -> None:
    """The filter lives on a process-wide logger: another build in this process starts clean."""
    _CONFIG.expected = None


def _quiet_opengraph_import() -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(ImportError):
        import sphinxext.opengraph  # noqa: F401


def setup(app: Sphinx) -> dict:
    _quiet_opengraph_import()
    _install(MYST_LOGGER, _MYST)
    _install(ENVIRONMENT_LOGGER, _CONFIG)
    app.connect("config-inited", _at_conf, priority=900)
    app.connect("env-check-consistency", _at_pickling, priority=900)
    app.connect("build-finished", _forget)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
