"""`make test` finds a Chromium by itself, or stops with one line saying how to get one."""

from __future__ import annotations

import subprocess
import sys

import pytest

import find_browser
from support import ROOT


@pytest.fixture
def bare_machine(monkeypatch, tmp_path):
    """No $CHROMIUM, no Debian chromium, and Playwright cannot download its own."""
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(find_browser, "DEBIAN_CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setattr(find_browser, "_playwright_has_chromium", lambda: False)


def test_chromium_variable_wins(monkeypatch, tmp_path):
    fake = tmp_path / "my-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(fake))
    assert find_browser.find_chromium() == str(fake)


def test_a_chromium_variable_that_is_no_program_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "nothing-here"))
    with pytest.raises(find_browser.NoBrowser, match="is not an executable file"):
        find_browser.find_chromium()


def test_debian_chromium_is_found_without_help(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(find_browser, "DEBIAN_CHROMIUM", fake)
    assert find_browser.find_chromium() == str(fake)


def test_playwright_download_is_the_last_resort(bare_machine, monkeypatch):
    monkeypatch.setattr(find_browser, "_playwright_has_chromium", lambda: True)
    assert find_browser.find_chromium() == ""  # "" means Playwright's own build


def test_without_any_browser_one_clear_line_says_how_to_get_one(bare_machine, capsys):
    assert find_browser.main() == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt-get install chromium" in err and "CHROMIUM=" in err


def test_the_script_prints_the_browser_for_make(tmp_path):
    fake = tmp_path / "chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "find_browser.py")],
        capture_output=True,
        text=True,
        env={"CHROMIUM": str(fake), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0 and done.stdout.strip() == str(fake)
