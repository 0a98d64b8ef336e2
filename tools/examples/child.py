"""Run one page's blocks in order, like a notebook, in a process of its own.

Usage: ``python child.py PLAN.json EVENTS.jsonl`` runs one page in this new process. The plan
names the page file and lists its blocks (code and first line). Each block is compiled under the
page's own file name, with its code moved down to its real line, so line numbers in errors are
page lines. One JSON line per event goes to EVENTS as it happens, so if the process dies or
hangs the runner still knows which block it was in.

``python child.py --warm`` is a warm worker (see ``warm.py``): it imports Keras once, with the
backend its environment names, and then forks one fresh child per page the runner asks for, so
no page pays that import. Nothing runs before the fork but the import: no tensor op, so no
backend runtime and no thread is started (the worker reports its thread count and the runner
forks only from a single-threaded worker). Each child starts its own session (the runner kills
a page's whole process group on timeout), gets the page's own homes, working folder and fresh
random state, and exits without returning to the worker's loop. Whatever a page changes (Keras
config, dtype policy, seeds, module globals) dies with its child: pages never see each other.
Standard library only, besides that one import: this runs before, and apart from, our code.
"""

import contextlib
import io
import json
import os
import selectors
import signal
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


# --- the warm worker ----------------------------------------------------------------------------


def _threads():
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # not Linux: unknown


def _fresh_child(request):
    """In the forked child: become the page's own process, run the page, and exit."""
    code = 1
    try:
        os.setsid()  # its own process group, which the runner kills on timeout
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        out = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        err = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        for fd, target in ((null, 0), (out, 1), (err, 2)):
            os.dup2(fd, target)
            os.close(fd)
        os.environ.update(request["env"])
        os.chdir(request["cwd"])
        _fresh_state(request["env"])
        main(request["plan"], request["events"])
        code = 0
    except BaseException:  # noqa: BLE001 - whatever happens, never return into the worker's loop
        traceback.print_exc()
    try:
        import atexit

        atexit._run_exitfuncs()  # what a fresh process would run at its end
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _fresh_state(env):
    """What a new process would have that a fork inherits: homes read at import, random state."""
    import random

    random.seed()  # from the system's entropy, as at a process start
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    config = sys.modules.get("keras.src.backend.config")
    if config is not None and "KERAS_HOME" in env:
        config._KERAS_DIR = env["KERAS_HOME"]  # read once at import, from the worker's home


def serve():
    """Fork a child per request line on stdin; say ``started ID PID``, ``ended ID CODE CPU``."""
    import keras  # noqa: F401 - the import every page shares; it runs no op

    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    reply = sys.stdout

    def say(*words):
        reply.write(" ".join(str(word) for word in words) + "\n")
        reply.flush()

    say("ready", _threads())
    selector = selectors.DefaultSelector()
    selector.register(0, selectors.EVENT_READ)
    selector.register(wake_read, selectors.EVENT_READ)
    jobs = {}  # pid -> request id
    pending = b""
    open_input = True
    while open_input or jobs:
        for key, _ in selector.select(timeout=1.0 if open_input else 0.2):
            if key.fd == wake_read:
                os.read(wake_read, 4096)
                continue
            data = os.read(0, 65536)
            if not data:
                open_input = False
                selector.unregister(0)
                for pid in jobs:  # the runner went away: so do its pages
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(pid, signal.SIGKILL)
                continue
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                request = json.loads(line)
                pid = os.fork()
                if pid == 0:
                    selector.close()
                    os.close(wake_read)
                    os.close(wake_write)
                    _fresh_child(request)
                jobs[pid] = request["id"]
                say("started", request["id"], pid)
        while jobs:
            try:
                pid, status, usage = os.wait4(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            cpu = usage.ru_utime + usage.ru_stime  # the page's own CPU seconds, load or not
            say("ended", jobs.pop(pid), os.waitstatus_to_exitcode(status), f"{cpu:.3f}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--warm"]:
        serve()
    else:
        main(sys.argv[1], sys.argv[2])
