"""The course rules, run once every document has been read (after parallel reads merged)."""

from __future__ import annotations

from collections import defaultdict

from sphinx.util import logging

from extensions.courselint.collect import DESCRIPTION_LIMIT, TRACK_DOC, track_key
from extensions.courselint.warning_types import Subtype, warn

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


def _warn(env, docname: str, line: int, rule: Subtype, message: str) -> None:
    warn(rule, message, (docname, line), logger=logger)


def _included(env) -> set[str]:
    included = {env.config.root_doc}
    for children in env.toctree_includes.values():
        included.update(children)
    return included


def _question_counts(env) -> dict[str, int] | None:
    try:
        from extensions.quiz import questions_by_doc
    except ImportError:
        return None
    if "quiz" not in env.domains:
        return None
    return {doc: len(questions) for doc, questions in questions_by_doc(env).items()}


def check_course(app, env) -> None:
    facts = env.get_domain("course").docs
    included = _included(env)
    questions = _question_counts(env)
    tracks: dict[str, list[str]] = defaultdict(list)

    for docname in sorted(env.found_docs):
        if docname.startswith("tracks/"):
            key = track_key(docname)
            if key is None:
                _warn(
                    env,
                    docname,
                    1,
                    Subtype.TRACK_NAME,
                    f"track page '{docname}' is not named NN-slug: rename it like "
                    "'tracks/07-custom-layers.md' (two digits, lowercase words joined by '-')",
                )
                continue
            tracks[key].append(docname)
        if docname not in included and not env.metadata.get(docname, {}).get("orphan", False):
            if docname.startswith("tracks/"):
                _warn(
                    env,
                    docname,
                    1,
                    Subtype.TOCTREE,
                    f"track '{docname}' is not in the course: add '{docname}' to the "
                    "'Tracks' toctree in docs/index.md (in number order)",
                )
            else:
                _warn(
                    env,
                    docname,
                    1,
                    Subtype.ORPHAN,
                    f"page '{docname}' is in no toctree, so readers cannot reach it: add it "
                    "to a toctree, or put 'orphan: true' in its front matter if that is meant",
                )

    by_number: dict[str, list[str]] = defaultdict(list)
    for key in tracks:
        by_number[TRACK_DOC.match(key)["number"]].append(key)
    for number, keys in sorted(by_number.items()):
        for key in keys[1:]:
            _warn(
                env,
                _main_doc(key, tracks[key]),
                1,
                Subtype.TRACK_NUMBER,
                f"tracks '{keys[0]}' and '{key}' share the number {number}: renumber one "
                "(the number is the two digits that start the file name)",
            )

    for key, docnames in sorted(tracks.items()):
        main = _main_doc(key, docnames)
        for doc in docnames:
            metadata = env.metadata.get(doc, {})
            reason = review_reason(metadata.get(RAW_HTML_REVIEWED))
            if RAW_HTML_REVIEWED in metadata and reason is None:
                _warn(
                    env,
                    doc,
                    facts.get(doc, {}).get("reviewed_line") or 1,
                    Subtype.RAW_HTML,
                    f"'{RAW_HTML_REVIEWED}' is {_shown(metadata[RAW_HTML_REVIEWED])}, which is "
                    "not a reason: the key says who reviewed the page's raw HTML and why it is "
                    f"needed. Write '{RAW_HTML_REVIEWED}: \"<who reviewed it, and why it is "
                    "needed>\"' (in quotes), or delete the key and the raw HTML",
                )
            if reason is None:
                for line in dict.fromkeys(facts.get(doc, {}).get("raw_lines", [])):
                    _warn(
                        env,
                        doc,
                        line,
                        Subtype.RAW_HTML,
                        "raw HTML (an HTML tag, an HTML block or a {raw} directive) in a track "
                        "page: it reaches every reader's browser unchecked. Write it in Markdown, "
                        f"or, once a reviewer has read it, say why in the front matter: "
                        f"'{RAW_HTML_REVIEWED}: <who reviewed it, and why it is needed>'",
                    )
            for line in facts.get(doc, {}).get("todo_lines", []):
                _warn(
                    env,
                    doc,
                    line,
                    Subtype.TODO,
                    "this line still holds a TODO from the track template: replace it with "
                    "the real text, or delete it",
                )
        _check_description(env, main, facts.get(main, {}))
        if not any(facts.get(doc, {}).get("has_summary") for doc in docnames):
            _warn(
                env,
                main,
                1,
                Subtype.SUMMARY,
                f"track '{key}' has no summary: add a section '## Summary' before the quiz "
                "with the three or four points to remember",
            )
        if facts.get(main, {}).get("objectives_at") is None:
            _warn(
                env,
                main,
                1,
                Subtype.OBJECTIVES,
                f"track '{key}' has no learning objectives: start the page with a section "
                "'## Learning objectives' listing what the learner will be able to do",
            )
        if sum(facts.get(doc, {}).get("exercises", 0) for doc in docnames) == 0:
            _warn(
                env,
                main,
                1,
                Subtype.EXERCISE,
                f"track '{key}' has no exercise: add at least one ':::{{exercise}}' "
                "with a ':::{solution}' (see the Contribute page)",
            )
        if questions is None:
            _warn(
                env,
                main,
                1,
                Subtype.QUIZ,
                "the quiz extension is not loaded, so track quizzes cannot be checked: "
                "add 'extensions.quiz' to extensions in conf.py",
            )
        elif sum(questions.get(doc, 0) for doc in docnames) == 0:
            _warn(
                env,
                main,
                1,
                Subtype.QUIZ,
                f"track '{key}' has no quiz: end it with a '::::{{quiz}}' holding at least "
                "one '{question}' (see the quiz authoring reference)",
            )


def _shown(value) -> str:
    text = str(value).strip()
    return f"'{text}'" if text else "empty"


def _check_description(env, docname: str, facts: dict) -> None:
    length = facts.get("description_length")
    if length is None:
        _warn(
            env,
            docname,
            1,
            Subtype.DESCRIPTION,
            "track has no description: start the page with front matter holding "
            "'description: <one sentence on what the track teaches>' (under "
            f"{DESCRIPTION_LIMIT} characters; it is the page's summary in search results)",
        )
    elif length > DESCRIPTION_LIMIT:
        _warn(
            env,
            docname,
            facts.get("description_line") or 1,
            Subtype.DESCRIPTION,
            f"the description has {length} characters; search results cut it off after "
            f"{DESCRIPTION_LIMIT}: shorten it to one sentence under {DESCRIPTION_LIMIT} characters",
        )


def _main_doc(key: str, docnames: list[str]) -> str:
    """A single-page track is its own main page; a folder track's is its index."""
    for candidate in (key, f"{key}/index"):
        if candidate in docnames:
            return candidate
    return sorted(docnames)[0]
