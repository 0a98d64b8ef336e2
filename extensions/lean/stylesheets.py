"""One stylesheet per page instead of a dozen, without the rules no page of the site can use.

A track page links twelve stylesheets (the theme's, Sphinx's, each extension's). On a phone every
one of them is a request the first paint waits for, and the theme's own is ~310 KB of Bootstrap
and theme rules of which a page uses about a tenth; the browser matches all of them against every
element, and that is most of the time a phone spends before it shows anything.

So, for the web pages (see ``__init__.py`` for where this is wired in):

* while a page is written, its stylesheet links become one link to ``_static/kq-site-<key>.css``,
  where the key names the list of files it replaces; the list is kept in the build's doctree
  folder (``record``), because pages may be written by parallel worker processes;
* when the build has finished, each recorded list is joined into that file (``write_bundles``):
  ``@import``s are replaced by what they import, ``url()``s are rewritten to stay right from the
  new place, and a rule is dropped when each of its selectors needs a class that no page and no
  script of the output can produce.

"No page and no script can produce" is decided conservatively: a class counts as used when it
appears in a ``class`` attribute of any page, as a word anywhere in a script (the site's
``_static`` scripts and inline ones), or when it starts with a prefix that a script completes at
run time (``"kq-cm--" + state``, ``bs-${name}-auto``). Only classes outside parentheses count
against a selector: ``:not(.x)`` matches more, not less, when ``.x`` is unused.
``tests/test_lean.py`` compares every element's computed style, with the joined file and with
the original links, in light and dark mode and after the interactions that add classes.

Joining costs about a third of a second; like the cut fonts, results are cached per machine by
the bytes of the parts and the classes in use.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from .output import pages, scripts

__all__ = ["Bundle", "bundle_links", "record", "write_bundles", "used_classes"]

#: Cached bundles are made stale by any change to this file (the joining and purging rules).
FORMAT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
PREFIX = "kq-site-"
LINK = re.compile(r"<link\b(?P<attrs>[^>]*?)\s*/?>")
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
#: Attributes a stylesheet link may have and still be joined; any other (``media``, ``title``,
#: ``integrity``...) changes what the link means, and the page keeps its links as they are.
PLAIN = frozenset({"rel", "type", "href"})

CLASS_ATTR = re.compile(rb"""\bclass=(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
INLINE_SCRIPT = re.compile(rb"<script\b[^>]*>(.*?)</script>", re.S)
WORD = re.compile(rb"[A-Za-z_][\w-]*")
#: A class name's beginning that a script completes: ``"kq-cm--" + state``, ``bs-${name}``.
DYNAMIC_PREFIX = re.compile(rb"([A-Za-z][\w-]*[-_])(?:\$\{|[\"']\s*\+)")
NESTED_AT_RULES = frozenset({"media", "supports", "layer", "container", "document"})


class Bundle:
    """The stylesheets one page links, in order, as paths inside ``_static``."""

    def __init__(self, parts: list[str], hrefs: list[str]):
        self.parts = parts
        self.key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:10]
        # Sphinx and the theme put each file's checksum into its link (?v=, ?digest=): together
        # they change whenever a part does, which is what a cache needs to notice.
        self.version = hashlib.sha256((FORMAT + "\n".join(hrefs)).encode()).hexdigest()[:8]

    @property
    def name(self) -> str:
        return f"{PREFIX}{self.key}.css"


def bundle_links(block: str, static: str) -> tuple[str, Bundle | None]:
    """``block`` with its stylesheet links replaced by one; ``static`` is the page's way to
    ``_static/``. The block comes back unchanged (and no bundle) when a link is not a plain link
    to a file of the site."""
    links = []
    for tag in LINK.finditer(block):
        attrs = dict(ATTR.findall(tag["attrs"]))
        if attrs.get("rel") != "stylesheet":
            continue
        href = attrs.get("href", "")
        path = urlsplit(href).path
        if set(attrs) - PLAIN or not path.startswith(static) or "://" in href:
            return block, None
        links.append((tag, path[len(static) :], href))
    if not links:
        return block, None
    bundle = Bundle([part for _, part, _ in links], [href for _, _, href in links])
    pieces, last = [], 0
    for number, (tag, _, _) in enumerate(links):
        pieces.append(block[last : tag.start()])
        if number == 0:
            pieces.append(
                f'<link rel="stylesheet" href="{static}{bundle.name}?v={bundle.version}" />'
            )
        last = tag.end()
    pieces.append(block[last:])
    return "".join(pieces), bundle


