"""Claim checks: a sentence tied to code that proves it (extensions/examples/claims.py).

The page of tests/roots/test-examples-claims carries a visible claim (a marker above an ordinary
block) and two hidden ones (``{claim}`` directives, one for a single backend). The run plan keeps
all three with their sentences; no output a reader can get shows a hidden claim's code or
sentence; and authoring mistakes are typed warnings at their line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# Words that stand only in the hidden claims' code and sentences.
HIDDEN_WORDS = ("xyzzyhiddenclaim", "plughhiddenclaim", "secret word begins", "PyTorch alone")
READER_BUILDERS = ("html", "dirhtml", "singlehtml", "epub", "latex", "text")


@pytest.fixture
def build(build_root):
    """``build(builder, page=None)``: tests/roots/test-examples-claims, its track page replaced."""

    def build(builder: str, page: str | None = None) -> tuple[Path, str]:
        pages = {"tracks/01-claims.md": page} if page is not None else None
        done = build_root("examples-claims", builder, pages=pages)
        return done.outdir, done.warnings

    return build


def _reader_files(outdir: Path):
    """Every file a reader can be handed: the output without Sphinx's own build caches."""
    for path in outdir.rglob("*"):
        if path.is_file() and ".doctrees" not in path.parts and path.name != ".buildinfo":
            yield path


@pytest.mark.parametrize("builder", READER_BUILDERS)
def test_hidden_claims_appear_in_no_output_a_reader_gets(builder, build):
    outdir, warnings = build(builder)
    assert warnings == ""
    texts = [path.read_bytes().decode("utf-8", "replace") for path in _reader_files(outdir)]
    assert any("Two and two make four" in text for text in texts)  # the page itself is there
    assert any("total = 2 + 2" in text or "total" in text for text in texts)
    for word in HIDDEN_WORDS:
        leaks = [str(p) for p, t in zip(_reader_files(outdir), texts, strict=False) if word in t]
        assert not leaks, f"{word!r} leaked into {builder} output: {leaks}"


def test_the_visible_claim_block_is_shown_and_its_marker_is_not(build):
    outdir, _warnings = build("html")
    html = (outdir / "tracks" / "01-claims.html").read_text(encoding="utf-8")
    assert "total" in html and "example: claim" not in html


def test_the_run_plan_keeps_every_claim_with_its_sentence_in_page_order(build):
    outdir, warnings = build("examples")
    assert warnings == ""
    plan = json.loads((outdir / "pages/tracks/01-claims.json").read_text(encoding="utf-8"))
    claims = [(b["claim"], b["hidden"], b["backend"], b["code_line"]) for b in plan["blocks"]]
    assert claims == [
        ("Two and two make four.", False, None, 7),
        ("The secret word begins with xyzzy.", True, None, 14),
        ("This check runs on PyTorch alone.", True, "torch", 23),
    ]
    assert plan["problems"] == []


@pytest.mark.parametrize(
    ("snippet", "line", "message"),
    [
        ("```{claim}\nassert True\n```\n", 3, "needs the sentence it checks"),
        ("```{claim} A sentence with nothing to check it.\n```\n", 3, "needs Python code"),
        ("% example: claim\n```python\nx = 1\n```\n", 3, "needs the sentence the block proves"),
        ("% example: claim Words.\n\nA paragraph.\n", 3, "must stand directly above a python"),
        ("```{claim} `Dense` has a bias.\nassert True\n```\n", 3, "published as text, not run"),
    ],
    ids=[
        "no-sentence",
        "no-code",
        "marker-without-sentence",
        "marker-above-no-block",
        "backtick-in-a-backtick-fence",
    ],
)
def test_claim_mistakes_are_typed_warnings_at_their_line_and_plan_problems(
    snippet, line, message, build
):
    page = f"# Track 1: Claims\n\n{snippet}"
    outdir, warnings = build("examples", page)
    assert f"01-claims.md:{line}: WARNING: " in warnings and message in warnings
    assert "[examples.claim]" in warnings or "[examples.marker]" in warnings
    plan = json.loads((outdir / "pages/tracks/01-claims.json").read_text(encoding="utf-8"))
    assert [problem["line"] for problem in plan["problems"]] == [line]


def test_an_unknown_backend_for_a_claim_is_refused_at_its_line(build):
    page = "# Track 1: Claims\n\n```{claim} Words.\n:backend: theano\n\nx = 1\n```\n"
    _outdir, warnings = build("html", page)
    assert "01-claims.md:4: WARNING: " in warnings and "theano" in warnings
