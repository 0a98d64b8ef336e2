// The figures of My progress and the Review page: every element marked `data-kq-f="<field>"`
// gets its field's text, every `data-kq-m="<meter>"` its meter value. A new figure is one entry in
// `fields` (and its element in the page template).

import { playableTracks } from "../course.js";
import { dayNumber } from "../dates.js";
import { firstDay, lastDays, streaks } from "../goal.js";
import { due, mastery, trackRecall, upcoming } from "../review.js";
import { toNextLevel } from "./badge.js";
import { $$, count, formatNumber, make } from "./dom.js";

// field -> its text, from the figures of `figures()`.
const FIELDS = {
  level: ({ level }) => `Lv ${level.number} — ${level.name}`,
  xp: ({ xp, toNext }) => `${formatNumber(xp)} XP${toNext && ` · ${toNext}`}`,
  streak: ({ streak }) => count(streak.current, "day"),
  rest: ({ streak }) =>
    streak.restLeft ? "Rest day this week: still free" : "Rest day this week: used",
  longest: ({ streak }) => count(streak.longest, "day"),
  today: ({ done, goal }) =>
    `${formatNumber(done)} of ${formatNumber(goal)}${done >= goal ? " ✓ goal met" : ""}`,
  goal: ({ goal }) => `Goal: ${count(goal, "question")} a day`,
  due: ({ dueNow }) => count(dueNow, "question"),
  next: ({ next }) =>
    next ? `Next: ${count(next.count, "question")} on ${next.day}` : "Next: none scheduled",
  mastered: ({ mastered, tracks }) => `${mastered} of ${tracks}`,
  recall: ({ recall }) => (recall === null ? "Nothing in review yet" : `${recall}%`),
};

// meter -> [value, max].
const METERS = {
  level: ({ level }) => [level.fraction, 1],
  today: ({ done, goal }) => [done, goal],
};

function figures(app, xp, level, day) {
  const { course, record } = app;
  const tracks = playableTracks(course);
  return {
    xp,
    level,
    toNext: toNextLevel(xp, level),
    streak: streaks(record.goalDays, day),
    done: record.counts[day] || 0,
    goal: record.goal,
    dueNow: due(record, course, day).length,
    next: upcoming(record, course, day),
    mastered: tracks.filter((track) => mastery(record, track, day).level === 4).length,
    // The whole course as one track: the mean predicted recall of every question in review.
    recall: trackRecall(record, { questions: [...course.questions.values()] }, day),
    tracks: tracks.length,
  };
}

// "Recall today" among the figures of My progress, after "Tracks mastered" (made once).
function addRecallFigure() {
  for (const stats of $$(".kq-dash .kq-stats")) {
    if (stats.querySelector('[data-kq-f="recall"]')) continue;
    const value = make("dd");
    value.dataset.kqF = "recall";
    const about = "Your average chance of recalling what you answered";
    stats.append(
      make(
        "div",
        { className: "kq-stat" },
        make("dt", { textContent: "Recall today" }),
        value,
        make("dd", { className: "kq-stat__more", textContent: about }),
      ),
    );
  }
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
// A day's state in words (read out, and shown as the key) and its mark (for the eye only).
const DAY_STATES = {
  met: ["goal met", "✓"],
  rest: ["rest day, streak kept", "☾"],
  missed: ["missed", "✗"],
  today: ["today, goal not met yet", "…"],
  before: ["before you started", "–"],
};

// The last seven days: met, rest or missed, by the streak rules (goal.js), and today.
function renderWeek(app, day) {
  for (const list of $$("[data-kq-week]")) {
    list.replaceChildren(
      ...lastDays(app.record.goalDays, day, 7, firstDay(app.record) || day).map(
        ({ day: date, state }) => {
          const [words, mark] = DAY_STATES[state];
          const name = WEEKDAYS[(dayNumber(date) + 4) % 7];
          const icon = make("span", { className: "kq-day__mark", textContent: mark });
          icon.setAttribute("aria-hidden", "true");
          return make(
            "li",
            { className: `kq-day kq-day--${state}${date === day ? " kq-day--now" : ""}` },
            make("span", { className: "kq-day__name", textContent: name }),
            icon,
            make("span", {
              className: "kq-vh",
              textContent: `, ${date}: ${date === day && state === "met" ? "today, goal met" : words}`,
            }),
          );
        },
      ),
    );
  }
}

export function renderDashboard(app, xp, level, day) {
  addRecallFigure();
  renderWeek(app, day);
  const values = figures(app, xp, level, day);
  for (const [field, text] of Object.entries(FIELDS)) {
    for (const element of $$(`[data-kq-f="${field}"]`)) element.textContent = text(values);
  }
  for (const [name, meter] of Object.entries(METERS)) {
    const [value, max] = meter(values);
    for (const element of $$(`[data-kq-m="${name}"]`)) {
      element.max = max;
      element.value = Math.min(value, max);
    }
  }
  for (const input of $$("[data-kq-goal]"))
    if (document.activeElement !== input) input.value = app.record.goal;
  for (const element of $$("[data-kq-panel] .kq-nojs")) element.hidden = true;
  for (const element of $$("[data-kq-panel] .kq-js")) element.hidden = false;
}
