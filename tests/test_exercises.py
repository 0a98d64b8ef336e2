"""Every code exercise, checked on JAX, TensorFlow and PyTorch: its tests are themselves tested.

For each exercise under ``kq/exercises/``: the reference solution passes, the starter does not,
and every seeded wrong answer fails with exactly the hint its first line names (a wrong answer
that passes, or that gets another hint, fails this test). The answers run through the learner's
own path, ``python -m kq.runner`` (one process per backend that imports Keras once and forks a
fresh child per answer), in the examples' environment: temporary homes, thread caps and the
sandbox that refuses network connections, so a check that downloads anything fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kq.exercise import load_all
from tools.examples.runner import SANDBOX, child_environment

pytestmark = [pytest.mark.ml_stack, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("jax", "tensorflow", "torch")


def _jobs() -> list[dict]:
    jobs = []
    for exercise in load_all():
        folder = str(exercise.folder)
        jobs.append({"folder": folder, "answer": str(exercise.solution), "label": "solution"})
        jobs.append({"folder": folder, "answer": str(exercise.starter), "label": "starter"})
        for wrong in exercise.wrong:
            jobs.append({"folder": folder, "answer": str(wrong.path), "label": wrong.expect})
    return jobs


def _run(backend: str, jobs: list[dict], workdir: Path) -> list[dict]:
    env = child_environment(backend, workdir)
    env["PYTHONPATH"] = os.pathsep.join([str(SANDBOX), str(ROOT)])
    done = subprocess.run(
        [sys.executable, "-m", "kq.runner", "--backend", backend, "--timeout", "120"],
        input="".join(json.dumps(job) + "\n" for job in jobs),
        capture_output=True,
        text=True,
        env=env,
        cwd=workdir,
        timeout=1800,
    )
    results = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(results) == len(jobs), f"{backend}: the runner stopped early\n{done.stderr[-3000:]}"
    return results


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> dict[str, list[tuple[dict, dict]]]:
    jobs = _jobs()

    def one(backend: str):
        workdir = tmp_path_factory.mktemp(f"exercises-{backend}")
        return backend, list(zip(jobs, _run(backend, jobs, workdir), strict=True))

    with ThreadPoolExecutor(max_workers=2) as pool:  # CI has two cores
        return dict(pool.map(one, BACKENDS))


def _describe(job: dict, result: dict) -> str:
    got = result["hint_id"] or result["status"]
    where = os.path.relpath(job["answer"], ROOT)
    detail = f" ({result['text']} {result.get('detail') or ''})".rstrip()
    return f"{where}: got {got}{detail}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_reference_solution_passes(results, backend):
    failures = [
        _describe(job, result)
        for job, result in results[backend]
        if job["label"] == "solution" and result["status"] != "passed"
    ]
    assert not failures, f"{backend}: reference solutions that do not pass:\n" + "\n".join(failures)


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_starter_passes_and_each_runs(results, backend):
    failures = [
        _describe(job, result)
        for job, result in results[backend]
        if job["label"] == "starter" and (result["status"] != "not-yet" or result["lines"])
    ]
    assert not failures, (
        f"{backend}: a starter must run and must not pass (it gets a hint):\n" + "\n".join(failures)
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_each_seeded_wrong_answer_gets_its_hint(results, backend):
    failures = [
        _describe(job, result) + f", expected {job['label']}"
        for job, result in results[backend]
        if job["label"] not in ("solution", "starter") and result["hint_id"] != job["label"]
    ]
    assert not failures, (
        f"{backend}: seeded wrong answers that pass or get another hint:\n" + "\n".join(failures)
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_answers_never_see_each_other(tmp_path, backend):
    """An answer that changes Keras's global state, then one that must not see the change."""
    folder = ROOT / "tests" / "roots" / "test-exercises" / "exercises" / "t7-double"
    leak = tmp_path / "leak.py"
    leak.write_text(
        "import keras\nkeras.config.set_floatx('float16')\nLEAKED = True\n"
        "import builtins\nbuiltins.kq_leaked = True\n\ndef double(x):\n    return 2 * x\n"
    )
    clean = tmp_path / "clean.py"
    clean.write_text(
        "import builtins\nimport keras\nassert keras.config.floatx() == 'float32'\n"
        "assert not hasattr(builtins, 'kq_leaked')\n\ndef double(x):\n    return 2 * x\n"
    )
    jobs = [{"folder": str(folder), "answer": str(path)} for path in (leak, clean)]
    first, second = _run(backend, jobs, tmp_path)
    assert first["status"] == "passed" and first["forked"], first
    assert second["status"] == "passed", second


def test_kq_check_as_a_learner_runs_it(tmp_path):
    """``kq check --all-backends`` on the reference and on a wrong answer, from another folder."""
    exercise = next(e for e in load_all() if e.id == "t7-learned-shift")
    env = child_environment("jax", tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(SANDBOX), str(ROOT)])
    env.pop("KERAS_BACKEND")

    def kq(*args):
        return subprocess.run(
            [sys.executable, "-m", "kq", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=600,
        )

    passed = kq("check", exercise.id, str(exercise.solution), "--all-backends")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    for backend in BACKENDS:
        assert f"[{backend}] ✓ Passed: “{exercise.title}”." in passed.stdout
    assert passed.stdout.count("Your completion code: KQ-") == 3
    wrong = next(w for w in exercise.wrong if w.expect == "multiplies")
    failed = kq("check", exercise.id, str(wrong.path), "--backend", "torch")
    assert failed.returncode == 1
    assert "[torch] ✗ Not yet: Your layer multiplies" in failed.stdout
    assert "See: " in failed.stdout and "07-custom-layers.html#" in failed.stdout
    assert "Traceback" not in failed.stdout + failed.stderr
