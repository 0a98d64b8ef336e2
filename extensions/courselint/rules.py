"""The course rules, run once every document has been read (after parallel reads merged).

The tracks are the one course model's (``extensions/course.py``), and the rules that name a
track live here alone; the per-page facts are the course domain's (``collect.py``). A finding
repeated on several lines of one page is reported once for the page, with the count and lines.
"""

from __future__ import annotations

from collections import defaultdict

from sphinx.util import logging

from extensions.course import Course, Track, course_of, track_key
from extensions.courselint.collect import DESCRIPTION_LIMIT
from extensions.courselint.warning_types import Subtype, warn
from extensions.examples.convention import BACKEND_NAMES, RUN_BACKENDS

logger = logging.getLogger(__name__)

#: Front-matter key that lets a reviewed track page keep raw HTML (its value says why).
RAW_HTML_REVIEWED = "raw_html_reviewed"
#: Values that give no reason. MyST hands every front-matter value over as a string, so a YAML
#: boolean or null arrives as 'True', 'False' or 'null' (and an empty key as 'null' or '').
NO_REASON = frozenset({"", "null", "none", "~", "true", "false", "yes", "no", "on", "off"})


def review_reason(value) -> str | None:
    """The reason a ``raw_html_reviewed`` value gives, or None when it gives none: not a string,
    empty, a YAML boolean or null, no letters at all (a number), or a list or mapping."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.lower() in NO_REASON or not any(ch.isalpha() for ch in text):
        return None
    if text[0] in "[{":
        return None
    return text


def _warn(
    docname: str, lines: int | list[int], rule: Subtype, message: str, many: str = ""
) -> None:
    """One warning for ``rule`` in ``docname``, at its first line.

    A finding repeated on several lines of one page is one warning: ``many`` with ``{count}``
    and ``{lines}`` filled in (without ``many``: ``message`` followed by the lines).
    """
    lines = sorted(set(lines)) if isinstance(lines, list) else [lines]
    if len(lines) > 1:
        listed = ", ".join(map(str, lines))
        message = (
            many.format(count=len(lines), lines=listed)
            if many
            else f"{message} (on {len(lines)} lines: {listed})"
        )
    warn(rule, message, (docname, lines[0]), logger=logger)


def _included(env) -> set[str]:
    included = {env.config.root_doc}
    for children in env.toctree_includes.values():
        included.update(children)
    return included


def check_course(app, env) -> None:
    facts = env.get_domain("course").docs
    included = _included(env)
    course = course_of(env)

    for docname in course.misnamed:
        _warn(
            docname,
            1,
            Subtype.TRACK_NAME,
            f"track page '{docname}' is not named NN-slug: rename it like "
            "'tracks/07-custom-layers.md' (two digits, lowercase words joined by '-')",
        )
    for docname in sorted(env.found_docs):
        if docname in included or env.metadata.get(docname, {}).get("orphan", False):
            continue
        if track_key(docname) is not None:
            _warn(
                docname,
                1,
                Subtype.TOCTREE,
                f"track '{docname}' is not in the course: add '{docname}' to the "
                "'Tracks' toctree in docs/index.md (in number order)",
            )
        elif docname not in course.misnamed:
            _warn(
                docname,
                1,
                Subtype.ORPHAN,
                f"page '{docname}' is in no toctree, so readers cannot reach it: add it "
                "to a toctree, or put 'orphan: true' in its front matter if that is meant",
            )
    _check_names(course)
    for track in course.tracks:
        _check_track(env, course, track, facts)


def _check_names(course: Course) -> None:
    """No two tracks share a number, and no two share a slug."""
    by_number: dict[int, list[Track]] = defaultdict(list)
    by_slug: dict[str, list[Track]] = defaultdict(list)
    for track in course.tracks:
        by_number[track.number].append(track)
        by_slug[track.slug].append(track)
    for number, tracks in sorted(by_number.items()):
        for track in tracks[1:]:
            _warn(
                track.docname,
                1,
                Subtype.TRACK_NUMBER,
                f"tracks '{tracks[0].key}' and '{track.key}' share the number {number:02d}: "
                "renumber one (the number is the two digits that start the file name)",
            )
    for slug, tracks in sorted(by_slug.items()):
        for track in tracks[1:]:
            _warn(
                track.docname,
                1,
                Subtype.TRACK_SLUG,
                f"tracks '{tracks[0].key}' and '{track.key}' share the slug '{slug}'; learners' "
                "progress is stored by slug, so their track bonuses would mix up: rename one "
                "(the slug is the words after the number)",
            )


def _check_track(env, course: Course, track: Track, facts: dict) -> None:
    main, key = track.docname, track.key
    for doc in track.docnames:
        doc_facts = facts.get(doc, {})
        metadata = env.metadata.get(doc, {})
        reason = review_reason(metadata.get(RAW_HTML_REVIEWED))
        if RAW_HTML_REVIEWED in metadata and reason is None:
            _warn(
                doc,
                doc_facts.get("reviewed_line") or 1,
                Subtype.RAW_HTML,
                f"'{RAW_HTML_REVIEWED}' is {_shown(metadata[RAW_HTML_REVIEWED])}, which is "
                "not a reason: the key says who reviewed the page's raw HTML and why it is "
                f"needed. Write '{RAW_HTML_REVIEWED}: \"<who reviewed it, and why it is "
                "needed>\"' (in quotes), or delete the key and the raw HTML",
            )
        if reason is None:
            _check_raw_html(doc, doc_facts.get("raw", []))
        if doc_facts.get("todo_lines"):
            _warn(
                doc,
                doc_facts["todo_lines"],
                Subtype.TODO,
                "this line still holds a TODO from the track template: replace it with "
                "the real text, or delete it",
                many="{count} lines still hold a TODO from the track template (lines {lines}): "
                "replace each with the real text, or delete it",
            )
    _check_description(main, facts.get(main, {}))
    _check_floors(env, track, facts)
    if not any(facts.get(doc, {}).get("has_summary") for doc in track.docnames):
        _warn(
            main,
            1,
            Subtype.SUMMARY,
            f"track '{key}' has no summary: add a section '## Summary' before the quiz "
            "with the three or four points to remember",
        )
    if facts.get(main, {}).get("objectives_at") is None:
        _warn(
            main,
            1,
            Subtype.OBJECTIVES,
            f"track '{key}' has no learning objectives: start the page with a section "
            "'## Learning objectives' listing what the learner will be able to do",
        )
    written = sum(facts.get(doc, {}).get("exercises", 0) for doc in track.docnames)
    if written == 0 and not track.exercises:
        _warn(
            main,
            1,
            Subtype.EXERCISE,
            f"track '{key}' has no exercise: add a ':::{{code-exercise}}' (see Authoring → "
            "Code exercises), or an ':::{exercise}' with its ':::{solution}'",
        )
    if not course.has_quizzes:
        _warn(
            main,
            1,
            Subtype.QUIZ,
            "the quiz extension is not loaded, so track quizzes cannot be checked: "
            "add 'extensions.quiz' to extensions in conf.py",
        )
    elif not track.questions:
        _warn(
            main,
            1,
            Subtype.QUIZ,
            f"track '{key}' has no quiz: end it with a '::::{{quiz}}' holding at least "
            "one '{question}' (see the quiz authoring reference)",
        )


def _check_raw_html(doc: str, raw: list[list]) -> None:
    """Unreviewed raw HTML in a track page; HTML comments apart, since their fix differs."""
    tags = [line for line, is_comment in raw if not is_comment]
    comments = [line for line, is_comment in raw if is_comment]
    if tags:
        _warn(
            doc,
            tags,
            Subtype.RAW_HTML,
            "raw HTML (an HTML tag, an HTML block or a {raw} directive) in a track "
            "page: it reaches every reader's browser unchecked. Write it in Markdown, "
            "or, once a reviewer has read it, say why in the front matter: "
            f"'{RAW_HTML_REVIEWED}: <who reviewed it, and why it is needed>'",
            many="{count} pieces of raw HTML (HTML tags, HTML blocks or {{raw}} directives, "
            "lines {lines}) in a track page: they reach every reader's browser unchecked. "
            "Write them in Markdown, or, once a reviewer has read them, say why in the front "
            f"matter: '{RAW_HTML_REVIEWED}: <who reviewed it, and why it is needed>'",
        )
    if comments:
        _warn(
            doc,
            comments,
            Subtype.RAW_HTML,
            "an HTML comment ('<!-- ... -->') counts as raw HTML: it reaches every reader's "
            "browser. For a note to authors, write a MyST comment instead, a line starting "
            "with '%'",
            many="{count} HTML comments ('<!-- ... -->', lines {lines}) count as raw HTML: "
            "they reach every reader's browser. For notes to authors, write MyST comments "
            "instead, lines starting with '%'",
        )


def _shown(value) -> str:
    text = str(value).strip()
    return f"'{text}'" if text else "empty"


def _check_description(docname: str, facts: dict) -> None:
    length = facts.get("description_length")
    if length is None:
        _warn(
            docname,
            1,
            Subtype.DESCRIPTION,
            "track has no description: start the page with front matter holding "
            "'description: <one sentence on what the track teaches>' (under "
            f"{DESCRIPTION_LIMIT} characters; it is the page's summary in search results)",
        )
    elif length > DESCRIPTION_LIMIT:
        _warn(
            docname,
            facts.get("description_line") or 1,
            Subtype.DESCRIPTION,
            f"the description has {length} characters; search results cut it off after "
            f"{DESCRIPTION_LIMIT}: shorten it to one sentence under {DESCRIPTION_LIMIT} characters",
        )


def _check_floors(env, track: Track, facts: dict) -> None:
    """The claim checks (per backend), misconception tags and code exercises the course asks of
    every track."""
    main, key = track.docname, track.key
    claims: dict[str, int] = defaultdict(int)
    tags = 0
    for doc in track.docnames:
        for backend, count in facts.get(doc, {}).get("claims", {}).items():
            claims[backend] += count
        tags += facts.get(doc, {}).get("misconception_tags", 0)
    want = env.config.courselint_min_claims
    short = {b: claims[""] + claims[b] for b in RUN_BACKENDS if claims[""] + claims[b] < want}
    if short:
        counts = ", ".join(f"{n} on {BACKEND_NAMES.get(b, b)}" for b, n in short.items())
        _warn(
            main,
            1,
            Subtype.CLAIMS,
            f"track '{key}' runs {counts}, and the course asks for at least {want} claim checks "
            "on each backend: put '% example: claim <the sentence>' above a python block that "
            "asserts it, or write a hidden ```{claim} <the sentence> block (see Runnable "
            "examples, Claim checks)",
        )
    want = env.config.courselint_min_misconceptions
    if tags < want:
        _warn(
            main,
            1,
            Subtype.MISCONCEPTIONS,
            f"track '{key}' tags {tags} quiz options with a misconception, and the course asks "
            f"for at least {want}: after a wrong option's feedback, add "
            "{misconception}`label-of-the-mistake` (see Quizzes, Misconception tags)",
        )
    want = env.config.courselint_min_code_exercises
    if len(track.exercises) < want:
        _warn(
            main,
            1,
            Subtype.CODE_EXERCISES,
            f"track '{key}' has {len(track.exercises)} code exercise(s), and the course asks for "
            f"at least {want}: write each as a folder of kq/exercises/ and place it with "
            "':::{code-exercise} <id>' (see Authoring, Code exercises)",
        )
