"""What a learner's phone downloads, and what Lighthouse thinks of it: ours against stock.

For the landing page and every track page, opened in Chromium at a phone's viewport with an
empty cache, the first-load transfer: every request the page makes until the network is idle,
each counted gzipped (as Read the Docs serves it). Target: at most 150 KiB per page.

Then Lighthouse (bench/node_modules, `npm ci` in bench/ installs it; it drives the local
Chromium) on the landing page and a track page, mobile and desktop presets, served gzipped on
127.0.0.1. Targets: Performance >= 95 on mobile, Accessibility, Best Practices and SEO 100.
Mobile Performance is simulated (slow 4G, 4x CPU slowdown) and moves by a few points from run to
run on a busy 2-core machine: the median of three runs is printed.
"""

from __future__ import annotations

import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

from common import ROOT, copy_docs, temp_dir, timed_build

sys.path.insert(0, str(ROOT / "tests"))
from find_browser import NoBrowser, find_chromium  # noqa: E402

CONFIGS = {"ours": ROOT, "stock": ROOT / "bench" / "stock"}
BUDGET_KIB = 150
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ["index.html", "tracks/03-ops.html"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped when the client accepts it, as a static host would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as fh:
            data = gzip.compress(fh.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)


class Server:
    def __init__(self, directory: Path):
        handler = partial(_GzipHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def pages_of(outdir: Path) -> list[str]:
    tracks = sorted(p.relative_to(outdir).as_posix() for p in (outdir / "tracks").glob("*.html"))
    return ["index.html", *tracks]


def first_load(outdir: Path, server: Server, pages: list[str], chromium: str) -> dict[str, tuple]:
    """page -> (gzipped bytes, requests) of a first visit in a fresh browser context."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium or None, args=["--no-sandbox", "--disable-gpu"]
        )
        for page_name in pages:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda request, seen=urls: seen.append(request.url))
            page.goto(server.url + page_name)
            page.wait_for_load_state("networkidle")
            context.close()
            total = 0
            for url in urls:
                local = outdir / unquote(urlsplit(url).path.lstrip("/"))
                if local.is_dir():
                    local = local / "index.html"
                if local.is_file():
                    total += len(gzip.compress(local.read_bytes(), 6))
            results[page_name] = (total, len(urls))
        browser.close()
    return results


def lighthouse(url: str, preset: str, chromium: str) -> dict[str, float]:
    out = Path(temp_dir("kq-lh-")) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium}
    )
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(done.stderr[-2000:])
    report = json.loads(out.read_text())
    shutil.rmtree(out.parent, ignore_errors=True)
    return {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}


def median_scores(url: str, preset: str, chromium: str) -> dict[str, float]:
    runs = [lighthouse(url, preset, chromium) for _ in range(RUNS)]
    return {name: statistics.median(run[name] for run in runs) for name in CATEGORIES}


def main() -> int:
    try:
        chromium = find_chromium(try_download=False) or "/usr/bin/chromium"
    except NoBrowser as exc:
        print(exc)
        return 1
    work = temp_dir("kq-bench-pages-")
    servers = {}
    try:
        outdirs = {}
        for name, confdir in CONFIGS.items():
            src = copy_docs(work / name)
            outdirs[name] = work / name / "html"
            timed_build(src, outdirs[name], confdir, "-j", "auto")
            servers[name] = Server(outdirs[name])
        pages = pages_of(outdirs["ours"])
        weights = {
            name: first_load(outdirs[name], servers[name], pages, chromium) for name in CONFIGS
        }
        print(
            f"first-load transfer, gzipped, phone viewport, empty cache (budget {BUDGET_KIB} KiB):"
        )
        over = 0
        for page_name in pages:
            (ours, ours_requests), (stock, stock_requests) = (
                weights["ours"][page_name],
                weights["stock"][page_name],
            )
            mark = "ok" if ours <= BUDGET_KIB * 1024 else "OVER"
            over += mark == "OVER"
            print(
                f"  {page_name:32} ours {ours / 1024:6.1f} KiB ({ours_requests:2} requests)  "
                f"stock {stock / 1024:6.1f} KiB ({stock_requests:2})  "
                f"ratio {ours / stock:.2f}  {mark}"
            )
        print(f"pages over budget: {over} of {len(pages)}")
        if not LIGHTHOUSE.exists():
            print("Lighthouse: not installed (cd bench && npm ci), scores not measured")
            return 0
        print(
            f"Lighthouse scores (median of {RUNS} runs): performance / accessibility / "
            "best practices / SEO"
        )
        for page_name in LIGHTHOUSE_PAGES:
            for preset in ("mobile", "desktop"):
                row = []
                for name in CONFIGS:
                    scores = median_scores(servers[name].url + page_name, preset, chromium)
                    row.append(f"{name} " + " / ".join(f"{scores[c]:.0f}" for c in CATEGORIES))
                print(f"  {page_name:20} {preset:7} " + "   ".join(row))
    finally:
        for server in servers.values():
            server.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
