"""Site benchmark: our configuration against the stock theme with our extensions off.

Prints full build seconds (serial and -j auto), incremental rebuild seconds after touching one
page, output size, and per-page transfer weight (HTML + the CSS/JS it loads, raw and gzipped),
each with the ratio ours/stock.
"""

from __future__ import annotations

import os
import shutil
import statistics

from common import ROOT, copy_docs, html_pages, kib, page_weight, temp_dir, timed_build, tree_size

CONFIGS = {"ours": ROOT, "stock": ROOT / "bench" / "stock"}
TOUCHED = "tracks/01-why-keras.md"


def measure(name: str, confdir, work) -> dict:
    src = copy_docs(work / name)
    figures = {}
    serial_out = work / name / "serial"
    figures["build serial"] = timed_build(src, serial_out, confdir, "-j", "1")
    parallel_out = work / name / "parallel"
    figures["build -j auto"] = timed_build(src, parallel_out, confdir, "-j", "auto")
    page = src / TOUCHED
    if not page.exists():
        page = src / "index.md"
    os.utime(page)
    figures["rebuild after touching one page"] = timed_build(src, serial_out, confdir, "-j", "1")
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
        results = {name: measure(name, conf, work) for name, conf in CONFIGS.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours, stock = results["ours"], results["stock"]
    pages = len(ours["weights"])
    print(f"pages: {pages} (cpus: {os.cpu_count()})")
    for key in ("build serial", "build -j auto", "rebuild after touching one page"):
        print(
            f"{key}: ours {ours[key]:.2f} s, stock {stock[key]:.2f} s, "
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
