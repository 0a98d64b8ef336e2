// Records from elsewhere: an imported file, a restored copy, another device.

import { keepEarned, unlock } from "./achievements.js";
import { exerciseXp, isKnown, isMisconception, questionXp } from "./course.js";
import { addDay } from "./dates.js";
import { award, trackStats } from "./record.js";
import { clone, get, own, union } from "./values.js";

// One question of an adopted record, held to the course's rules.
function adoptQuestion(question, course, id) {
  if (!question.correct) {
    delete question.firstTry;
    delete question.xp;
  } else question.xp = award(question, questionXp(course, id));
  if (question.firstTry) {
    delete question.wrong;
    delete question.revealed;
  }
  if (question.mistakes)
    question.mistakes = question.mistakes.filter((label) => isMisconception(course, label));
  if (question.mistakes && !question.mistakes.length) delete question.mistakes;
}

/**
 * An imported (or restored) record held to this course's own rules: questions and code exercises
 * the course does not have are ignored (counted in `ignored` and `ignoredExercises`), and XP, track
 * bonuses and achievements are worked out again from what the record says happened, whatever
 * numbers it claims: a solved exercise pays the course's XP for it. Returns
 * `{state, ignored, ignoredExercises}`.
 */
export function adopt(record, course, today) {
  const state = clone(record);
  let ignored = 0;
  let ignoredExercises = 0;
  for (const id of Object.keys(state.questions)) {
    if (isKnown(course, id)) adoptQuestion(state.questions[id], course, id);
    else {
      delete state.questions[id];
      ignored++;
    }
  }
  state.exercises ||= {};
  for (const id of Object.keys(state.exercises)) {
    const xp = exerciseXp(course, id);
    if (xp === undefined) {
      delete state.exercises[id];
      ignoredExercises++;
    } else state.exercises[id].xp = xp;
  }
  state.bonus = {};
  for (const track of course.tracks) {
    if (trackStats(state, track, 0).done) state.bonus[track.slug] = course.trackBonus;
  }
  keepEarned(state, course, today);
  unlock(state, course, today);
  return { state, ignored, ignoredExercises };
}

const MEMORY = ["stability", "difficulty", "reviewed", "due", "undo"];

// Two records of one question merged: the larger award, the later review's memory.
function mergeQuestion(a, b) {
  const merged = {};
  const later = (b.last || 0) > (a.last || 0) ? b : a;
  const wrong = Math.max(a.wrong || 0, b.wrong || 0);
  if (a.xp !== undefined || b.xp !== undefined) merged.xp = Math.max(a.xp || 0, b.xp || 0);
  if (wrong) merged.wrong = wrong;
  for (const flag of ["correct", "firstTry", "revealed"])
    if (a[flag] || b[flag]) merged[flag] = true;
  if (later.last !== undefined) merged.last = later.last;
  const reviewed =
    (b.reviewed || "") > (a.reviewed || "") || (b.reviewed === a.reviewed && later === b) ? b : a;
  for (const key of MEMORY) if (reviewed[key] !== undefined) merged[key] = reviewed[key];
  const labels = union(a.mistakes, b.mistakes);
  if (labels.length) merged.mistakes = labels;
  return merged;
}

/**
 * Two records merged (import, another device): XP is never added up, a question keeps its larger
 * award, and the later review decides its memory and due day, so merging the same file twice changes nothing.
 * A code exercise solved in both keeps the earlier day and pays once (the larger award).
 */
export function merge(a, b) {
  const state = clone(a);
  for (const id of Object.keys(b.questions)) {
    const mine = get(state.questions, id);
    state.questions[id] = mine ? mergeQuestion(mine, b.questions[id]) : clone(b.questions[id]);
  }
  state.exercises ||= {};
  for (const [id, theirs] of Object.entries(b.exercises || {})) {
    const mine = get(state.exercises, id);
    state.exercises[id] = mine
      ? { day: [mine.day, theirs.day].sort()[0], xp: Math.max(mine.xp, theirs.xp) }
      : { ...theirs };
  }
  for (const slug of Object.keys(b.bonus))
    state.bonus[slug] = Math.max(get(state.bonus, slug) || 0, b.bonus[slug]);
  for (const day of b.goalDays) addDay(state.goalDays, day);
  for (const day of Object.keys(b.counts))
    state.counts[day] = Math.max(get(state.counts, day) || 0, b.counts[day]);
  for (const id of Object.keys(b.achievements)) {
    if (!own(state.achievements, id) || b.achievements[id] < state.achievements[id]) {
      state.achievements[id] = b.achievements[id];
    }
  }
  return state;
}
