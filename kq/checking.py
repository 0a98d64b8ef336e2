"""Check a learner's answer to one code exercise, and say what is wrong.

An exercise's ``check.py`` defines ``HINTS`` (hint id -> :class:`Hint`) and ``check(answer)``,
which looks at the learner's names and stops at the first mistake it finds, with
``require(condition, "hint-id")`` or ``with calling("hint-id"):``. :func:`run_check` turns what
happened into a :class:`Result`; :func:`format_result` into the words a learner reads.

This module is self-contained (standard library only, nothing from the rest of ``kq``): a
track's notebook carries its source, so a notebook checks answers in Colab or Jupyter without
our package installed.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import linecache
import traceback
from dataclasses import dataclass, field

#: The words a completion code is made from: it proves nothing, and the page says so.
CODE_SALT = "keras-quest exercise "
#: How a result is read by people: passed, a hint that names a mistake, or an error in their code.
PASSED, NOT_YET, ERROR = "passed", "not-yet", "error"


class Hint:
    """What is wrong and what to do about it; ``see`` is where the course teaches it."""

    def __init__(self, text: str, see: str | None = None):
        self.text = text
        self.see = see

    def __repr__(self) -> str:
        return f"Hint({self.text!r}, see={self.see!r})"


class NotYet(Exception):
    """Raised by a check: the answer shows the mistake ``hint_id`` names."""

    def __init__(self, hint_id: str | None, detail: str | None = None, text: str | None = None):
        super().__init__(hint_id)
        self.hint_id = hint_id
        self.detail = detail
        self.text = text


def require(condition: object, hint_id: str) -> None:
    """Go on only if ``condition`` holds; otherwise the answer gets the hint ``hint_id``."""
    if not condition:
        raise NotYet(hint_id)


@contextlib.contextmanager
def calling(hint_id: str):
    """Run the learner's code; whatever it raises becomes the hint ``hint_id`` (with the error)."""
    try:
        yield
    except NotYet:
        raise
    except Exception as exc:  # noqa: BLE001 - any error of the learner's code is the mistake
        raise NotYet(hint_id, detail=_one_line(exc)) from exc


class Answer:
    """The learner's names, read as attributes (``answer.Scale``) or tested (``"Scale" in answer``).

    A name the answer does not define is a mistake of its own, with its own words.
    """

    def __init__(self, names: dict):
        self._names = names

    def __contains__(self, name: str) -> bool:
        return name in self._names

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return self._names[name]
        except KeyError:
            raise NotYet(
                None, text=f"Your answer defines no `{name}`; the task asks for it by that name."
            ) from None


@dataclass
class Result:
    exercise: str
    status: str  # PASSED, NOT_YET or ERROR
    text: str = ""
    hint_id: str | None = None
    see: str | None = None
    detail: str | None = None
    #: [line, source] of the learner's code where it failed, outermost first
    lines: list = field(default_factory=list)
    code: str | None = None  # the completion code, when passed

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def as_dict(self) -> dict:
        return {
            "exercise": self.exercise,
            "status": self.status,
            "text": self.text,
            "hint_id": self.hint_id,
            "see": self.see,
            "detail": self.detail,
            "lines": self.lines,
            "code": self.code,
        }


def completion_code(exercise_id: str) -> str:
    """The code a passed check prints for ``exercise_id``: ``KQ-`` and eight letters or digits."""
    digest = hashlib.sha256((CODE_SALT + exercise_id).encode("utf-8")).digest()
    letters = base64.b32encode(digest).decode("ascii")[:8]
    return f"KQ-{letters[:4]}-{letters[4:]}"


def _one_line(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()
    first = message[0] if message else ""
    if len(first) > 300:
        first = first[:300] + " …"
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _learner_lines(exc: BaseException, filename: str | None) -> list:
    if not filename:
        return []
    lines = [
        [frame.lineno, (frame.line or "").strip()]
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename == filename
    ]
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        lines.append([exc.lineno, (exc.text or "").strip()])
    return lines


def load_answer(path: str, source: str) -> tuple[dict | None, Result | None]:
    """Run a learner's file in a namespace of its own: the names, or the error it stopped at."""
    names = {"__name__": "__kq_answer__", "__file__": path}
    # the lines an error points at are quoted from the source that ran, not the file as it is now
    linecache.cache[path] = (len(source), None, source.splitlines(keepends=True), path)
    try:
        exec(compile(source, path, "exec"), names)
    except Exception as exc:  # noqa: BLE001 - whatever the learner's file raises is reported
        lines = _learner_lines(exc, path)
        where = f" at line {lines[-1][0]}" if lines else ""
        return None, Result(
            exercise="",
            status=ERROR,
            text=f"Your file stopped{where} before the check could start.",
            detail=_one_line(exc),
            lines=lines,
        )
    return names, None


def run_check(check_names: dict, answer_names: dict, exercise_id: str) -> Result:
    """Run the exercise's ``check`` on the learner's names and say how it went."""
    hints = check_names.get("HINTS", {})
    learner_file = answer_names.get("__file__")
    try:
        check_names["check"](Answer(answer_names))
    except NotYet as stop:
        if stop.hint_id is None:
            return Result(exercise_id, NOT_YET, text=stop.text or "", detail=stop.detail)
        hint = hints.get(stop.hint_id)
        if hint is None:  # the exercise's author named a hint that does not exist
            return Result(
                exercise_id,
                ERROR,
                text=f"This exercise's check names a hint it does not define: {stop.hint_id!r}.",
            )
        return Result(
            exercise_id,
            NOT_YET,
            text=hint.text,
            hint_id=stop.hint_id,
            see=hint.see,
            detail=stop.detail,
            lines=_learner_lines(stop.__cause__, learner_file) if stop.__cause__ else [],
        )
    except Exception as exc:  # noqa: BLE001 - the learner's code raised while being checked
        lines = _learner_lines(exc, learner_file)
        where = f" (line {lines[-1][0]} of your code)" if lines else ""
        return Result(
            exercise_id,
            ERROR,
            text=f"While the check used your code, it raised an error{where}.",
            detail=_one_line(exc),
            lines=lines,
        )
    return Result(exercise_id, PASSED, code=completion_code(exercise_id))


def see_url(see: str | None, base_url: str | None) -> str | None:
    """Where a hint's ``see`` (``07-custom-layers#anchor``) is on the published course."""
    if not see:
        return None
    page, _, anchor = see.partition("#")
    path = f"tracks/{page}.html" + (f"#{anchor}" if anchor else "")
    return base_url.rstrip("/") + "/" + path if base_url else path


def format_result(result: Result, base_url: str | None = None, title: str | None = None) -> str:
    """The words a learner reads for ``result``."""
    name = f"“{title}”" if title else result.exercise
    if result.passed:
        return (
            f"✓ Passed: {name}.\n"
            f"  Your completion code: {result.code}\n"
            "  Paste it into the exercise on the course page to mark it solved."
        )
    mark = "✗ Not yet" if result.status == NOT_YET else "✗ Error"
    out = [f"{mark}: {result.text}"]
    if result.detail:
        out.append(f"  Python said: {result.detail}")
    for line, source in result.lines[-3:]:
        out.append(f"  line {line}: {source}" if source else f"  line {line}")
    url = see_url(result.see, base_url)
    if url:
        out.append(f"  See: {url}")
    return "\n".join(out)
