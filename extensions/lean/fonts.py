"""Font Awesome cut down to the icons the built site can show.

Run on the output folder of an HTML build (see ``__init__.py`` for why). The theme's stylesheet
defines one rule per icon name, ``.fa-bars,.fa-navicon{--fa:"\\f0c9"}``, and uses a few icon
characters directly (``--pst-icon-...`` for admonitions, external links...). An icon the site
shows is therefore either a class ``fa-<name>`` written in a page or a script, or an icon
character written in a stylesheet outside those rules. Everything else is dropped: the other
icon rules from the stylesheet, the other glyphs from the webfonts.

Subsetting costs about half a second, so results are cached by (font bytes, glyph set) in the
machine's cache folder; the static files Sphinx copies afresh each build are then replaced in
milliseconds.
"""

from __future__ import annotations

import hashlib
import re
from io import BytesIO
from itertools import chain
from pathlib import Path

from .output import pages, scripts

STYLESHEET = Path("_static/styles/pydata-sphinx-theme.css")
WEBFONTS = Path("_static/vendor/fontawesome/webfonts")

#: One icon rule: its selectors (icon names) and its character, as a CSS string.
ICON_RULE = re.compile(r'(?P<names>(?:\.fa-[a-z0-9-]+,)*\.fa-[a-z0-9-]+)\{--fa:"(?P<char>[^"]*)"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
#: The same names, found fast in bytes: the pattern starts with a literal (``\b`` first would
#: make the regex engine try every position of ~3 MB of HTML, a tenth of a second per build);
#: the character before each match is checked by hand instead.
_ICON_CLASS_BYTES = re.compile(rb"fa-[a-z0-9]+(?:-[a-z0-9]+)*")
_WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)")
PRIVATE_USE = range(0xE000, 0xF900)
PRIVATE_USE_CHAR = re.compile("[\ue000-\uf8ff]")


def css_string(value: str) -> str:
    """A CSS string's characters, escapes resolved (``\\f0c9`` and ``\\30 `` included)."""
    return CSS_ESCAPE.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2], value)


def icon_rules(css: str) -> list[re.Match]:
    return list(ICON_RULE.finditer(css))


def used_names(outdir: Path) -> set[str]:
    """Every ``fa-...`` class name written in a page or a script of the output."""
    names: set[str] = set()
    for data in chain(pages(outdir), scripts(outdir)):
        for match in _ICON_CLASS_BYTES.finditer(data):
            start = match.start()
            if start == 0 or data[start - 1] not in _WORD:
                names.add(match[0].decode("ascii"))
    return names


def css_icon_characters(outdir: Path) -> set[str]:
    """Icon characters the stylesheets use directly (outside the per-icon rules)."""
    found: set[str] = set()
    for path in (outdir / "_static").glob("**/*.css"):
        text = ICON_RULE.sub("", path.read_text(encoding="utf-8", errors="ignore"))
        found.update(PRIVATE_USE_CHAR.findall(text))
        for escape in CSS_ESCAPE.finditer(text):
            if escape[1] and int(escape[1], 16) in PRIVATE_USE:
                found.add(chr(int(escape[1], 16)))
    return found


def subset_font(data: bytes, characters: set[str]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.ignore_missing_unicodes = True
    font = TTFont(BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(ch) for ch in characters))
    subsetter.subset(font)
    out = BytesIO()
    font.flavor = "woff2"
    font.save(out)
    return out.getvalue()


def _cached_subset(font: Path, characters: set[str], cache: Path) -> bytes:
    data = font.read_bytes()
    key = hashlib.sha256(data + "".join(sorted(characters)).encode()).hexdigest()[:24]
    cached = cache / f"{font.stem}-{key}.woff2"
    if cached.is_file():
        return cached.read_bytes()
    smaller = subset_font(data, characters)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(smaller)
    return smaller


def slim_icons(outdir: Path, cache: Path) -> list[str]:
    """Cut the icon stylesheet and webfonts in ``outdir`` down; return problems, if any."""
    stylesheet = outdir / STYLESHEET
    fonts = sorted((outdir / WEBFONTS).glob("*.woff2"))
    if not stylesheet.is_file() or not fonts:
        return [f"no {STYLESHEET} or no webfonts in {WEBFONTS}"]
    css = stylesheet.read_text(encoding="utf-8")
    rules = icon_rules(css)
    if len(rules) < 100:
        return [f'{STYLESHEET} has {len(rules)} icon rules of the form .fa-x{{--fa:"..."}}']
    names = used_names(outdir)
    characters = css_icon_characters(outdir)
    kept = []
    for rule in rules:
        if names.intersection(rule["names"].replace(".", "").split(",")):
            kept.append(rule)
            characters.update(css_string(rule["char"]))
    keep = {rule.start() for rule in kept}
    pieces, last = [], 0
    for rule in rules:
        pieces.append(css[last : rule.start()])
        if rule.start() in keep:
            pieces.append(rule[0])
        last = rule.end()
    pieces.append(css[last:])
    stylesheet.write_text("".join(pieces), encoding="utf-8")
    for font in fonts:
        font.write_bytes(_cached_subset(font, characters, cache))
    return []