def record(folder: Path, bundle: Bundle) -> None:
    """Note which files ``bundle`` joins (safe when parallel writers note the same one)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{bundle.key}.json"
    if target.is_file():
        return
    temporary = folder / f"{bundle.key}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(bundle.parts), encoding="utf-8")
    os.replace(temporary, target)


# ---- what the site uses ----------------------------------------------------------------------


def used_classes(outdir: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(class names, class-name prefixes) the pages and scripts of ``outdir`` can produce."""
    names: set[bytes] = set()
    prefixes: set[bytes] = set()
    code: list[bytes] = list(scripts(outdir))
    for data in pages(outdir):
        for match in CLASS_ATTR.finditer(data):
            names.update((match[1] or match[2] or match[3] or b"").split())
        code.extend(inline[1] for inline in INLINE_SCRIPT.finditer(data))
    for data in code:
        names.update(WORD.findall(data))
        prefixes.update(DYNAMIC_PREFIX.findall(data))
    decode = lambda found: frozenset(item.decode("utf-8", "replace") for item in found)  # noqa: E731
    return decode(names), decode(prefixes)


# ---- joining ----------------------------------------------------------------------------------


class Joiner:
    """Reads parts from ``static`` and joins them, remembering what it could not do."""

    def __init__(self, static: Path):
        self.static = static
        self.problems: list[str] = []
        self.hoisted: list = []

    def rules(self, part: str, seen: tuple[str, ...] = ()) -> list:
        import tinycss2

        path = self.static / part
        if part in seen:
            self.problems.append(f"_static/{part} imports itself")
            return []
        if not path.is_file():
            self.problems.append(f"a page links _static/{part}, which the build did not write")
            return []
        text = path.read_text(encoding="utf-8")
        joined = []
        for rule in tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True):
            if rule.type == "at-rule" and rule.lower_at_keyword == "charset":
                continue
            if rule.type == "at-rule" and rule.lower_at_keyword == "import":
                target = _import_target(rule)
                if target is not None and _relative(target):
                    joined.extend(self.rules(_moved(target, part), (*seen, part)))
                else:
                    self.problems.append(
                        f"_static/{part}: an @import with a media query or to another site "
                        "cannot be joined; it is kept at the top of the joined stylesheet"
                    )
                    _rewrite_urls(rule, part)
                    self.hoisted.append(rule)
                continue
            _rewrite_urls(rule, part)
            joined.append(rule)
        return joined


def _relative(url: str) -> bool:
    return not (url.startswith(("/", "#", "data:")) or urlsplit(url).scheme)


