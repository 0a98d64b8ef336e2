"""The HTML the progress script fills in, rendered from the Jinja templates in
``templates/progress/`` (interactive HTML builders only: ``transforms.ScriptHooks`` chooses the
template, ``nodes.script_html`` renders it when the page is written).

- ``panel.html``, extended by ``summary.html``, ``data.html``, ``review.html``, ``final.html``:
  a ``{progress-panel}`` around its no-script text (``{{ content }}``);
- ``track-status.html`` and ``continue.html``: the course map's hooks;
- ``macros.html``: the pieces they share (a figure, a meter, a button, the daily goal).

Everything a learner reads without JavaScript is ordinary doctree content; the templates add the
empty, ``hidden`` places the script writes into, so nothing half-built shows when it cannot run.
A template is laid out for reading: the newlines and indentation between its tags are dropped
when it is rendered, and a line break inside text becomes one space.
"""

from __future__ import annotations

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
#: Where a panel's doctree children go in its rendered template (split out again at once).
CONTENT = Markup("<!--kq-panel-content-->")

_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _render(name: str, **context) -> str:
    html = _ENV.get_template(f"progress/{name}.html").render(**context)
    return _LINE_BREAK.sub(" ", _BETWEEN_TAGS.sub("><", html)).strip()


def template_for(part: str) -> str:
    """The template of a panel: its part's own, or the plain panel for a part without one."""
    return part if (TEMPLATES / "progress" / f"{part}.html").is_file() else "panel"


def fragment(name: str, **context) -> tuple[str, str]:
    """(the HTML before the node's children, the HTML after them) from the template ``name``.

    A template with ``{{ content }}`` wraps the children; one without has none (all "before").
    """
    html = _render(name, content=CONTENT, **context)
    if CONTENT not in html:
        return html, ""
    before, after = html.split(CONTENT)
    return before.rstrip(), after.lstrip()
