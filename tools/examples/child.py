"""Run one page's blocks in order, like a notebook, in the process the runner started for it.

Usage: ``python child.py PLAN.json EVENTS.jsonl``. The plan names the page file and lists its
blocks (code and first line). Each block is compiled under the page's own file name, with its
code moved down to its real line, so line numbers in errors are page lines. One JSON line per
event goes to EVENTS as it happens, so if the process dies or hangs the runner still knows
which block it was in. Standard library only: this runs before, and apart from, our code.
"""

import contextlib
import io
import json
import sys
import time
import traceback

MAX_MESSAGE = 4000


def _user_frames(tb, filename):
    """The frames of the page's own code, outermost first, as (line, source)."""
    frames = []
    for frame in traceback.extract_tb(tb):
        entry = [frame.lineno, (frame.line or "").strip()]
        # a comprehension is a frame of its own on the line that holds it: show the line once
        if frame.filename == filename and (not frames or frames[-1] != entry):
            frames.append(entry)
    return frames


def _describe(exc, filename):
    message = str(exc)
    frames = _user_frames(exc.__traceback__, filename)
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        message = exc.msg
        frames.append([exc.lineno, (exc.text or "").strip()])
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE] + " [...]"
    return {"type": type(exc).__name__, "message": message, "frames": frames}


def main(plan_path, events_path):
    with open(plan_path, encoding="utf-8") as fh:
        plan = json.load(fh)
    filename = plan["page"]
    namespace = {"__name__": "__main__"}
    sys.argv = [filename]  # as a notebook would: examples see no runner arguments
    with open(events_path, "w", encoding="utf-8") as events:

        def emit(**event):
            events.write(json.dumps(event) + "\n")
            events.flush()

        for index, block in enumerate(plan["blocks"]):
            emit(event="start", block=index)
            captured = io.StringIO()
            error = None
            started = time.perf_counter()
            try:
                source = "\n" * (block["code_line"] - 1) + block["code"]
                code = compile(source, filename, "exec")
                with contextlib.redirect_stdout(captured):
                    exec(code, namespace)
            except BaseException as exc:  # noqa: BLE001 - SystemExit in an example is an error too
                error = _describe(exc, filename)
            seconds = time.perf_counter() - started
            emit(event="end", block=index, stdout=captured.getvalue(), error=error, seconds=seconds)
            if error:
                break  # later blocks build on this one, like cells after a failed cell


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
