// Records from elsewhere, as the data panel shows them: a file to import, a copy set aside.

import { unlock } from "../achievements.js";
import { totalXp } from "../record.js";
import { parse } from "../store.js";
import { adopt, merge } from "../sync.js";
import { count } from "./dom.js";

/** Reads a file or a set-aside copy, held to this course's rules: `{state, note}` or `{error}`. */
export function readOther(app, text) {
  let parsed;
  try {
    parsed = parse(JSON.parse(text));
  } catch {
    parsed = parse(); // not JSON: refused like any foreign file
  }
  if (parsed.error) return parsed;
  const { state, ignored } = adopt(parsed.state, app.course, app.today());
  const notes = [];
  if (ignored)
    notes.push(
      `${count(ignored, "question")} this course does not have ${ignored === 1 ? "was" : "were"} ignored.`,
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
