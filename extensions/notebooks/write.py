"""Write ``notebooks/<track file name>.ipynb`` into the output folder of the web HTML builders.

Once the pages are written (``build-finished``), for every track of the course: the run plans of
its pages, exactly as the ``examples`` builder computes them (``page_plan`` on the doctree as
``markers.py`` and ``claims.py`` left it), its code exercises (``extensions.exercises``, when it
is loaded, and ``kq.exercise``), through :func:`cells.build_notebook`. A notebook whose bytes
did not change is not written again. Which builders get notebooks: :data:`BUILDERS`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..course import Track as CourseTrack
from ..course import course_of, is_track_page
from ..examples.builder import page_plan
from ..walk import elements
from . import cells, markdown
from .warning_types import Subtype, warn

logger = logging.getLogger(__name__)

#: The builders whose output gets notebooks and whose track pages link them. ``singlehtml`` is
#: left out: its one page is the whole course, not a track, and it is not published.
BUILDERS = ("html", "dirhtml")
FOLDER = "notebooks"


def gets_notebooks(builder) -> bool:
    return builder.name in BUILDERS


def file_name(track: CourseTrack) -> str:
    """``03-ops``: the track's file (or folder) name; its notebook is ``03-ops.ipynb``."""
    return track.key.rsplit("/", 1)[-1]


def notebook_path(track: CourseTrack) -> str:
    """Where the notebook is, relative to the output folder: ``notebooks/03-ops.ipynb``."""
    return f"{FOLDER}/{file_name(track)}.ipynb"


def page_url(app: Sphinx, docname: str) -> str:
    """The track page's address: on the published site when ``html_baseurl`` says where that is."""
    target = app.builder.get_target_uri(docname)
    base = app.config.html_baseurl
    return urljoin(base.rstrip("/") + "/", target) if base else target


def _exercises_by_doc(app: Sphinx) -> dict[str, list[dict]]:
    if "extensions.exercises" not in app.extensions:
        return {}
    from extensions.exercises import exercises_by_doc  # noqa: PLC0415 (loaded only when enabled)

    return exercises_by_doc(app.env)


def _exercise_folder(config) -> Path:
    """Where the exercises are: ``kq_exercises_dir``, as the exercises extension reads it."""
    from kq.exercise import EXERCISES_DIR  # noqa: PLC0415 (the build imports kq only when needed)

    configured = getattr(config, "kq_exercises_dir", None)
    return Path(configured) if configured else EXERCISES_DIR


def _checking_source() -> str:
    import kq.checking  # noqa: PLC0415

    return Path(kq.checking.__file__).read_text(encoding="utf-8")


def _seed() -> int:
    try:
        from kq.runner import SEED  # noqa: PLC0415
    except ImportError:
        return cells.SEED
    return SEED


def task_markdown(entry: dict, doctree: nodes.document | None) -> str:
    """The exercise's task as Markdown: the directive's own text when the exercises extension
    keeps it (``task``), else the nodes between the exercise's title and its starter code."""
    if entry.get("task"):
        return entry["task"]
    node = next(
        (
            node
            for node in (elements(doctree) if doctree is not None else ())
            if node.tagname == "code_exercise" and node.get("exercise") == entry["id"]
        ),
        None,
    )
    if node is None:
        return ""
    parts = []
    for child in node.children[1:]:  # the first child is the title
        if isinstance(child, nodes.paragraph) and child.astext().startswith(STARTER_LEAD):
            break
        parts.append(markdown.convert(child))
    return "\n\n".join(part for part in parts if part)


#: The first words the exercises extension writes after the task.
STARTER_LEAD = "Start from this code"


def _exercise_sources(folder: Path) -> tuple[str, str] | None:
    """The starter's and the check's text, or None when one of them is gone. Only exercises the
    directive accepted are listed (a malformed one is refused, with a warning, when its page is
    read, and its files are the page's dependencies), so the notebook reads the two files it
    carries instead of loading and validating the whole exercise again."""
    try:
        starter = (folder / "starter.py").read_text(encoding="utf-8")
        check = (folder / "check.py").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return starter, check


#: What each track page gives its notebook, taken while Sphinx writes the page (``doctree-resolved``
#: runs in the main process, also in a parallel build): its visible blocks and its exercises'
#: tasks. Reading every track's doctree from disk again at the end cost the build a tenth of
#: what the notebooks cost. The resolved doctree has lost the hidden claim checks, which a
#: notebook leaves out anyway; a page not seen here (none is, today) is read from disk.
_PAGES = "kq_notebook_pages"


def reset_pages(app: Sphinx) -> None:
    setattr(app, _PAGES, {})


def keep_page(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not gets_notebooks(app.builder) or not is_track_page(docname):
        return
    getattr(app, _PAGES)[docname] = _page(app, docname, doctree)


def _page(app: Sphinx, docname: str, doctree: nodes.document) -> tuple[list[dict], dict]:
    env = app.env
    source = Path(env.doc2path(docname)).relative_to(app.srcdir).as_posix()
    blocks = [block for block in page_plan(source, doctree)["blocks"] if not block.get("hidden")]
    entries = _exercises_by_doc(app).get(docname, [])
    return blocks, {entry["id"]: task_markdown(entry, doctree) for entry in entries}


def track_notebook(app: Sphinx, track: CourseTrack, by_doc: dict):
    kept = getattr(app, _PAGES, {})
    folder = _exercise_folder(app.config) if any(map(by_doc.get, track.docnames)) else None
    blocks: list[dict] = []
    exercises: list[cells.NotebookExercise] = []
    for docname in track.docnames:
        page_blocks, tasks = kept.get(docname) or _page(app, docname, app.env.get_doctree(docname))
        blocks.extend(page_blocks)
        for entry in by_doc.get(docname, []):
            sources = _exercise_sources(folder / entry["id"])
            if sources is None:
                warn(
                    Subtype.EXERCISE,
                    f"code exercise {entry['id']!r} is left out of {notebook_path(track)}: "
                    f"its folder {folder / entry['id']} is missing or malformed",
                    (docname, entry.get("line")),
                    logger=logger,
                )
                continue
            starter, check = sources
            exercises.append(
                cells.NotebookExercise(
                    id=entry["id"],
                    title=entry["title"],
                    task=tasks[entry["id"]],
                    starter=starter,
                    check=check,
                )
            )
    about = cells.Track(
        title=track.title,
        url=page_url(app, track.docname),
        file_name=file_name(track),
        keras_version=app.config.examples_keras_version or "",
        site_url=app.config.html_baseurl or None,
        seed=_seed(),
    )
    checking = _checking_source() if exercises else ""
    return cells.build_notebook(about, blocks, exercises, checking)


def write_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not gets_notebooks(app.builder):
        return
    course = course_of(app.env)
    by_doc = _exercises_by_doc(app)
    folder = Path(app.outdir, FOLDER)
    for track in course.tracks:
        text = cells.notebook_text(track_notebook(app, track, by_doc))
        path = Path(app.outdir, notebook_path(track))
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    logger.info(f"notebooks: {len(course.tracks)} in {folder}")
