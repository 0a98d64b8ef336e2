"""The HTML hooks the progress script fills in (interactive HTML builders only).

Everything a learner reads without JavaScript is ordinary doctree content; these fragments add the
empty, ``hidden`` places the script writes into, so nothing half-built shows when it cannot run.
"""

from __future__ import annotations

from html import escape

CONTINUE_HTML = '<p class="kq-cm-continue" data-kq-continue hidden></p>'

# Parts whose doctree children only explain what the script would show: hidden once it runs.
FALLBACK_PARTS = {"summary", "data", "review", "final"}


def status_html(track: str) -> str:
    """A track card's learner part: a ring, the state and mastery, a "continue" link."""
    return (
        f'<div class="kq-cm-status" data-kq-track="{escape(track)}" hidden>'
        '<span class="kq-ring" aria-hidden="true"></span>'
        '<span class="kq-cm-state"></span></div>'
    )


def panel_open(part: str) -> str:
    html = f'<div class="kq-panel kq-panel--{part}" data-kq-panel="{part}">'
    if part in FALLBACK_PARTS:
        html += '<div class="kq-nojs">'
    return html


def _stat(label: str, field: str, extra: str = "") -> str:
    return f'<div class="kq-stat"><dt>{label}</dt><dd data-kq-f="{field}"></dd>{extra}</div>'


def _meter(name: str, label: str) -> str:
    # A native <progress> is announced with its value; the script sets value and max.
    return (
        f'<progress class="kq-meter" data-kq-m="{name}" aria-label="{label}" max="1" value="0">'
        "</progress>"
    )


GOAL_HTML = (
    '<div class="kq-goal">'
    '<p><span class="kq-goal__label">Today\'s goal</span> <span data-kq-f="today"></span></p>'
    + _meter("today", "Today's goal")
    + '<p class="kq-goal__set"><label for="kq-goal-{part}">Daily goal</label> '
    '<input id="kq-goal-{part}" type="number" min="1" max="50" step="1" inputmode="numeric" '
    "data-kq-goal> <span>questions a day</span></p></div>"
)


def _summary(review_uri: str) -> str:
    due = (
        f'<div class="kq-stat"><dt>Due for review</dt><dd><a href="{escape(review_uri)}" '
        'data-kq-f="due"></a></dd><dd class="kq-stat__more" data-kq-f="next"></dd></div>'
        if review_uri
        else _stat("Due for review", "due", '<dd class="kq-stat__more" data-kq-f="next"></dd>')
    )
    return (
        '<div class="kq-dash kq-js" hidden>'
        '<div class="kq-dash__level"><p class="kq-dash__big" data-kq-f="level"></p>'
        + _meter("level", "Progress to the next level")
        + '<p data-kq-f="xp"></p></div>'
        '<dl class="kq-stats">'
        + _stat("Current streak", "streak", '<dd class="kq-stat__more" data-kq-f="rest"></dd>')
        + _stat("Longest streak", "longest")
        + _stat(
            "Today",
            "today",
            '<dd class="kq-stat__more">'
            + _meter("today", "Today's goal")
            + '</dd><dd class="kq-stat__more" data-kq-f="goal"></dd>',
        )
        + due
        + _stat("Tracks mastered", "mastered")
        + "</dl></div>"
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
        confirm="Replace all your progress with the file's? A copy of yours is set aside first.",
    )
    + " "
    + _button("cancel", "Cancel", " kq-btn--quiet")
    + "</p></div><p>"
    + _button(
        "reset",
        "Reset progress…",
        " kq-btn--quiet",
        confirm="Reset all your progress? A copy is set aside first, so you can restore it.",
    )
    + '</p><p class="kq-status" role="status" data-kq-status></p>'
    '<div class="kq-copies" data-kq-copies hidden><p class="kq-copies__head">Set-aside copies</p>'
    "<p>Copies of your progress kept in this browser when it was reset, replaced, or found "
    "damaged (the three newest). Restoring one merges it into your progress.</p>"
    '<ul class="kq-copies__list" data-kq-copy-list></ul></div></div>'
)

REVIEW_HTML = (
    '<div class="kq-review kq-js" hidden>'
    + GOAL_HTML.replace("{part}", "review")
    + '<p class="kq-status" role="status">Due now: <span data-kq-f="due"></span>. '
    '<span data-kq-f="next"></span>.</p>'
    '<p class="kq-notice" data-kq-file hidden>This page was opened from files on your computer, '
    "where the browser does not let it read the course's other pages. Answer each question on "
    "its own page instead: a due question counts as reviewed wherever you answer it.</p>"
    '<div class="kq-review__list" data-kq-review-list></div>'
    '<div class="kq-mistakes" data-kq-mistakes hidden>'
    '<p class="kq-mistakes__head">Your mistakes by misconception</p>'
    "<p>Wrong answers that reveal a common misunderstanding, grouped by it, with the section "
    "that clears it up.</p><ul data-kq-mistake-list></ul></div>"
    "</div>"
)

FINAL_HTML = (
    '<div class="kq-final kq-js" hidden>'
    "<p>"
    + _button("final", "Start the final test")
    + ' <span data-kq-final-about></span></p><p class="kq-notice" data-kq-file hidden>This page '
    "was opened from files on your computer, where the browser does not let it read the "
    "course's other pages; take each track's own test instead.</p>"
    '<div class="kq-final__test" data-kq-final-list></div></div>'
)


def panel_close(part: str, review_uri: str = "") -> str:
    html = "</div>" if part in FALLBACK_PARTS else ""
    if part == "summary":
        html += _summary(review_uri)
    elif part == "data":
        html += DATA_HTML
    elif part == "review":
        html += REVIEW_HTML
    elif part == "final":
        html += FINAL_HTML
    return html + "</div>"
