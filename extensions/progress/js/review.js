// Spaced review (Leitner boxes by days, `reviewDays`) and mastery per track.
// Every question answered enters review: right at the first attempt in box 2, otherwise in box 1.
// When it is due, its next answer (on the Review page, in a test or on its own page) moves it once:
// right goes up a box and counts as a recall (past the last box it leaves review), wrong goes back
// to box 1 and takes one recall away. Answers on days it is not due are practice and move nothing.

import { isKnown, isMisconception, trackOf } from "./course.js";
import { addDays } from "./dates.js";
import { get } from "./values.js";

export const GRACE = 2; // days a review may wait past its due day before it counts as missed
export const MASTERY = ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"];

// A due question answered: up a box with a recall when right, back to box 1 less a recall when not.
// Returns false when it leaves review.
function moveDue(question, right, boxes) {
  const recalls = question.recalls || 0;
  if (right) {
    question.box += 1;
    question.recalls = recalls + 1;
  } else {
    question.box = 1;
    question.recalls = Math.max(0, recalls - 1);
  }
  if (question.box <= boxes) return true;
  delete question.box;
  delete question.due;
  return false;
}

/** Moves a question answered today in review (see above); `right` is false after a reveal. */
export function schedule(question, course, today, { right, wasRight, wasDue }) {
  const days = course.reviewDays;
  if (wasDue) {
    if (!moveDue(question, right, days.length)) return;
  } else if (question.box && !wasRight && !right) question.box = 1;
  else if (!question.box && !wasRight) question.box = right && question.firstTry ? Math.min(2, days.length) : 1;
  else return;
  question.due = addDays(today, days[question.box - 1]);
}

const inReview = (record, course) =>
  Object.keys(record.questions).filter((id) => record.questions[id].box && isKnown(course, id));

/**
 * The due questions, interleaved: one from each track in turn (the track with the oldest due
 * question first), so a review session mixes the course instead of replaying one track.
 */
export function due(record, course, today) {
  const dueOf = (id) => record.questions[id].due;
  const ids = inReview(record, course)
    .filter((id) => dueOf(id) <= today)
    .sort((a, b) => (dueOf(a) + a < dueOf(b) + b ? -1 : 1));
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

/** The next day something comes up for review, and how many questions then: `{day, count}` or null. */
export function upcoming(record, course, today) {
  const later = inReview(record, course)
    .map((id) => record.questions[id].due)
    .filter((day) => day > today)
    .sort();
  return later.length ? { day: later[0], count: later.filter((day) => day === later[0]).length } : null;
}

/**
 * A track's mastery, `{level, name, slipped}`. 1 Attempted: a question of the track answered.
 * 2 Familiar: every question answered right. 3 Proficient: every question also recalled right
 * once on a later day in review. 4 Mastered: every question recalled twice. A review left undone
 * more than GRACE days after its due day drops the track one level (not below Attempted) until it
 * is done; a wrong review answer takes a recall away, which can drop it too.
 */
export function mastery(record, track, today) {
  const questions = track.questions.map((question) => get(record.questions, question.id));
  const touched = (question) => question && (question.correct || question.wrong || question.revealed);
  if (!questions.some(touched)) return { level: 0, name: MASTERY[0], slipped: false };
  let level = 1;
  if (questions.every((question) => question?.correct)) {
    const least = Math.min(...questions.map((question) => question.recalls || 0));
    level = 2 + Math.min(least, 2);
  }
  const late = addDays(today, -GRACE - 1);
  const slipped = level > 1 && questions.some((question) => question?.box && question.due <= late);
  if (slipped) level -= 1;
  return { level, name: MASTERY[level], slipped };
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
