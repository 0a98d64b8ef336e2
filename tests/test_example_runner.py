"""Tests of the example runner itself (tools/examples), on small pages in tests/roots/examples-*.

The pages run plain Python, not Keras, so these tests take seconds: what they check is how the
runner finds blocks (through Sphinx's ``examples`` builder), isolates them and reports on them.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from extensions.examples.convention import RUN_BACKENDS
from extensions.examples.pin import PinError, keras_pin
from tools.examples import results, runner
from tools.examples.changed import differing, plan_texts
from tools.examples.output import output_diff, output_matches
from tools.examples.plan import Page, build_plans, page_from_plan, read_plans
from tools.examples.schedule import Ahead

ROOTS = Path(__file__).resolve().parent / "roots"


def parse_page(text: str) -> Page:
    """The run plan Sphinx's examples builder writes for a page holding ``text``."""
    with tempfile.TemporaryDirectory(prefix="kq-page-") as folder:
        srcdir = Path(folder) / "src"
        srcdir.mkdir()
        (srcdir / "page.md").write_text(text, encoding="utf-8")
        (plan,) = read_plans(build_plans(srcdir, Path(folder) / "out"), srcdir)
        return plan.page


def source(root: str, page: str) -> runner.SourcePage:
    (found,) = [p for p in runner.discover(ROOTS / f"examples-{root}") if p.id == page]
    return found


def test_a_page_runs_on_the_backends_its_plan_names():
    page = parse_page("# P\n\n```python\nx = 1\n```\n")
    assert page.backends == RUN_BACKENDS  # the examples builder's list, in the runner's order
    plan = {"format": 1, "source": "p.md", "backends": ["torch"], "problems": [], "blocks": []}
    only_torch = runner.SourcePage(Path("p.md"), "p", page_from_plan(plan))
    everywhere = runner.SourcePage(Path("q.md"), "q", page)
    assert runner.runs([only_torch, everywhere]) == [
        (only_torch, "torch"),
        *((everywhere, backend) for backend in RUN_BACKENDS),
    ]


def lines(page):
    return [(block.line, block.code_line) for block in page.blocks]


# --- finding blocks ---------------------------------------------------------------------------


def test_blocks_are_found_in_page_order_inside_any_directive():
    page = parse_page(
        "# T\n"  # 1
        "\n"
        "```python\n"  # 3
        "a = 1\n"
        "```\n"
        "\n"
        "::::{exercise} Try\n"  # 7
        ":label: ex\n"
        "\n"
        "```{code-block} python\n"  # 10
        ":caption: with options\n"
        "\n"
        "b = a + 1\n"  # 13
        "```\n"
        "::::\n"
        "\n"
        ":::{solution} ex\n"  # 17
        "- a list item\n"
        "  ```py\n"  # 19
        "  c = b + 1\n"
        "  ```\n"
        ":::\n"
        "\n"
        "````{note}\n"  # 24
        "```python3\n"  # 25
        "d = c + 1\n"
        "```\n"
        "````\n"
    )
    assert [block.code.strip() for block in page.blocks] == [
        "a = 1",
        "b = a + 1",
        "c = b + 1",
        "d = c + 1",
    ]
    assert lines(page) == [(3, 4), (10, 13), (19, 20), (25, 26)]
    assert page.problems == []


def test_only_python_blocks_run():
    page = parse_page(
        "```bash\npip install keras\n```\n\n"
        "```console\n$ python\n```\n\n"
        "```pycon\n>>> 1 + 1\n```\n\n"
        "```{code-block} bash\nls\n```\n\n"
        "```{eval-rst}\n.. code-block:: python\n\n   x = 1\n```\n\n"
        "```text\nplain\n```\n"
    )
    assert page.blocks == []


