// Changes to the record from this page: the quiz's answers and reveals, the daily goal, another
// tab's saves; each change is saved, shown, and celebrated in words (and a badge animation).

import { answer, reveal, setGoal } from "../actions.js";
import { dayKey } from "../dates.js";
import { level, paysNow, totalXp } from "../record.js";
import { get } from "../values.js";
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

// What a change earned, in words: what it paid (a finished test's total, once), why a right
// answer paid nothing, an exercise solved, then level-up, goal and achievement news.
function celebration(app, result, before, metBefore) {
  const { course, record } = app;
  const was = level(before, course.levels);
  const now = level(totalXp(record), course.levels);
  const words = [];
  const bonus = result.bonus?.length
    ? `, track bonus${result.bonus.length > 1 ? "es" : ""} included`
    : "";
  if (result.test) {
    words.push(
      result.gained
        ? `Test finished: +${formatNumber(result.gained)} XP${bonus}.`
        : "Test finished: no new XP.",
    );
  } else if (result.gained) words.push(`+${formatNumber(result.gained)} XP${bonus}.`);
  else if (result.why) words.push(result.why);
  if (result.solved) words.push("Exercise solved.");
  if (now.number > was.number) words.push(`Level up! You reached Lv ${now.number} — ${now.name}.`);
  if (!metBefore && record.goalDays.includes(app.today())) words.push("Daily goal met!");
  const unlocked = result.achievements || [];
  for (const achievement of course.achievements) {
    if (unlocked.includes(achievement.id))
      words.push(`Achievement unlocked: ${achievement.title}.`);
  }
  return { words, levelUp: now.number > was.number };
}

// A test's answers arrive together when it is finished, one kq:answer per question: they are
// saved one by one, and announced once, after the last, with what the whole test paid (nothing is
// said of a test of questions the course does not count).
function testBatch(flush) {
  let batch = null;
  return (result, before, metBefore) => {
    if (!batch) {
      batch = {
        test: true,
        known: false,
        gained: 0,
        bonus: [],
        achievements: [],
        before,
        metBefore,
      };
      setTimeout(() => {
        const done = batch;
        batch = null;
        if (done.known) flush(done, done.before, done.metBefore);
      });
    }
    batch.known ||= !!result.known;
    batch.gained += result.gained || 0;
    batch.bonus.push(...(result.bonus || []));
    batch.achievements.push(...(result.achievements || []));
  };
}

/**
 * Adds `app.apply(change, {test})`: change(record) -> {state, ...} on the freshest record, saved
 * and shown; the changes of one test (`test: true`) are announced together.
 */
export function enableChanges(app) {
  const region = liveRegion();
  const say = (result, before, metBefore) => {
    const { words, levelUp: up } = celebration(app, result, before, metBefore);
    if (words.length) {
      announce(region, words);
      if (up) levelUp();
    }
  };
  const inTest = testBatch(say);
  app.apply = (change, { test = false } = {}) => {
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
    if (test) inTest(result, before, metBefore);
    else say(result, before, metBefore);
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

// Why a right answer outside a test pays nothing, or "" when it pays. A due review says nothing:
// its worth is its place in review, and the Review page says it pays no XP.
function whyNoXp(record, course, detail, today) {
  const question = get(record.questions, detail.id);
  if (!detail.correct || paysNow(record, course, detail.id) || !question) return "";
  if (question.box && question.due <= today) return "";
  if (question.xp !== undefined) return "No XP this time: this question has paid its XP already.";
  return question.revealed
    ? "No XP: the answer to this question was shown before it was answered right."
    : "";
}

/** Listens to the quiz, the goal inputs, "Leave test" and the other tabs. */
export function listen(app) {
  // Questions whose hint was opened on this page since their last answer: a right answer then is
  // graded Hard. The quiz does not report hints, so their <details> are watched here.
  const hinted = new Set();
  document.addEventListener(
    "toggle",
    (event) => {
      const hint = event.target;
      const id =
        hint.open && hint.matches?.(".kq-hint") && hint.closest(".kq-question")?.dataset.kqId;
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
      if (detail.id) app.apply((record) => change(record, detail, when), { test: !!detail.test });
    });
  on("kq:answer", (record, detail, when) => {
    const result = answer(record, app.course, detail, when);
    if (!detail.test && result.known) result.why = whyNoXp(record, app.course, detail, when.today);
    return result;
  });
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
  afterLeavingTests(app);
}

// The quiz's "Leave test" gives the questions of the test back as they were before it: the ones
// answered right, in the test or before it, are shown answered again (the button and its test
// header are gone by the time the click bubbles up, so the test is noted on the way down).
function afterLeavingTests(app) {
  let leaving = null;
  document.addEventListener(
    "click",
    (event) => {
      leaving = event.target.closest?.(".kq-leave")?.closest(".kq-test")?.parentElement || null;
    },
    true,
  );
  document.addEventListener("click", () => {
    if (leaving) showSolved(app, $$(".kq-question[data-kq-id]", leaving));
    leaving = null;
  });
}

function showSolved(app, questions) {
  if (!window.KQuiz?.solved) return;
  for (const question of questions) {
    const stored = get(app.record.questions, question.dataset.kqId);
    if (stored?.correct)
      window.KQuiz.solved(question, { when: stored.last ? dayKey(new Date(stored.last)) : "" });
  }
}

/**
 * Answered stays answered: on a track page, a question answered right before shows so, with a way
 * to practise it again (practice pays no XP). Copies on the Review and final pages do not, until a
 * test of them is left.
 */
export function markSolved(app) {
  const copies = $('[data-kq-panel="review"]') || $('[data-kq-panel="final"]');
  if (!copies) showSolved(app, $$(".kq-question[data-kq-id]"));
}
