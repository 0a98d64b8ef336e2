"""Draw Track 5's learning-curve figure from a real training run.

    KERAS_BACKEND=jax python tools/plot_learning_curve.py
    (the PDF the LaTeX build needs is made from the SVG at build time: no second step)

Two copies of one over-sized classifier (3 classes) train on the same 120 samples for 150
epochs: a plain one and one with `Dropout` and L2 weight regularisation. Their `History` objects
give the curves; the script writes them as a hand-built SVG (no plotting library needed) with
its own light card, so it reads on light and dark page themes. The numbers come from the run, so
they differ slightly from backend to backend, but the shape (training loss falling, plain
validation loss turning back up, regularised validation loss staying low) is the point.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.pop(
    "KERAS_MAX_EPOCHS", None
)  # the course's test runner caps epochs; this run must not be capped

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers, regularizers  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "tracks" / "img" / "05-learning-curve.svg"
EPOCHS = 150


def make_data(seed: int = 0):
    rng = np.random.default_rng(seed)
    w = rng.normal(size=(20, 3)).astype("float32")

    def draw(n):
        x = rng.normal(size=(n, 20)).astype("float32")
        logits = x @ w + 1.5 * rng.normal(size=(n, 3))  # noisy labels: some are unlearnable
        return x, logits.argmax(axis=1)

    return draw(120), draw(1000)


def make_model(regularised: bool) -> keras.Model:
    reg = regularizers.L2(1e-2) if regularised else None
    stack = [keras.Input(shape=(20,))]
    for _ in range(2):
        stack.append(layers.Dense(256, activation="relu", kernel_regularizer=reg))
        if regularised:
            stack.append(layers.Dropout(0.5))
    stack.append(layers.Dense(3))
    model = keras.Sequential(stack)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        # The regularised model's loss includes the L2 penalty; this metric is the bare
        # cross-entropy, which is what the two models can be compared on.
        metrics=[keras.metrics.SparseCategoricalCrossentropy(from_logits=True, name="xent")],
    )
    return model


def train():
    (x, y), (x_val, y_val) = make_data()
    runs = {}
    for regularised in (False, True):
        keras.utils.set_random_seed(0)
        model = make_model(regularised)
        history = model.fit(
            x, y, validation_data=(x_val, y_val), epochs=EPOCHS, batch_size=32, verbose=0
        )
        runs[regularised] = history.history
    return runs


def svg(runs) -> str:
    plain, reg = runs[False], runs[True]
    series = [
        ("training, plain model", plain["xent"], "#2563eb", ""),
        ("validation, plain model", plain["val_xent"], "#dc2626", ""),
        ("validation, Dropout + L2 model", reg["val_xent"], "#059669", "8 5"),
    ]
    width, height = 640, 390
    left, right, top, bottom = 70, 620, 40, 330
    y_max = max(max(values) for _, values, _, _ in series)
    y_max = float(np.ceil(y_max * 2) / 2)  # round up to a multiple of 0.5

    def px(epoch, value):
        return (
            left + (right - left) * epoch / (EPOCHS - 1),
            bottom - (bottom - top) * value / y_max,
        )

    best = int(np.argmin(plain["val_xent"]))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="t5-curve-title t5-curve-desc" '
        "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
        'sans-serif">',
        '  <title id="t5-curve-title">Learning curves of a real training run</title>',
        '  <desc id="t5-curve-desc">Cross-entropy per epoch over '
        f"{EPOCHS} epochs for a classifier trained on 120 samples. The training cross-entropy "
        "of the plain model "
        f"falls towards zero. Its validation cross-entropy is lowest at epoch {best + 1} "
        f"({plain['val_xent'][best]:.2f}) and then climbs to {plain['val_xent'][-1]:.2f}: the "
        "model overfits. "
        "The same model with Dropout and L2 weight regularisation ends at "
        f"{reg['val_xent'][-1]:.2f}.</desc>",
        '  <rect x="1" y="1" width="638" height="388" rx="16" fill="#ffffff" stroke="#cbd5e1" '
        'stroke-width="2"/>',
        '  <g stroke="#e5e7eb" stroke-width="1">',
    ]
    ticks = np.arange(0, y_max + 1e-9, 0.5)
    for t in ticks:
        _, y = px(0, t)
        out.append(f'    <line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>')
    out.append("  </g>")
    out.append('  <g font-size="15" fill="#1f2937" text-anchor="end">')
    for t in ticks:
        _, y = px(0, t)
        out.append(f'    <text x="{left - 8}" y="{y + 4:.1f}">{t:.1f}</text>')
    out.append("  </g>")
    out.append('  <g font-size="15" fill="#1f2937" text-anchor="middle">')
    for e in range(0, EPOCHS + 1, 25):
        x, _ = px(max(e - 1, 0), 0)
        out.append(f'    <text x="{x:.1f}" y="{bottom + 20}">{e if e else 1}</text>')
    out.append(f'    <text x="{(left + right) / 2}" y="{bottom + 42}">epoch</text>')
    out.append("  </g>")
    out.append(
        f'  <text x="20" y="{(top + bottom) / 2}" font-size="15" fill="#1f2937" '
        'text-anchor="middle" '
        f'transform="rotate(-90 20 {(top + bottom) / 2})">cross-entropy</text>'
    )
    out.append(
        f'  <polyline points="{left},{top} {left},{bottom} {right},{bottom}" fill="none" '
        'stroke="#374151" stroke-width="2"/>'
    )
    for _, values, colour, dash in series:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (px(i, v) for i, v in enumerate(values)))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'  <polyline points="{points}" fill="none" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
        )
    bx, by = px(best, plain["val_xent"][best])
    out.append(
        f'  <circle cx="{bx:.1f}" cy="{by:.1f}" r="6" fill="none" stroke="#111827" '
        'stroke-width="2"/>'
    )
    out.append(
        f'  <text x="{bx + 10:.1f}" y="{by + 22:.1f}" font-size="15" fill="#111827">best epoch '
        f"({best + 1})</text>"
    )
    out.append('  <g font-size="15" fill="#111827">')
    for i, (label, _, colour, dash) in enumerate(series):
        y = 242 + 20 * i
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'    <line x1="322" y1="{y - 5}" x2="368" y2="{y - 5}" stroke="{colour}" '
            f'stroke-width="2.5"{dash_attr}/>'
        )
        out.append(f'    <text x="378" y="{y}">{label}</text>')
    out.append("  </g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> int:
    runs = train()
    OUT.write_text(svg(runs), encoding="utf-8")
    plain = runs[False]
    reg = runs[True]
    best = int(np.argmin(plain["val_xent"]))
    print(f"backend {keras.backend.backend()}; wrote {OUT}")
    print(
        f"plain: best val_xent {plain['val_xent'][best]:.3f} at epoch {best + 1}, last "
        f"{plain['val_xent'][-1]:.3f}"
    )
    print(f"regularised: best val_xent {min(reg['val_xent']):.3f}, last {reg['val_xent'][-1]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
