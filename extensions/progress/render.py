"""The HTML hooks the progress script fills in (interactive HTML builders only).

Everything a learner reads without JavaScript is ordinary doctree content; these fragments add the
empty, ``hidden`` places the script writes into, so nothing half-built shows when it cannot run.
"""

from __future__ import annotations

from html import escape

CONTINUE_HTML = '<p class="kq-cm-continue" data-kq-continue hidden></p>'

# Parts whose doctree children only explain what the script would show: hidden once it runs.
FALLBACK_PARTS = {"summary", "data", "review"}


def status_html(track: str) -> str:
    return f'<p class="kq-cm-status" data-kq-track="{escape(track)}" hidden></p>'


def panel_open(part: str) -> str:
    html = f'<div class="kq-panel kq-panel--{part}" data-kq-panel="{part}">'
    if part in FALLBACK_PARTS:
        html += '<div class="kq-nojs">'
    return html


def _stat(label: str, field: str) -> str:
    return f'<div><dt>{label}</dt><dd data-kq-f="{field}"></dd></div>'


def _summary(review_uri: str) -> str:
    due = (
        f'<div><dt>Due for review</dt><dd><a href="{escape(review_uri)}" data-kq-f="due"></a></dd>'
        "</div>"
        if review_uri
        else _stat("Due for review", "due")
    )
    return (
        '<dl class="kq-stats kq-js" hidden>'
        + _stat("Level", "level")
        + _stat("XP", "xp")
        + _stat("Current streak", "streak")
        + _stat("Longest streak", "longest")
        + due
        + "</dl>"
    )


def _button(action: str, label: str, extra: str = "", confirm: str = "") -> str:
    ask = f' data-kq-confirm="{escape(confirm)}"' if confirm else ""
    return (
        f'<button type="button" class="kq-btn{extra}" data-kq-act="{action}"{ask}>{label}</button>'
    )


DATA_HTML = (
    '<div class="kq-data kq-js" hidden>'
    f"<p>{_button('export', 'Export progress')} "
    "A JSON file you can import on another browser or device.</p>"
    '<p><label for="kq-import-file">Import a progress file</label> '
    '<input id="kq-import-file" type="file" accept=".json,application/json"></p>'
    '<div class="kq-choice" data-kq-choice hidden>'
    "<p><span data-kq-summary></span> Merge it with your progress (nothing is counted twice), "
    "or replace yours with it?</p><p>"
    + _button("merge", "Merge with my progress")
    + " "
    + _button(
        "replace",
        "Replace my progress",
        confirm="Replace all your progress with the file's? Export yours first to keep a copy.",
    )
    + " "
    + _button("cancel", "Cancel", "")
    + "</p></div><p>"
    + _button(
        "reset",
        "Reset progress…",
        confirm="Reset all your progress? This cannot be undone: export it first to keep a copy.",
    )
    + '</p><p class="kq-status" role="status" data-kq-status></p></div>'
)

REVIEW_HTML = (
    '<div class="kq-review kq-js" hidden>'
    '<p class="kq-status" role="status">Due now: <span data-kq-f="due"></span>. '
    'Next review: <span data-kq-f="next"></span>.</p>'
    '<p class="kq-notice" data-kq-file hidden>This page was opened from files on your computer, '
    "where the browser does not let it read the course's other pages. Answer each question on "
    "its own page instead: a due question counts as reviewed wherever you answer it.</p>"
    '<div class="kq-review__list" data-kq-review-list></div>'
    "</div>"
)


def panel_close(part: str, review_uri: str = "") -> str:
    html = "</div>" if part in FALLBACK_PARTS else ""
    if part == "summary":
        html += _summary(review_uri)
    elif part == "data":
        html += DATA_HTML
    elif part == "review":
        html += REVIEW_HTML
    return html + "</div>"
