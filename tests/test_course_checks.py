"""The course checks what it says: claim checks, few skipped blocks, misconceptions in every track.

Read from the run plans Sphinx's ``examples`` builder writes for the real course (the same plans
the example runner executes), and from the track pages' quiz markup. These are the floors the
course keeps (docs/authoring/examples.md, "Claim checks"): a track whose claims were removed, or a
new skip without a reason a learner could not run past, fails here, not in review.
"""

from __future__ import annotations

import re
from runpy import run_path

import pytest

from support import ROOT
from tools.examples import plan, runner

#: The floors are conf.py's, the ones the course lint reports in every build.
_CONF = run_path(str(ROOT / "conf.py"))
MIN_CLAIMS_PER_TRACK = _CONF["courselint_min_claims"]
MAX_SKIPPED_BLOCKS = 5
MIN_MISCONCEPTION_TAGS_PER_TRACK = _CONF["courselint_min_misconceptions"]
MISCONCEPTION_ROLE = re.compile(r"\{misconception\}`[^`]+`")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def plans():
    return {found.docname: found for found in plan.plans_of(runner.DOCS)}


def _tracks(plans):
    tracks = {name: found for name, found in plans.items() if name.startswith("tracks/")}
    assert tracks, "no track pages found"
    return tracks


def test_every_track_carries_enough_claim_checks_on_every_backend(plans):
    short = {}
    for name, found in _tracks(plans).items():
        for backend in found.page.backends:
            count = sum(1 for block in found.page.runnable(backend) if block.claim)
            if count < MIN_CLAIMS_PER_TRACK:
                short[f"{name} on {backend}"] = count
    assert not short, f"fewer than {MIN_CLAIMS_PER_TRACK} claim checks run: {short}"


def test_every_claim_names_a_sentence(plans):
    empty = [
        f"{name}:{block.line}"
        for name, found in plans.items()
        for block in found.page.blocks
        if block.hidden and not (block.claim or "").strip()
    ]
    assert not empty


def test_the_course_skips_few_blocks_and_says_why(plans):
    skipped = [
        f"{name}:{block.line}: {block.skip}"
        for name, found in plans.items()
        for block in found.page.blocks
        if block.skip is not None
    ]
    assert all(entry.split(": ", 1)[1].strip() for entry in skipped), skipped
    assert len(skipped) <= MAX_SKIPPED_BLOCKS, "\n".join(skipped)


def test_every_track_tags_wrong_options_with_misconceptions(plans):
    short = {}
    for name, found in _tracks(plans).items():
        count = len(MISCONCEPTION_ROLE.findall(found.path.read_text(encoding="utf-8")))
        if count < MIN_MISCONCEPTION_TAGS_PER_TRACK:
            short[name] = count
    assert not short, f"tracks with fewer than {MIN_MISCONCEPTION_TAGS_PER_TRACK} tags: {short}"