def _moved(url: str, part: str) -> str:
    """``url`` as written in ``_static/<part>``, as seen from ``_static/``."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), url))


def _import_target(rule) -> str | None:
    """The file a plain ``@import "x";`` or ``@import url(x);`` names; None if it says more."""
    tokens = [t for t in rule.prelude if t.type not in ("whitespace", "comment")]
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type in ("string", "url"):
        return token.value
    if token.type == "function" and token.lower_name == "url":
        args = [t for t in token.arguments if t.type == "string"]
        return args[0].value if len(args) == 1 else None
    return None


def _rewrite_urls(node, part: str) -> None:
    """Every relative ``url()`` under ``node``, rewritten as seen from ``_static/``."""
    if not posixpath.dirname(part):
        return
    for attribute in ("prelude", "content", "arguments"):
        tokens = getattr(node, attribute, None)
        if not tokens:
            continue
        for number, token in enumerate(tokens):
            if token.type == "url" and _relative(token.value):
                tokens[number] = _url_token(token, _moved(token.value, part))
            elif token.type == "function" and token.lower_name == "url":
                for index, argument in enumerate(token.arguments):
                    if argument.type == "string" and _relative(argument.value):
                        token.arguments[index] = _string_token(
                            argument, _moved(argument.value, part)
                        )
            else:
                _rewrite_urls(token, part)


def _url_token(old, value: str):
    from tinycss2.ast import URLToken
    from tinycss2.serializer import serialize_url

    return URLToken(old.source_line, old.source_column, value, f"url({serialize_url(value)})")


def _string_token(old, value: str):
    from tinycss2.ast import StringToken
    from tinycss2.serializer import serialize_string_value

    return StringToken(
        old.source_line, old.source_column, value, f'"{serialize_string_value(value)}"'
    )


# ---- purging ----------------------------------------------------------------------------------


class Purger:
    def __init__(self, names: frozenset[str], prefixes: frozenset[str]):
        self.names = names
        self.prefixes = tuple(prefixes)
        self.dropped = 0

    def used(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)

    def selector_can_match(self, tokens: list) -> bool:
        """False when the selector needs a class (outside any parentheses) nothing produces."""
        for before, after in zip(tokens, tokens[1:], strict=False):
            if (
                before.type == "literal"
                and before.value == "."
                and after.type == "ident"
                and not self.used(after.value)
            ):
                return False
        return True

    def rules(self, rules: list) -> list:
        import tinycss2
        from tinycss2.ast import LiteralToken

        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = _split_commas(rule.prelude)
                alive = [s for s in selectors if self.selector_can_match(s)]
                if not alive:
                    self.dropped += 1
                    continue
                if len(alive) < len(selectors):
                    prelude = []
                    for number, selector in enumerate(alive):
                        if number:
                            prelude.append(LiteralToken(0, 0, ","))
                        prelude.extend(selector)
                    rule.prelude = prelude
            elif (
                rule.type == "at-rule"
                and rule.lower_at_keyword in NESTED_AT_RULES
                and rule.content is not None
            ):
                inner = self.rules(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                )
                if not inner:
                    continue
                rule.content = _spaced(inner)
            kept.append(rule)
        return kept


def _split_commas(prelude: list) -> list[list]:
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        elif token.type != "comment":
            selectors[-1].append(token)
    return selectors


def _spaced(rules: list) -> list:
    """Rules to serialize one after another (tinycss2 writes them as they are, with no gap)."""
    from tinycss2.ast import WhitespaceToken

    spaced = []
    for rule in rules:
        spaced.extend((rule, WhitespaceToken(0, 0, "\n")))
    return spaced


def join(static: Path, parts: list[str], names, prefixes) -> tuple[str, list[str]]:
    """The joined, purged stylesheet of ``parts``, and the problems met."""
    import tinycss2

    joiner = Joiner(static)
    rules = [rule for part in parts for rule in joiner.rules(part)]
    rules = Purger(names, prefixes).rules(rules)
    text = tinycss2.serialize(_spaced([*joiner.hoisted, *rules]))
    return NON_ASCII.sub(_escape, text), joiner.problems


#: tinycss2 writes strings with their escapes resolved (``"\f062"`` becomes the icon character
#: itself); escaped again, the file is plain ASCII, whatever charset a server announces, and
#: custom properties keep the very text the theme wrote (a browser keeps theirs as written).
NON_ASCII = re.compile(r"[^\x00-\x7f](?P<next>[0-9a-fA-F \t]?)")


def _escape(match: re.Match) -> str:
    code = f"\\{ord(match[0][0]):x}"
    # A hex digit or a space after the escape would be read as part of it: a space ends it.
    return code + (" " if match["next"] else "") + match["next"]


def write_bundles(outdir: Path, folder: Path, cache: Path) -> list[str]:
    """Write every bundle recorded in ``folder`` into ``outdir/_static``; return problems."""
    recorded = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not recorded:
        return []
    static = outdir / "_static"
    names, prefixes = used_classes(outdir)
    problems: list[str] = []
    uses = hashlib.sha256("\n".join([FORMAT, *sorted(names), "", *sorted(prefixes)]).encode())
    for manifest in recorded:
        parts = json.loads(manifest.read_text(encoding="utf-8"))
        digest = uses.copy()
        for part in parts:
            path = static / part
            digest.update(part.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
        cached = cache / f"{manifest.stem}-{digest.hexdigest()[:24]}.css"
        if cached.is_file():
            text = cached.read_text(encoding="utf-8")
        else:
            text, found = join(static, parts, names, prefixes)
            problems.extend(found)
            if not found:
                cache.mkdir(parents=True, exist_ok=True)
                cached.write_text(text, encoding="utf-8")
        (static / f"{PREFIX}{manifest.stem}.css").write_text(text, encoding="utf-8")
    return problems