def test_skip_marker_keeps_its_reason_and_ordinary_comments_are_ignored():
    page = parse_page(
        "% just a note to other authors\n"
        "% example: skip downloads a dataset\n"
        "```python\nload()\n```\n\n"
        "```python\nrun()\n```\n"
    )
    skipped, runs = page.blocks
    assert skipped.skip == "downloads a dataset"
    assert runs.skip is None
    assert page.runnable("jax") == [runs]
    assert page.problems == []


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("% example: skip\n```python\nx\n```\n", 1, "needs a reason"),
        ("% example: skip why\n\nA paragraph.\n", 1, "directly above a python"),
        ("% example: skip why\n```bash\nls\n```\n", 1, "directly above a python"),
        ("% example: sikp why\n```python\nx\n```\n", 1, "not an example marker"),
        ("Text.\n\n% example: output\n```text\n1\n```\n", 3, "between a python code block"),
        ("```python\nx\n```\n\nWords.\n% example: output\n```text\n1\n```\n", 6, "between"),
        ("```python\nx\n```\n% example: output\n```python\ny\n```\n", 4, "between"),
        ("```python\nx\n```\n% example: output\n", 4, "between"),
    ],
)
def test_misused_markers_are_problems_with_their_line(text, line, words):
    problems = parse_page(text).problems
    assert [problem.line for problem in problems] == [line]
    assert words in problems[0].message


def test_output_block_belongs_to_the_python_block_above_it():
    page = parse_page(
        "```python\nprint(1)\n```\n% example: output\n```text\n1\n```\n\n```python\nprint(2)\n```\n"
    )
    first, second = page.blocks
    assert (first.expected, first.expected_line) == ("1\n", 5)
    assert second.expected is None


BACKEND_TABS = """\
::::{{tab-set}}
:sync-group: {group}

:::{{tab-item}} JAX
:sync: jax
```python
jax_only()
```
:::

:::{{tab-item}} TensorFlow
:sync: tensorflow
Nothing to run.
:::

:::{{tab-item}} PyTorch
:sync: {torch_key}
```python
torch_only()
```
:::
::::

```python
everywhere()
```
"""


def test_blocks_in_backend_tabs_run_on_that_backend_only():
    page = parse_page(BACKEND_TABS.format(group="backend", torch_key="torch"))
    assert page.problems == []
    assert [b.code.strip() for b in page.runnable("jax")] == ["jax_only()", "everywhere()"]
    assert [b.code.strip() for b in page.runnable("torch")] == ["torch_only()", "everywhere()"]
    assert [b.code.strip() for b in page.runnable("tensorflow")] == ["everywhere()"]


def test_unknown_or_missing_backend_tab_is_a_problem_at_the_tab_set():
    problems = parse_page(BACKEND_TABS.format(group="backend", torch_key="pytorch")).problems
    messages = [(p.line, p.message) for p in problems]
    assert (1, "unknown backend tab key 'pytorch' (use one of 'jax', 'tensorflow', 'torch')") in (
        messages
    )
    assert (1, "backend tab-set has no tab for 'torch'") in messages


def test_backend_keys_without_the_backend_sync_group_are_a_problem():
    page = parse_page(BACKEND_TABS.format(group="tab", torch_key="torch"))
    assert len(page.problems) == 1
    assert ":sync-group: backend" in page.problems[0].message
    # ...and, not being backend tabs, both blocks would run everywhere
    assert len(page.runnable("jax")) == 3


# --- comparing output -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "printed", "same"),
    [
        ("(None, 32)\n", "(None, 32)\n", True),
        ("a\nb\n", "a   \nb\n\n\n", True),  # trailing spaces and blank lines do not count
        ("a\n...\nd\n", "a\nb\nc\nd\n", True),
        ("a\n...\nd\n", "a\nd\n", True),  # ... may stand for no line at all
        ("...\n", "anything\nat all\n", True),
        ("a\n...\n", "a\n", True),
        ("(None, 64)\n", "(None, 32)\n", False),
        ("a\n", "a\nb\n", False),
        ("a\n...\nd\n", "a\nb\nc\n", False),
        ("  indented\n", "indented\n", False),  # leading whitespace does count
    ],
)
def test_output_matching(expected, printed, same):
    assert output_matches(expected, printed) is same


def test_output_diff_shows_expected_and_printed():
    diff = output_diff("(None, 64)\n", "(None, 32)\n")
    assert "-(None, 64)" in diff and "+(None, 32)" in diff


# --- the Keras pin ----------------------------------------------------------------------------


