// The Review page: the desired retention, a 14-day forecast, the due questions from every track
// (least likely recalled first, interleaved), each saying where it comes from and what it pays;
// then the learner's mistakes grouped by misconception.

import { setRetention } from "../actions.js";
import { trackOf } from "../course.js";
import { addDays, dayNumber } from "../dates.js";
import { paysNow, resume } from "../record.js";
import { due, forecast, mistakes, RETENTIONS } from "../review.js";
import { $, count, formatNumber, make } from "./dom.js";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const percent = (retention) => `${Math.round(retention * 100)}%`;

// The desired retention: a choice of RETENTIONS, saved at once, every due day moved to match it.
function retentionSetting(app) {
  const select = make(
    "select",
    { id: "kq-retention" },
    ...RETENTIONS.map((retention) =>
      make("option", { value: retention, textContent: percent(retention) }),
    ),
  );
  select.addEventListener("change", () =>
    app.apply((record) => setRetention(record, +select.value)),
  );
  return make(
    "div",
    { className: "kq-goal kq-retention" },
    make(
      "p",
      {},
      make("label", { htmlFor: "kq-retention", className: "kq-goal__label" }, "Desired retention"),
      " ",
      select,
    ),
    make(
      "p",
      { className: "kq-stat__more" },
      "A question comes back when the chance you still recall it falls to this. Higher means more reviews, and more you remember.",
    ),
  );
}

// The forecast as a table: a row per day and its count, with a bar for the eye only.
function forecastRows(app, day) {
  const counts = forecast(app.record, app.course, day);
  const most = Math.max(1, ...counts);
  return counts.map((n, i) => {
    const date = addDays(day, i);
    const name = i ? `${WEEKDAYS[(dayNumber(date) + 4) % 7]} ${date}` : "Today";
    const bar = make("span", { className: "kq-forecast__bar" });
    bar.style.width = `${(100 * n) / most}%`;
    bar.setAttribute("aria-hidden", "true");
    return make(
      "tr",
      { kqCount: n },
      make("th", { scope: "row", textContent: name }),
      make("td", {}, formatNumber(n), bar),
    );
  });
}

/** What changes on the Review page after each answer: the retention chosen and the forecast. */
export function renderReview(app, day) {
  const panel = $('[data-kq-panel="review"]');
  if (!panel?.kqForecast) return;
  if (document.activeElement !== panel.kqRetention) panel.kqRetention.value = app.record.retention;
  const rows = forecastRows(app, day);
  panel.kqForecast.replaceChildren(...rows);
  // Fourteen days of nothing is noise: the table shows once a review falls due in them.
  panel.kqForecast.parentElement.hidden = !rows.some((row) => row.kqCount);
}

import { copyInto, linkHome } from "./copied-questions.js";

function origin(app, id) {
  const track = trackOf(app.course, id);
  const pays = paysNow(app.record, app.course, id);
  const source = track
    ? app.link(track.page, track.title)
    : app.link(app.course.questions.get(id).page, "another page");
  const worth = pays
    ? `pays ${formatNumber(pays)} XP now`
    : "review only, no XP (already earned or revealed)";
  return make("p", { className: "kq-review__from" }, "From ", source, ` · ${worth}`);
}

// A missed question by where it is: "Track 3, question 4" (its place among its page's questions).
function questionName(app, id) {
  const { page, track } = app.course.questions.get(id);
  const onPage = [...app.course.questions.values()].filter((question) => question.page === page);
  const number = onPage.findIndex((question) => question.id === id) + 1;
  return `${track ? `Track ${track.number}` : "Page"}, question ${number}`;
}

function mistakeItem(app, group) {
  const links = group.questions.flatMap((id, i) => [
    i ? ", " : "",
    app.link(app.course.questions.get(id).page, questionName(app, id), `kq-${id}`),
  ]);
  return make(
    "li",
    {},
    app.link(group.page, group.title, group.anchor),
    ` — ${count(group.questions.length, "question")} missed: `,
    ...links,
  );
}

// Nothing due: what to do next, the track to continue (as the course map picks it) or the map.
function nothingDue(app) {
  const { course, record } = app;
  const next = resume(record, course);
  const started = Object.keys(record.questions).length > 0;
  const lead = started
    ? "Nothing is due for review now: come back on the day the forecast shows. "
    : "Nothing to review yet: a question comes here after you answer it on its track's page. ";
  if (next)
    return [
      lead,
      started ? "Meanwhile, continue " : "Start with ",
      app.link(next.page, next.title),
      ".",
    ];
  return [
    lead,
    "Every track is done: see them all on ",
    app.link(course.progressPage, "the course map", "tracks"),
    ".",
  ];
}

export function reviewPage(app) {
  const panel = $('[data-kq-panel="review"]');
  if (!panel) return;
  const list = $("[data-kq-review-list]", panel);
  const setting = retentionSetting(app);
  panel.kqRetention = $("select", setting);
  panel.kqForecast = make("tbody");
  const table = make(
    "table",
    { className: "kq-forecast" },
    make("caption", { textContent: "Reviews due, the next 14 days" }),
    make(
      "thead",
      {},
      make(
        "tr",
        {},
        ...["Day", "Reviews"].map((text) => make("th", { scope: "col", textContent: text })),
      ),
    ),
    panel.kqForecast,
  );
  const empty = $("[data-kq-review-empty]", panel);
  // Below the due questions (and the note when there are none): the setting and the forecast.
  empty.after(setting, table);
  const slots = [];
  for (const id of due(app.record, app.course, app.today())) {
    const slot = make("div", { className: "kq-quiz kq-review__item" });
    list.append(make("div", { className: "kq-review__entry" }, origin(app, id), slot));
    slots.push([id, slot]);
  }
  empty.hidden = slots.length > 0;
  if (!slots.length) empty.replaceChildren(...nothingDue(app));
  copyInto(app, slots, panel, (id, slot) => linkHome(app, id, slot));
  const groups = mistakes(app.record, app.course);
  $("[data-kq-mistakes]", panel).hidden = !groups.length;
  $("[data-kq-mistake-list]", panel).replaceChildren(
    ...groups.map((group) => mistakeItem(app, group)),
  );
}
