// Records from elsewhere, as the data panel shows them: a file to import, a copy set aside.

import { unlock } from "../achievements.js";
import { totalXp } from "../record.js";
import { parse } from "../store.js";
import { adopt, merge } from "../sync.js";
import { count } from "./dom.js";

/** "3 questions", or "3 questions and 1 code exercise": what a record holds. */
export function holds(record) {
  const questions = count(Object.keys(record.questions).length, "question");
  const solved = Object.keys(record.exercises || {}).length;
  return solved ? `${questions} and ${count(solved, "code exercise")}` : questions;
}

/** Reads a file or a set-aside copy, held to this course's rules: `{state, note}` or `{error}`. */
export function readOther(app, text) {
  let parsed;
  try {
    parsed = parse(JSON.parse(text));
  } catch {
    parsed = parse(); // not JSON: refused like any foreign file
  }
  if (parsed.error) return parsed;
  const { state, ignored, ignoredExercises } = adopt(parsed.state, app.course, app.today());
  const notes = [];
  if (ignored)
    notes.push(
      `${count(ignored, "question")} this course does not have ${ignored === 1 ? "was" : "were"} ignored.`,
    );
  if (ignoredExercises)
    notes.push(
      `${count(ignoredExercises, "code exercise")} this course does not have ${ignoredExercises === 1 ? "was" : "were"} ignored.`,
    );
  if (parsed.problems.length)
    notes.push(`${count(parsed.problems.length, "damaged part")} skipped (${parsed.problems[0]}).`);
  return { state, note: notes.join(" ") };
}

/** A change that merges another record into the learner's. */
export const mergeWith = (app, other) => (record) => {
  const merged = merge(record, other);
  return {
    state: merged,
    gained: totalXp(merged) - totalXp(record),
    achievements: unlock(merged, app.course, app.today()),
  };
};