def write_pyproject(folder: Path, examples: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(f"[project.optional-dependencies]\nexamples = [{examples}]\n")
    return path


def test_pin_is_read_from_the_examples_extra(tmp_path):
    assert keras_pin(write_pyproject(tmp_path, '"jax", "keras == 3.15.1"')) == "3.15.1"


@pytest.mark.parametrize(
    ("entries", "words"), [('"jax"', "no 'keras==X.Y.Z'"), ('"keras>=3.10"', "pin one exact")]
)
def test_pin_that_is_missing_or_loose_is_an_error(tmp_path, entries, words):
    with pytest.raises(PinError, match=words):
        keras_pin(write_pyproject(tmp_path, entries))


@pytest.mark.ml_stack
def test_installed_keras_other_than_the_pin_is_refused(tmp_path):
    message = runner.pin_mismatch(write_pyproject(tmp_path, '"keras==0.0.1"'))
    installed = runner.metadata.version("keras")
    assert f"installed Keras {installed} differs from the pin keras==0.0.1" in message


@pytest.mark.ml_stack
def test_installed_keras_equal_to_the_pin_is_accepted(tmp_path):
    installed = runner.metadata.version("keras")
    assert runner.pin_mismatch(write_pyproject(tmp_path, f'"keras=={installed}"')) is None


@pytest.mark.ml_stack
def test_a_pin_mismatch_stops_every_page(monkeypatch):
    monkeypatch.setattr(runner, "pin_mismatch", lambda: "installed Keras 1.0 differs")
    assert runner.refusal(source("tabs", "tabs"), "jax") == "installed Keras 1.0 differs"


# --- running pages ----------------------------------------------------------------------------


@pytest.mark.ml_stack
def test_a_failing_block_names_page_block_line_and_error_and_stops_the_page():
    run = runner.run_page(source("broken", "broken"), "jax")
    assert [outcome.stdout for outcome in run.outcomes] == ["", "[3, 6]\n", ""]  # 4th never ran
    (message,) = runner.failures(run)
    assert message == (
        "tests/roots/examples-broken/broken.md, block at line 14 (backend jax):\n"
        "TypeError: unsupported operand type(s) for *: 'int' and 'NoneType'\n"
        "    line 15: total = scale([1, 2], None)\n"
        "    line 5: return [value * factor for value in values]"
    )


@pytest.mark.ml_stack
def test_a_syntax_error_names_its_page_line():
    (message,) = runner.failures(runner.run_page(source("broken", "syntax"), "torch"))
    assert message.startswith("tests/roots/examples-broken/syntax.md, block at line 4 (backend ")
    assert "SyntaxError: '(' was never closed\n    line 5: x = (1," in message


@pytest.mark.parametrize("backend", ["jax", "torch"])
@pytest.mark.ml_stack
def test_tab_blocks_run_only_on_their_backend(backend):
    run = runner.run_page(source("tabs", "tabs"), backend)
    assert run.outcomes[-1].stdout == f"['{backend}', '{backend} tab']\n"
    assert runner.failures(run) == []


@pytest.mark.ml_stack
def test_output_mismatch_fails_and_matching_output_passes():
    (message,) = runner.failures(runner.run_page(source("output", "output"), "jax"))
    assert message.startswith(
        "tests/roots/examples-output/output.md, block at line 14 (backend jax): printed output "
        "differs from the expected output at line 18:"
    )
    assert "-(None, 64)\n+(None, 32)" in message


@pytest.mark.ml_stack
def test_examples_run_offline_with_temporary_homes_and_capped_epochs():
    # The page checks its own environment with output blocks: network refused, loopback
    # allowed, KERAS_HOME in the scratch folder, the epoch cap set.
    run = runner.run_page(source("sandbox", "sandbox"), "torch")
    assert runner.failures(run) == []
    assert len(run.outcomes) == 2


@pytest.mark.parametrize("backend", ["jax", "tensorflow", "torch"])
def test_xla_compiles_without_backend_optimisation_unless_told_otherwise(
    tmp_path, monkeypatch, backend
):
    flags = runner.child_environment(backend, tmp_path)["XLA_FLAGS"].split()
    assert "--xla_backend_optimization_level=0" in flags
    assert "--xla_cpu_multi_thread_eigen=false" in flags  # the thread cap is kept beside it
    monkeypatch.setattr(runner, "FAST_COMPILE", "")
    flags = runner.child_environment(backend, tmp_path)["XLA_FLAGS"].split()
    assert not [flag for flag in flags if "optimization_level" in flag]
    assert "--xla_cpu_multi_thread_eigen=false" in flags


@pytest.mark.ml_stack
def test_skipped_blocks_never_run():
    run = runner.run_page(source("skips", "skips"), "jax")
    assert [outcome.stdout for outcome in run.outcomes] == ["the runnable block ran\n"]
    assert runner.failures(run) == []


@pytest.mark.ml_stack
def test_a_dying_process_is_reported_with_the_block_it_was_in():
    run = runner.run_page(source("stops", "crash"), "jax")
    (message,) = runner.failures(run)
    assert message.startswith(
        "tests/roots/examples-stops/crash.md, block at line 7 (backend jax): the Python process "
        "ended (exit code 3)"
    )


@pytest.mark.ml_stack
def test_a_page_over_its_time_limit_is_stopped():
    run = runner.run_page(source("stops", "hang"), "torch", timeout=2)
    (message,) = runner.failures(run)
    assert "hang.md, block at line 3 (backend torch): did not finish within 2 s" in message
    assert run.seconds < 30


def test_runs_go_ahead_two_at_a_time_in_planned_order():
    page = source("tabs", "tabs")
    started = []
    both_running = threading.Event()

    def fake_run(page, backend):
        started.append(backend)
        if len(started) == 2:
            both_running.set()
        # the first run only finishes once the second has started: proof that they overlap
        return both_running.wait(timeout=10)

    ahead = Ahead([(page, "jax"), (page, "torch")], jobs=2, run=fake_run)
    try:
        assert ahead.result(page, "jax") is True
        assert ahead.result(page, "torch") is True
        assert started == ["jax", "torch"]
    finally:
        ahead.close()


def test_a_free_job_takes_the_next_run_while_a_long_run_goes_on():
    """JAX's run is the longest: PyTorch's and then TensorFlow's run beside it, one after
    another, before anyone asks for them (make check's one page on three backends)."""
    page = source("tabs", "tabs")
    started = []
    last_started = threading.Event()

    def fake_run(page, backend):
        started.append(backend)
        if backend == "tensorflow":
            last_started.set()
        # the long run ends only once the third has started: a job freed by the short second
        # run must have taken it, since nobody asked for the second run's result yet
        return backend != "jax" or last_started.wait(timeout=10)

    ahead = Ahead([(page, "jax"), (page, "torch"), (page, "tensorflow")], jobs=2, run=fake_run)
    try:
        assert ahead.result(page, "jax") is True, "the third run waited for the first to end"
        assert ahead.result(page, "torch") is True
        assert ahead.result(page, "tensorflow") is True
        assert started[0] == "jax" and started[2] == "tensorflow"
    finally:
        ahead.close()


def test_a_worker_that_dies_while_starting_says_why(tmp_path):
    """A warm worker that ends before it is ready is WorkerGone with its stderr (the page then
    runs in a new process), not an error about a closed file."""
    from tools.examples.warm import Worker, WorkerGone

    dies = [sys.executable, "-c", "import sys; sys.stderr.write('no keras here'); sys.exit(3)"]
    with pytest.raises(WorkerGone, match="no keras here"):
        Worker(dies, dict(os.environ), tmp_path)


# --- a whole pytest session over a folder of pages --------------------------------------------


def examples_session(root: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KQ_EXAMPLES_DIR": str(ROOTS / f"examples-{root}")}
    env.pop("KQ_EXAMPLE_PAGES", None)
    # The examples need no browser and no generated input: leaving those plugins out saves the
    # nested session a second of imports.
    plugins = ["-p", "no:cacheprovider", "-p", "no:playwright", "-p", "no:hypothesispytest"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *plugins, "tests/test_examples.py"],
        cwd=runner.REPO,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.ml_stack
def test_session_counts_skipped_blocks_by_reason_and_fails_a_marker_without_reason():
    done = examples_session("skips")
    assert done.returncode == 1, done.stdout
    summary = done.stdout[done.stdout.index("course examples") :]
    assert "skipped blocks: 4\n" in summary
    assert "  2 x downloads a dataset\n" in summary
    assert "  1 x needs TensorFlow\n" in summary
    assert "reasonless.md:3: '% example: skip' needs a reason" in done.stdout
    assert "3 failed, 5 passed" in done.stdout  # reasonless.md fails on each of 3 backends


@pytest.mark.ml_stack
def test_session_failure_is_a_clean_message_without_runner_traceback():
    done = examples_session("broken")
    assert done.returncode == 1
    assert "tests/roots/examples-broken/broken.md, block at line 14 (backend torch):" in (
        done.stdout
    )
    for noise in ("Traceback", "runner.py", "child.py", "pytest.fail"):
        assert noise not in done.stdout


@pytest.mark.ml_stack
def test_session_ends_with_the_wall_time_of_each_lane():
    done = examples_session("tabs")
    assert done.returncode == 0, done.stdout
    lanes = done.stdout[done.stdout.index("lanes (wall time)") :]
    spent = dict(
        re.findall(
            r"^(quick Python|site builds|browser|examples|exercises) +([\d.]+) s", lanes, re.M
        )
    )
    assert set(spent) == {"quick Python", "site builds", "browser", "examples", "exercises"}
    assert float(spent["examples"]) > 0  # the pages ran in this lane
    assert float(spent["browser"]) == 0


# --- which pages `make check` runs --------------------------------------------------------------


def test_only_pages_whose_run_plan_changed_are_selected(tmp_path):
    def plans(name: str, pages: dict[str, str]) -> dict[str, str]:
        srcdir = tmp_path / name / "src"
        srcdir.mkdir(parents=True)
        for page, text in pages.items():
            (srcdir / page).write_text(text, encoding="utf-8")
        return plan_texts(build_plans(srcdir, tmp_path / name / "out"), srcdir)

    code = "# P\n\nWords.\n\n```python\nx = 1\n```\n"
    before = plans(
        "base", {"prose.md": code, "code.md": code, "marker.md": code, "new.md": "# N\n"}
    )
    after = plans(
        "head",
        {
            "prose.md": code.replace("Words.", "Other words."),  # same code on the same lines
            "code.md": code.replace("x = 1", "x = 2"),
            "marker.md": code.replace("Words.\n", "Words.\n% example: skip slow\n"),
            "new.md": "# N\n\n```python\ny = 1\n```\n",
        },
    )
    assert differing(after, before) == ["code.md", "marker.md", "new.md"]
    assert differing(after, None) == sorted(after)  # a base without plans: every page


# --- warm workers: isolation between pages ------------------------------------------------------


@pytest.mark.parametrize("backend", RUN_BACKENDS)
@pytest.mark.ml_stack
def test_a_page_never_sees_what_an_earlier_page_changed(backend):
    # 1-leak changes Keras config, the dtype policy, seeds, a shared module, the environment and
    # the working folder; 2-check, run next on the same warm worker, prints what it sees.
    leak, check = source("isolation", "1-leak"), source("isolation", "2-check")
    leaked = runner.run_page(leak, backend)
    assert runner.failures(leaked) == []
    assert leaked.outcomes[-1].stdout == "changed\n"
    checked = runner.run_page(check, backend)
    assert checked.forked and leaked.forked  # the warm path is the one under test
    assert runner.failures(checked) == []
    # and each page draws its own random numbers, as a process of its own would
    assert leaked.outcomes[0].stdout != checked.outcomes[0].stdout


@pytest.mark.ml_stack
def test_the_isolation_check_sees_a_leak_when_pages_share_a_process():
    # The same two pages as blocks of one page: the check must then fail, or the test above
    # could not tell isolation from its absence.
    leak, check = source("isolation", "1-leak"), source("isolation", "2-check")
    joined = runner.SourcePage(
        check.path, "joined", Page(blocks=[*leak.page.blocks, *check.page.blocks])
    )
    (message,) = runner.failures(runner.run_page(joined, "jax"))
    assert "printed output differs" in message
    for leaked in ("-float32 float32", "+float16 mixed_bfloat16", "+module attribute: True",
                   "+environment: True", "+file: True", "+global: True", "+python seed: True",
                   "+numpy seed: True"):  # fmt: skip
        assert leaked in message


@pytest.mark.ml_stack
def test_a_page_run_in_a_new_process_passes_the_same_checks():
    run = runner.run_page(source("isolation", "2-check"), "torch", warm=False)
    assert not run.forked
    assert runner.failures(run) == []


# --- claim checks -------------------------------------------------------------------------------


def claim_page(tmp_path, blocks: list[dict]) -> runner.SourcePage:
    """A page from a plan written by hand, as the examples builder will write claim checks."""
    page_file = tmp_path / "claims.md"
    page_file.write_text("# Claims\n", encoding="utf-8")
    plan = {
        "format": 1,
        "source": "claims.md",
        "backends": list(RUN_BACKENDS),
        "problems": [],
        "blocks": blocks,
    }
    return runner.SourcePage(page_file, "claims", page_from_plan(plan), json.dumps(plan))


def test_plan_blocks_may_carry_a_claim_a_hidden_flag_and_fields_not_known_yet(tmp_path):
    page = claim_page(
        tmp_path,
        [{"code": "x = 1\n", "line": 3, "code_line": 4, "claim": "It works.", "hidden": True,
          "a_field_from_the_future": [1, 2]}],
    ).page  # fmt: skip
    (block,) = page.blocks
    assert (block.claim, block.hidden) == ("It works.", True)


@pytest.mark.ml_stack
def test_a_failing_claim_check_names_its_sentence_first(tmp_path):
    sentence = "Dense layers create their weights on the first call."
    page = claim_page(
        tmp_path,
        [
            {"code": "ok = True\n", "line": 3, "code_line": 4, "claim": None, "hidden": False},
            {"code": "assert not ok, 'still true'\n", "line": 7, "code_line": 8,
             "claim": sentence, "hidden": True},
        ],
    )  # fmt: skip
    (message,) = runner.failures(runner.run_page(page, "jax"))
    first, where, *_ = message.split("\n")
    assert first == f'claim failed: "{sentence}"'
    assert where == f"{page.name}, block at line 7 (backend jax):"
    assert "AssertionError: still true\n    line 8:" in message


@pytest.mark.ml_stack
def test_a_claim_whose_output_differs_names_its_sentence_first(tmp_path):
    page = claim_page(
        tmp_path,
        [{"code": "print(2 + 2)\n", "line": 3, "code_line": 4, "claim": "Two and two make five.",
          "hidden": True, "expected": "5\n", "expected_line": 9}],
    )  # fmt: skip
    (message,) = runner.failures(runner.run_page(page, "torch"))
    assert message.startswith('claim failed: "Two and two make five."\n')
    assert "printed output differs from the expected output at line 9" in message
    assert "-5\n+4" in message


@pytest.mark.ml_stack
def test_a_block_without_a_claim_fails_as_before(tmp_path):
    page = claim_page(tmp_path, [{"code": "1 / 0\n", "line": 3, "code_line": 4, "claim": None}])
    (message,) = runner.failures(runner.run_page(page, "jax"))
    assert message.startswith(f"{page.name}, block at line 3 (backend jax):\nZeroDivisionError")


# --- reusing passing runs -------------------------------------------------------------------------


@pytest.mark.ml_stack
def test_a_changed_page_never_reuses_a_kept_run(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("KQ_EXAMPLES_REUSE", raising=False)
    ran = []
    real_run = runner.run_page

    def counting_run(source, backend, **kwargs):
        ran.append((source.id, backend))
        return real_run(source, backend, **kwargs)

    monkeypatch.setattr(runner, "run_page", counting_run)
    cache = tmp_path / "kept"
    text = (
        "# P\n\n```python\nprint(6 * 7)\n```\n\n% example: output\n```text\n42\n```\n\n"
        "% example: skip needs a GPU\n```python\nuse_gpu()\n```\n"
    )

    def run(name: str, page_text: str, backend: str = "jax"):
        srcdir = tmp_path / name / "src"
        srcdir.mkdir(parents=True)
        (srcdir / "page.md").write_text(page_text, encoding="utf-8")
        (plan,) = read_plans(build_plans(srcdir, tmp_path / name / "out"), srcdir)
        # the same file for every version of the page, as an edit in place would leave it
        page = runner.SourcePage(tmp_path / "page.md", "page", plan.page, plan.text)
        ran.clear()
        found = results.run_or_reuse(page, backend, cache)
        return found, bool(ran)

    first, did_run = run("first", text)
    assert did_run and not first.reused and runner.failures(first) == []
    again, did_run = run("again", text)
    assert not did_run and again.reused and runner.failures(again) == []
    assert [o.stdout for o in again.outcomes] == ["42\n"]
    changes = {
        "code": text.replace("6 * 7", "6 * 8"),
        "output": text.replace("42\n```", "48\n```"),
        "skip": text.replace("needs a GPU", "needs two GPUs"),
    }
    for name, changed in changes.items():
        found, did_run = run(name, changed)
        assert did_run, f"a page with a changed {name} reused a kept run"
        assert not found.reused
    _, did_run = run("backend", text, backend="torch")
    assert did_run, "a run on another backend was reused"
    # The changed output fails: a failing run is never kept, so it runs again, and fails again.
    failed, did_run = run("output-again", changes["output"])
    assert did_run and runner.failures(failed)
    monkeypatch.setenv("CI", "true")
    _, did_run = run("ci", text)
    assert did_run, "CI=true reused a kept run"
