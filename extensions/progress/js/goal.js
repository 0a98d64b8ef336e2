// The daily goal and streaks. A learning answer is a question's first right answer, or the answer
// to a due review (right or wrong); practice on questions already learned and not due does not
// count. A day on which the learner gave `goal` learning answers is a goal day.

import { addDay, addDays, dayNumber, weekOf } from "./dates.js";
import { get } from "./values.js";

const KEEP_COUNTS = 30; // days of answer counts kept

/** Adds today's goal day once its count reaches the goal (met days are never taken back). */
export function meetGoal(record, today) {
  if ((get(record.counts, today) || 0) >= record.goal) addDay(record.goalDays, today);
}

/** Counts one learning answer today, forgets counts older than KEEP_COUNTS days. */
export function countAnswer(record, today) {
  record.counts[today] = (get(record.counts, today) || 0) + 1;
  const old = addDays(today, -KEEP_COUNTS);
  for (const day of Object.keys(record.counts)) if (day <= old) delete record.counts[day];
  meetGoal(record, today);
}

// Can every day strictly between day numbers `from` and `to` be a rest day of a run that has used
// the rest days of the weeks in `rests`? One rest day a week; uses them up when it can. When it
// can, the days it bridged are added to `rested` (if given).
function bridge(from, to, rests, rested) {
  const days = [];
  for (let n = from + 1; n < to; n++) {
    const week = weekOf(n);
    if (rests.has(week)) return false;
    rests.add(week);
    days.push(n);
  }
  rested?.push(...days);
  return true;
}

/**
 * Streaks of goal days: `{current, longest, restLeft}`. A streak runs over consecutive goal days;
 * one day a week (Monday to Sunday) may be skipped without breaking it, and rest days do not count
 * in it. The current streak stays alive today even if today's goal is not met yet. `rested`, if
 * given, receives the day numbers that were rest days: missed days a streak went on over.
 */
export function streaks(goalDays, today, rested) {
  let longest = 0;
  let run = 0;
  let previous = null;
  let rests = new Set();
  for (const day of goalDays) {
    const n = dayNumber(day);
    if (previous === null || !bridge(previous, n, rests, rested)) {
      run = 0;
      rests = new Set();
    }
    run++;
    longest = Math.max(longest, run);
    previous = n;
  }
  const now = dayNumber(today);
  if (previous !== null && previous <= now && bridge(previous, now, rests, rested)) {
    return { current: run, longest, restLeft: !rests.has(weekOf(now)) };
  }
  return { current: 0, longest, restLeft: true };
}

/**
 * The last `length` days up to today, oldest first, each `{day, state}`: "met" (a goal day),
 * "rest" (missed, but a rest day the streak went on over), "missed", or "today" (not met yet).
 * Only shows what `streaks` decides; it changes no rule.
 */
export function lastDays(goalDays, today, length = 7, since = null) {
  const rested = [];
  streaks(goalDays, today, rested);
  const rest = new Set(rested);
  const met = new Set(goalDays);
  return Array.from({ length }, (_, i) => {
    const day = addDays(today, i - length + 1);
    if (met.has(day)) return { day, state: "met" };
    if (day === today) return { day, state: "today" };
    // A day before the learner's first answer was not missed: there was no goal yet.
    if (since && day < since) return { day, state: "before" };
    return { day, state: rest.has(dayNumber(day)) ? "rest" : "missed" };
  });
}

/** The learner's first day on record: the earliest day with a goal met, an answer counted or an
 * achievement earned (null when there is none: nothing answered yet). */
export function firstDay(record) {
  const days = [
    ...record.goalDays,
    ...Object.keys(record.counts || {}),
    ...Object.values(record.achievements || {}),
  ].filter(Boolean);
  return days.sort()[0] ?? null; // ISO dates sort as text
}
