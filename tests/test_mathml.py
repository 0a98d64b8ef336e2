"""Math is MathML rendered at build time: no MathJax, nothing from another host."""

from __future__ import annotations

from support import build_in_process

CONF = (
    'extensions = ["myst_parser", "extensions.mathml"]\nmyst_enable_extensions = ["dollarmath"]\n'
)


def _site(tmp_path, body: str) -> tuple[str, str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(f"# Math\n\n{body}\n", encoding="utf-8")
    outdir, warnings = build_in_process(src, "html")
    return (outdir / "index.html").read_text(encoding="utf-8"), warnings


def test_inline_and_block_math_become_mathml_without_mathjax(tmp_path):
    html, warnings = _site(tmp_path, "Inline $x^2$ here.\n\n$$\n\\frac{a}{b}\n$$ (eq-one)\n")
    assert warnings == ""
    assert '<span class="math"><math' in html and "<msup>" in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html
    assert "<mfrac>" in html and '<span class="eqno">(1)</span>' in html
    assert "mathjax" not in html.lower().replace("mathjax_ignore", "")


def test_broken_latex_is_a_located_warning_and_shows_the_source(tmp_path):
    html, warnings = _site(tmp_path, "Broken $\\frac{a}$ math.")
    assert "index.md:3: WARNING: cannot render this math as MathML" in warnings
    assert "[mathml.syntax]" in warnings
    assert '<code class="math-error">\\frac{a}</code>' in html
