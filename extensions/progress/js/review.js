// Spaced review with FSRS (fsrs.js) and mastery per track.
// Every question answered enters review and never leaves it. Each keeps a memory (stability and
// difficulty), the day of its last review and its due day: the day its predicted recall falls to
// the learner's desired retention. A question's first answer, and its answer on a day it is due
// (on the Review page, in a test or on its own page), is a review, graded from what the learner
// did: wrong or "Show answer" is Again, right is Good, right after opening the hint is Hard, and
// right after a miss that same day (a retry) turns that day's Again into Hard. Answers on days it is not due are practice and move
// nothing: the answer was seen recently, and FSRS would learn almost nothing from them.

import { isKnown, isMisconception, trackOf } from "./course.js";
import { addDays, dayNumber } from "./dates.js";
import { AGAIN, GOOD, HARD, makeScheduler } from "./fsrs.js";
import { get } from "./values.js";

export const MASTERY = ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"];
export const RETENTIONS = [0.8, 0.85, 0.9, 0.95]; // the desired retentions the Review page offers
export const DEFAULT_RETENTION = 0.9;
// Mastery: the stability (days a memory keeps 90% recall) every question of the track needs for
// Proficient and for Mastered.
export const PROFICIENT_DAYS = 7;
export const MASTERED_DAYS = 30;

const schedulers = {};
/** The FSRS scheduler of a desired retention (recall does not depend on it). */
export const scheduler = (retention = DEFAULT_RETENTION) =>
  (schedulers[retention] ||= makeScheduler({ retention }));

export const inReview = (question) => question?.stability !== undefined;

const elapsed = (question, today) => Math.max(0, dayNumber(today) - dayNumber(question.reviewed));

/** The chance, from 0 to 1, that the learner recalls a question in review today. */
export const recallOf = (question, today) =>
  scheduler().recall(question.stability, elapsed(question, today));

// Reviews a question today: its new memory and due day.
function apply(question, memory, days, grade, today, retention) {
  const next = scheduler(retention).review(memory, days, grade);
  question.stability = next.memory.stability;
  question.difficulty = next.memory.difficulty;
  question.reviewed = today;
  question.due = addDays(today, next.interval);
}

/**
 * Reviews a question answered today when this answer is a review (see above). `right` is false
 * after a reveal; `hinted`: the hint was opened first; `wasDue`: the question was due before it. A wrong review keeps, in
 * `undo`, the memory before it ([] for a new question), so that a right retry the same day can
 * grade that review Hard instead; a reveal drops it.
 */
export function schedule(question, retention, today, { right, revealed, hinted, wasDue }) {
  const undo = question.undo;
  if (undo && question.reviewed === today && right) {
    delete question.undo;
    apply(
      question,
      undo.length ? { stability: undo[0], difficulty: undo[1] } : null,
      undo[2] || 0,
      HARD,
      today,
      retention,
    );
    return;
  }
  if (revealed) delete question.undo; // a right answer after seeing the answer is no retry
  if (inReview(question) && !wasDue) return;
  const memory = inReview(question)
    ? { stability: question.stability, difficulty: question.difficulty }
    : null;
  const days = memory ? elapsed(question, today) : 0;
  if (!right && !revealed)
    question.undo = memory ? [memory.stability, memory.difficulty, days] : [];
  else delete question.undo;
  apply(question, memory, days, right ? (hinted ? HARD : GOOD) : AGAIN, today, retention);
}

/** The desired retention changed: every due day moves to when recall falls to the new one. */
export function reschedule(record, retention) {
  const { interval } = scheduler(retention);
  for (const question of Object.values(record.questions)) {
    if (inReview(question)) question.due = addDays(question.reviewed, interval(question.stability));
  }
}

const reviewIds = (record, course) =>
  Object.keys(record.questions).filter(
    (id) => inReview(record.questions[id]) && isKnown(course, id),
  );

/**
 * The due questions, the least likely to be recalled first, interleaved: one from each track in
 * turn (the track of the question least likely recalled first), so a review session mixes the
 * course instead of replaying one track.
 */
