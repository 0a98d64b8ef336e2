// What the learner does to the record: answer, reveal, solve a code exercise, set the daily goal.
// Each returns a new record (`state`) and what happened, never changing the one it was given.

import { unlock } from "./achievements.js";
import { exerciseXp, isMisconception, questionXp, trackOf } from "./course.js";
import { countAnswer, meetGoal } from "./goal.js";
import { award, GOAL_MAX, trackStats } from "./record.js";
import { inReview, RETENTIONS, reschedule, schedule } from "./review.js";
import { clone, get, own, union } from "./values.js";

// A right answer: pays once (all, half or nothing, see award) and marks a right first try.
// Returns the XP it pays now.
function answerRight(question, detail, xp) {
  question.correct = true;
  if (question.xp !== undefined) return 0;
  const first = !question.wrong && !question.revealed && (detail.attempt || 1) <= 1;
  if (first) question.firstTry = true;
  question.xp = award(question, xp);
  return question.xp;
}

// A wrong answer: counted until the first right one; the misconceptions it reveals are kept.
function answerWrong(question, detail, course, wasRight) {
  if (!wasRight) question.wrong = (question.wrong || 0) + 1;
  const labels = (detail.misconceptions || []).filter((label) => isMisconception(course, label));
  if (labels.length) question.mistakes = union(question.mistakes, labels);
}

// The track bonus, once, when this answer completes the track.
function trackBonus(record, course, id) {
  const track = trackOf(course, id);
  if (!track || own(record.bonus, track.slug) || !trackStats(record, track, 0).done) return null;
  record.bonus[track.slug] = course.trackBonus;
  return track.slug;
}

/**
 * An answer, from the quiz's kq:answer detail `{id, correct, attempt, revealed, misconceptions,
 * test, practice, skipped}` (and `hinted` when the learner opened the question's hint first); `when` is `{today, now}`. Attempts and reveals are remembered across
 * visits, so reloading a page never turns a second attempt into a first. A test answer follows the
 * same rules; a question left blank in a test was not attempted and changes nothing.
 * Returns `{state, gained, bonus: [slugs], achievements: [ids], known}`.
 */
export function answer(record, course, detail, when) {
  const state = clone(record);
  const xp = questionXp(course, detail.id);
  const result = { state, gained: 0, bonus: [], achievements: [], known: xp !== undefined };
  if (!result.known || detail.skipped) return result;
  const question = get(state.questions, detail.id) || {};
  state.questions[detail.id] = question;
  const wasRight = !!question.correct;
  const wasDue = inReview(question) && question.due <= when.today;
  if (detail.revealed && !wasRight) question.revealed = true;
  if (detail.correct) result.gained = answerRight(question, detail, xp);
  else answerWrong(question, detail, course, wasRight);
  question.last = when.now;
  schedule(question, state.retention, when.today, {
    right: detail.correct && !detail.revealed,
    revealed: !!detail.revealed,
    hinted: !!detail.hinted,
    wasDue,
  });
  if ((detail.correct && !wasRight) || wasDue) countAnswer(state, when.today);
  const slug = detail.correct ? trackBonus(state, course, detail.id) : null;
  if (slug) {
    result.gained += course.trackBonus;
    result.bonus.push(slug);
  }
  result.achievements = unlock(state, course, when.today);
  return result;
}

/** Revealing the answer counts as a miss: no XP for the question any more, and into review. */
export const reveal = (record, course, id, when) =>
  answer(record, course, { id, correct: false, revealed: true }, when);

/**
 * A code exercise solved today (its completion code was pasted): it pays its XP once, on the first
 * day. Returns `{state, gained, solved, known, achievements}`: `solved` is false when it was solved
 * before (nothing changes) or the course has no such exercise (`known` false).
 */
export function solveExercise(record, course, id, today) {
  const state = clone(record);
  state.exercises ||= {};
  const xp = exerciseXp(course, id);
  const result = { state, gained: 0, solved: false, known: xp !== undefined, achievements: [] };
  if (!result.known || own(state.exercises, id)) return result;
  state.exercises[id] = { day: today, xp };
  result.gained = xp;
  result.solved = true;
  result.achievements = unlock(state, course, today);
  return result;
}

/** Sets the daily goal (1 to GOAL_MAX); lowering it can meet today's goal. */
export function setGoal(record, course, goal, today) {
  const state = clone(record);
  if (!Number.isSafeInteger(goal) || goal < 1 || goal > GOAL_MAX) {
    return { state, error: `Choose a goal from 1 to ${GOAL_MAX}.` };
  }
  state.goal = goal;
  meetGoal(state, today);
  return { state, achievements: unlock(state, course, today) };
}

/** Sets the desired retention (one of RETENTIONS): every due day moves to match it. */
export function setRetention(record, retention) {
  const state = clone(record);
  if (!RETENTIONS.includes(retention))
    return { state, error: "Choose one of the retentions offered." };
  state.retention = retention;
  reschedule(state, retention);
  return { state };
}
