"""Site benchmark: our configuration against the stock theme with our extensions off.

What "stock" is (bench/stock): the same pages and conf.py, sphinx-book-theme with its default
options, none of our extensions, templates or stylesheet. Our directives become plain stand-ins
that parse their content as ordinary MyST (a quiz's questions, options and explanations stay on
the page as text), so both builds read, resolve, index and write the same text and the ratio is
what our extensions add, not the cost of having more text.

Build time is the CPU time (user + system) of a full serial build from scratch (``-E -j 1``, a
fresh output folder), the minimum over RUNS builds taken in turns (ours, stock, ours, ...): the
least disturbed run of each on a machine other work shares. Wall time is printed beside it. Then:
a parallel build (``-j auto``), the incremental rebuild after touching one page, the output size,
and per-page transfer weight (HTML + the CSS/JS it loads, raw and gzipped), each with the ratio
ours/stock. Set KQ_BENCH_RUNS to change RUNS.
"""

from __future__ import annotations

import os
import shutil
import statistics

from common import (
    ROOT,
    copy_docs,
    cpu_build,
    html_pages,
    kib,
    page_weight,
    temp_dir,
    timed_build,
    tree_size,
)

CONFIGS = {"ours": ROOT, "stock": ROOT / "bench" / "stock"}
TOUCHED = "tracks/01-why-keras.md"
RUNS = int(os.environ.get("KQ_BENCH_RUNS", "5"))
TARGET = 1.10


def serial_builds(work) -> dict[str, list[tuple[float, float]]]:
    """RUNS full serial builds of each configuration, in turns, on one copy of the pages."""
    src = copy_docs(work / "serial-src")
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in CONFIGS}
    for run in range(RUNS):
        for name, confdir in CONFIGS.items():
            out = work / f"serial-{name}-{run}"
            runs[name].append(cpu_build(src, out, confdir, "-j", "1"))
            shutil.rmtree(out)
    return runs


def measure(name: str, confdir, work) -> dict:
    src = copy_docs(work / name)
    figures: dict = {}
    serial_out = work / name / "serial"
    timed_build(src, serial_out, confdir, "-j", "1")
    parallel_out = work / name / "parallel"
    figures["build -j auto (wall)"] = timed_build(src, parallel_out, confdir, "-j", "auto")
    page = src / TOUCHED
    if not page.exists():
        page = src / "index.md"
    os.utime(page)
    figures["rebuild after touching one page (wall)"] = timed_build(
        src, serial_out, confdir, "-j", "1"
    )
    figures["output size"] = tree_size(parallel_out)
    weights = {
        p.relative_to(parallel_out).as_posix(): page_weight(parallel_out, p)
        for p in html_pages(parallel_out)
    }
    figures["weights"] = weights
    return figures


def main() -> None:
    work = temp_dir("kq-bench-site-")
    try:
        serial = serial_builds(work)
        results = {name: measure(name, conf, work) for name, conf in CONFIGS.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours, stock = results["ours"], results["stock"]
    pages = len(ours["weights"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"pages: {pages} (cpus: {os.cpu_count()}, load average now {load:.2f})")
    cpu = {name: min(c for c, _ in runs) for name, runs in serial.items()}
    wall = {name: min(w for _, w in runs) for name, runs in serial.items()}
    ratio = cpu["ours"] / cpu["stock"]
    print(
        f"full serial build, CPU s, min of {RUNS}: ours {cpu['ours']:.2f} s, "
        f"stock {cpu['stock']:.2f} s, ratio {ratio:.2f} "
        f"(target <= {TARGET:.2f}: {'met' if ratio <= TARGET else 'NOT met'})"
    )
    for name, runs in serial.items():
        print(f"  {name} CPU s of each run: " + ", ".join(f"{c:.2f}" for c, _ in runs))
    print(
        f"full serial build, wall s, min of {RUNS}: ours {wall['ours']:.2f} s, "
        f"stock {wall['stock']:.2f} s, ratio {wall['ours'] / wall['stock']:.2f}"
    )
    for key in ("build -j auto (wall)", "rebuild after touching one page (wall)"):
        print(
            f"{key}, one run: ours {ours[key]:.2f} s, stock {stock[key]:.2f} s, "
            f"ratio {ours[key] / stock[key]:.2f}"
        )
    print(
        f"output size: ours {kib(ours['output size'])}, stock {kib(stock['output size'])}, "
        f"ratio {ours['output size'] / stock['output size']:.2f}"
    )
    print("per-page transfer weight (HTML + CSS + JS):")
    for kind, index in (("raw", 0), ("gzipped", 1)):
        our_mean = statistics.mean(w[index] for w in ours["weights"].values())
        stock_mean = statistics.mean(w[index] for w in stock["weights"].values())
        print(
            f"  mean {kind}: ours {kib(int(our_mean))}, stock {kib(int(stock_mean))}, "
            f"ratio {our_mean / stock_mean:.2f}"
        )
    for page in ("index.html", TOUCHED.replace(".md", ".html")):
        if page in ours["weights"] and page in stock["weights"]:
            (o_raw, o_gz), (s_raw, s_gz) = ours["weights"][page], stock["weights"][page]
            print(
                f"  {page}: raw ours {kib(o_raw)} / stock {kib(s_raw)} ({o_raw / s_raw:.2f}), "
                f"gzipped ours {kib(o_gz)} / stock {kib(s_gz)} ({o_gz / s_gz:.2f})"
            )


if __name__ == "__main__":
    main()
