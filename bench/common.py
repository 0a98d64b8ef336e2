"""Measuring helpers shared by the bench scripts: timed Sphinx builds and page weight."""

from __future__ import annotations

import gzip
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_ASSET = re.compile(
    r"""<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*\bhref)="""
    r"""["']([^"']+)["']""",
    re.IGNORECASE,
)


def copy_docs(into: Path) -> Path:
    """Copy docs/ somewhere disposable so touching a page never changes the work tree."""
    target = into / "docs"
    shutil.copytree(DOCS, target)
    # The Contribute page includes ../CONTRIBUTING.md; without it that page fails to build.
    shutil.copy2(ROOT / "CONTRIBUTING.md", into / "CONTRIBUTING.md")
    return target


def timed_build(srcdir: Path, outdir: Path, confdir: Path, *args: str, builder: str = "html"):
    """Build and return elapsed seconds; raise with Sphinx's output if the build crashed."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        builder,
        "-c",
        str(confdir),
        str(srcdir),
        str(outdir),
        *args,
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 and not (outdir / "index.html").exists():
        raise RuntimeError(f"build failed:\n{done.stderr[-4000:]}")
    return elapsed


def cpu_build(srcdir: Path, outdir: Path, confdir: Path, *args: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one HTML build from scratch (``-E``, fresh output folder).

    CPU time is user + system time of the build process and any process it waits for (``-j``
    workers): on a shared machine other loads stretch wall time far more than CPU time.
    """
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html"]
    command += ["-c", str(confdir), str(srcdir), str(outdir), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 and not (outdir / "index.html").exists():
        raise RuntimeError(f"build failed:\n{done.stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(outdir: Path, page: Path) -> tuple[int, int]:
    """Raw and gzipped bytes of a page's HTML plus every local CSS/JS it loads."""
    html = page.read_bytes()
    raw, packed = len(html), gzipped(html)
    for ref in dict.fromkeys(_ASSET.findall(html.decode("utf-8"))):
        if urlsplit(ref).scheme or ref.startswith("//"):
            continue
        asset = (page.parent / urldefrag(ref)[0].split("?")[0]).resolve()
        if asset.is_file():
            data = asset.read_bytes()
            raw += len(data)
            packed += gzipped(data)
    return raw, packed


def html_pages(outdir: Path) -> list[Path]:
    skip = {"genindex.html", "search.html"}
    return sorted(
        p for p in outdir.rglob("*.html") if "_static" not in p.parts and p.name not in skip
    )


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"
