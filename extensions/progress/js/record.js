// The learner's record in memory, with readable names (docs/authoring/progress-format.md,
// section 1; store.js maps it to the stored keys): XP, levels and what a track has earned.

import { playableTracks, questionXp, trackOf } from "./course.js";
import { get, sum } from "./values.js";

export const DEFAULT_GOAL = 5; // the daily goal until the learner sets one
export const GOAL_MAX = 50;

/** A record with nothing in it. */
export const freshRecord = () => ({
  questions: {},
  exercises: {}, // code exercises solved: id -> {day, xp}
  bonus: {},
  goalDays: [],
  counts: {},
  achievements: {},
  goal: DEFAULT_GOAL,
  retention: 0.9, // the desired retention of reviews (review.js)
});

const questionsXp = (record) =>
  sum(Object.values(record.questions), (question) => question.xp || 0);

const exercisesXp = (record) =>
  sum(Object.values(record.exercises || {}), (exercise) => exercise.xp);

/** All XP earned: the questions', the code exercises' and the track bonuses'. Totals are never stored. */
export const totalXp = (record) =>
  questionsXp(record) + exercisesXp(record) + sum(Object.values(record.bonus), (xp) => xp);

/**
 * The level of an XP total. `levels` is `[{xp, name}, ...]` rising from 0 XP (checked by the build).
 * Returns `{number, name, next, fraction}`: `next` is the XP of the next level (null at the top),
 * `fraction` how far this level is done.
 */
export function level(xp, levels) {
  let i = 0;
  while (i + 1 < levels.length && xp >= levels[i + 1].xp) i++;
  const next = levels[i + 1];
  const from = levels[i].xp;
  return {
    number: i + 1,
    name: levels[i].name,
    next: next ? next.xp : null,
    fraction: next ? (xp - from) / (next.xp - from) : 1,
  };
}

/** What a question pays: all its XP right at the first try, half (rounded down) later, none once revealed. */
export const award = (question, xp) => {
  if (question.revealed) return 0;
  return question.firstTry ? xp : Math.floor(xp / 2);
};

/** What a right answer to this question would pay now: nothing once paid or revealed. */
export function paysNow(record, course, id) {
  const question = get(record.questions, id) || {};
  const xp = questionXp(course, id) || 0;
  if (question.xp !== undefined || question.revealed) return 0;
  return question.wrong ? Math.floor(xp / 2) : xp;
}

/**
 * A track's figures: questions answered right (`answered` of `total`), code exercises solved
 * (`solved` of `exercises`), XP earned and on offer, `done` (every question right: the track
 * bonus), `complete` (done, and every exercise solved), `perfect`.
 */
export function trackStats(record, track, bonus) {
  const questions = track.questions.map((question) => get(record.questions, question.id) || {});
  const solved = track.exercises
    .map((exercise) => get(record.exercises, exercise.id))
    .filter(Boolean);
  const answered = questions.filter((question) => question.correct).length;
  const total = questions.length;
  const done = total > 0 && answered === total;
  return {
    answered,
    total,
    solved: solved.length,
    exercises: track.exercises.length,
    earned:
      (get(record.bonus, track.slug) || 0) +
      sum(questions, (question) => question.xp || 0) +
      sum(solved, (exercise) => exercise.xp),
    available:
      sum(track.questions, (question) => question.xp) +
      sum(track.exercises, (exercise) => exercise.xp) +
      (total ? bonus : 0),
    done,
    complete: (done || !total) && solved.length === track.exercises.length,
    perfect: total > 0 && questions.every((question) => question.firstTry),
  };
}

/** The track to continue: the one answered in last, else the next incomplete one after it. */
export function resume(record, course) {
  const tracks = playableTracks(course);
  let last = null;
  let lastTime = -1;
  for (const id of Object.keys(record.questions)) {
    const track = trackOf(course, id);
    const time = record.questions[id].last || 0;
    if (track && time > lastTime) {
      lastTime = time;
      last = track;
    }
  }
  const from = Math.max(0, tracks.indexOf(last));
  for (let i = 0; i < tracks.length; i++) {
    const track = tracks[(from + i) % tracks.length];
    if (!trackStats(record, track, 0).complete) return track;
  }
  return null;
}
