// Changes to the record from this page: the quiz's answers and reveals, the daily goal, another
// tab's saves; each change is saved, shown, and celebrated in words (and a badge animation).

import { answer, reveal, setGoal } from "../actions.js";
import { dayKey } from "../dates.js";
import { level, totalXp } from "../record.js";
import { levelUp } from "./badge.js";
import { $, $$, formatNumber, make } from "./dom.js";

function liveRegion() {
  const found = $("[data-kq-live]");
  if (found) return found;
  const region = document.body.appendChild(make("span", { className: "kq-vh" }));
  region.setAttribute("aria-live", "polite");
  return region;
}

function announce(region, words) {
  region.textContent = "";
  setTimeout(() => {
    region.textContent = words.join(" "); // a moment later, so identical words are announced too
  }, 50);
}

// What a change earned, in words.
function celebration(app, result, before, metBefore) {
  const { course, record } = app;
  const was = level(before, course.levels);
  const now = level(totalXp(record), course.levels);
  const words = [];
  if (result.gained)
    words.push(`+${formatNumber(result.gained)} XP${result.bonus?.length ? ", track bonus included" : ""}.`);
  if (now.number > was.number) words.push(`Level up! You reached Lv ${now.number} — ${now.name}.`);
  if (!metBefore && record.goalDays.includes(app.today())) words.push("Daily goal met!");
  const unlocked = result.achievements || [];
  for (const achievement of course.achievements) {
    if (unlocked.includes(achievement.id)) words.push(`Achievement unlocked: ${achievement.title}.`);
  }
  return { words, levelUp: now.number > was.number };
}

/** Adds `app.apply(change)`: change(record) -> {state, ...} on the freshest record, saved and shown. */
export function enableChanges(app) {
  const region = liveRegion();
  app.apply = (change) => {
    let before = 0;
    let metBefore = false;
    const result = app.store.update((record) => {
      before = totalXp(record);
      metBefore = record.goalDays.includes(app.today());
      return change(record);
    });
    app.record = result.state;
    app.render();
    app.showNotices();
    const { words, levelUp: up } = celebration(app, result, before, metBefore);
    if (words.length) {
      announce(region, words);
      if (up) levelUp();
    }
    return result;
  };
}

// The daily goal, wherever it can be set.
function onGoalChange(app, event) {
  const input = event.target.closest?.("[data-kq-goal]");
  if (!input) return;
  const goal = +input.value;
  const result = app.apply((record) => {
    const changed = setGoal(record, app.course, goal, app.today());
    return changed.error ? { state: record, error: changed.error } : changed;
  });
  input.setCustomValidity(result.error || "");
  if (result.error) input.reportValidity();
}

/** Listens to the quiz, the goal inputs and the other tabs. */
export function listen(app) {
  // Questions whose hint was opened on this page since their last answer: a right answer then is
  // graded Hard. The quiz does not report hints, so their <details> are watched here.
  const hinted = new Set();
  document.addEventListener(
    "toggle",
    (event) => {
      const hint = event.target;
      const id = hint.open && hint.matches?.(".kq-hint") && hint.closest(".kq-question")?.dataset.kqId;
      if (id) hinted.add(id);
    },
    true, // toggle does not bubble
  );
  // A due question counts as reviewed wherever it is answered: the Review page, a test or its page.
  const on = (type, change) =>
    document.addEventListener(type, (event) => {
      const detail = { ...event.detail };
      if (hinted.delete(detail.id)) detail.hinted = true;
      const when = { today: app.today(), now: Date.now() };
      if (detail.id) app.apply((record) => change(record, detail, when));
    });
  on("kq:answer", (record, detail, when) => answer(record, app.course, detail, when));
  on("kq:reveal", (record, detail, when) => reveal(record, app.course, detail.id, when));
  // Another tab saved: show it here too (this tab re-reads storage before each change anyway).
  addEventListener("storage", (event) => {
    if (event.key === null || event.key?.startsWith(app.course.storageKey)) {
      app.record = app.store.read();
      app.render();
      app.showNotices();
    }
  });
  document.addEventListener("change", (event) => onGoalChange(app, event));
}

/**
 * Answered stays answered: on a track page, a question answered right before shows so, with a way
 * to practise it again (practice pays no XP). Copies on the Review and final pages do not.
 */
export function markSolved(app) {
  const copies = $('[data-kq-panel="review"]') || $('[data-kq-panel="final"]');
  if (copies || !window.KQuiz?.solved) return;
  for (const question of $$(".kq-question[data-kq-id]")) {
    const stored = app.record.questions[question.dataset.kqId];
    if (stored?.correct) window.KQuiz.solved(question, { when: stored.last ? dayKey(new Date(stored.last)) : "" });
  }
}