export function due(record, course, today) {
  const recall = {};
  const ids = reviewIds(record, course).filter((id) => record.questions[id].due <= today);
  for (const id of ids) recall[id] = recallOf(record.questions[id], today);
  ids.sort((a, b) => recall[a] - recall[b] || (a < b ? -1 : 1));
  const groups = new Map();
  for (const id of ids) {
    const group = trackOf(course, id)?.slug ?? "";
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(id);
  }
  const lists = [...groups.values()];
  const order = [];
  for (let i = 0; order.length < ids.length; i++) {
    for (const list of lists) if (i < list.length) order.push(list[i]);
  }
  return order;
}

/** How many reviews fall due on each of the `days` days from today (today's count includes the overdue). */
export function forecast(record, course, today, days = 14) {
  const counts = Array(days).fill(0);
  const from = dayNumber(today);
  for (const id of reviewIds(record, course)) {
    const day = Math.max(0, dayNumber(record.questions[id].due) - from);
    if (day < days) counts[day] += 1;
  }
  return counts;
}

/** The next day something comes up for review, and how many questions then: `{day, count}` or null. */
export function upcoming(record, course, today) {
  const later = reviewIds(record, course)
    .map((id) => record.questions[id].due)
    .filter((day) => day > today)
    .sort();
  return later.length
    ? { day: later[0], count: later.filter((day) => day === later[0]).length }
    : null;
}

/** How much of a track the learner would recall today: the mean predicted recall of its questions in review, in whole percent (null before any). */
export function trackRecall(record, track, today) {
  const questions = track.questions
    .map((question) => get(record.questions, question.id))
    .filter(inReview);
  if (!questions.length) return null;
  const total = questions.reduce((sum, question) => sum + recallOf(question, today), 0);
  return Math.round((100 * total) / questions.length);
}

/**
 * A track's mastery, `{level, name, slipped, earned, recall, unsolved}`. 1 Attempted: a question
 * of the track answered or one of its code exercises solved. 2 Familiar: every question answered
 * right. 3 Proficient: also every question's memory keeps 90% recall for PROFICIENT_DAYS days
 * (stability), and the track's recall today is at least the desired retention less 10 points.
 * 4 Mastered: MASTERED_DAYS days, recall today at least the desired retention, and every code
 * exercise of the track solved (`unsolved` counts those left; until then the track stops at
 * Proficient). Recall falls day by day until the next review, so a track whose reviews wait slips
 * (`slipped`) to the level its recall still allows, never below Familiar; `earned` is the level
 * its memories reached, before any slip and whatever its exercises.
 */
export function mastery(record, track, today) {
  const questions = track.questions.map((question) => get(record.questions, question.id));
  const unsolved = (track.exercises || []).filter(
    (exercise) => !get(record.exercises, exercise.id),
  ).length;
  const solvedAny = unsolved < (track.exercises || []).length;
  const recall = trackRecall(record, track, today);
  const touched = (question) =>
    question && (question.correct || question.wrong || question.revealed);
  if (!questions.some(touched) && !solvedAny) {
    return { level: 0, name: MASTERY[0], slipped: false, earned: 0, recall, unsolved };
  }
  let level = 1;
  let earned = 1;
  let slipped = false;
  if (questions.length && questions.every((question) => question?.correct)) {
    const least = Math.min(...questions.map((question) => question.stability || 0));
    earned = least >= MASTERED_DAYS ? 4 : least >= PROFICIENT_DAYS ? 3 : 2;
    const target = Math.round(100 * (record.retention || DEFAULT_RETENTION));
    const allowed = recall >= target ? 4 : recall >= target - 10 ? 3 : 2;
    level = Math.min(earned, allowed);
    slipped = level < earned;
    if (unsolved) level = Math.min(level, 3);
  }
  return { level, name: MASTERY[level], slipped, earned, recall, unsolved };
}

/**
 * The learner's mistakes grouped by the misconception they reveal, most frequent first:
 * `[{label, title, page, anchor, questions: [ids]}]`. Labels the course no longer has are skipped.
 */
export function mistakes(record, course) {
  const groups = {};
  for (const id of Object.keys(record.questions).sort()) {
    for (const label of record.questions[id].mistakes || []) {
      if (isMisconception(course, label) && isKnown(course, id)) {
        groups[label] = groups[label] || [];
        groups[label].push(id);
      }
    }
  }
  return Object.keys(groups)
    .map((label) => ({ label, ...course.misconceptions[label], questions: groups[label] }))
    .sort((a, b) => b.questions.length - a.questions.length || (a.label < b.label ? -1 : 1));
}
