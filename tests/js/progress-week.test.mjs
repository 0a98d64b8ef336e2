// The dashboard's week: the last seven days as met, rest, missed or today, from the streak rules
// (goal.js), which it only reads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { firstDay, lastDays, streaks } from "../../extensions/progress/js/goal.js";

const states = (days) => days.map(({ day, state }) => `${day.slice(5)} ${state}`);

test("lastDays: met, a rest day the streak kept, missed days that broke it, and today", () => {
  // Mon 2026-03-02 and Tue met; Wed and Thu missed (two in one week: the streak breaks); Fri to
  // Mon met; Tue 03-10 missed (that week's rest day); today, Wed 03-11, not met yet.
  const goalDays = [
    "2026-03-02",
    "2026-03-03",
    "2026-03-06",
    "2026-03-07",
    "2026-03-08",
    "2026-03-09",
  ];
  assert.deepEqual(states(lastDays(goalDays, "2026-03-11")), [
    "03-05 missed",
    "03-06 met",
    "03-07 met",
    "03-08 met",
    "03-09 met",
    "03-10 rest",
    "03-11 today",
  ]);
  // The streak the week shows: four goal days, the rest day not counted, still alive today.
  assert.deepEqual(streaks(goalDays, "2026-03-11"), { current: 4, longest: 4, restLeft: false });
});

test("lastDays: a day met today is met; with no goal days every past day is missed", () => {
  assert.deepEqual(states(lastDays(["2026-03-11"], "2026-03-11", 2)), [
    "03-10 missed",
    "03-11 met",
  ]);
  assert.deepEqual(states(lastDays([], "2026-03-11", 3)), [
    "03-09 missed",
    "03-10 missed",
    "03-11 today",
  ]);
});

test("lastDays: a second missed day in the same week is missed, not rest", () => {
  // Met Mon 03-09; Tue and Wed missed: the rest day covers neither once the streak is broken.
  assert.deepEqual(states(lastDays(["2026-03-09"], "2026-03-12", 4)), [
    "03-09 met",
    "03-10 missed",
    "03-11 missed",
    "03-12 today",
  ]);
  // Met Mon, missed Tue, today Wed: Tue is this week's rest day.
  assert.deepEqual(states(lastDays(["2026-03-09"], "2026-03-11", 3)), [
    "03-09 met",
    "03-10 rest",
    "03-11 today",
  ]);
});

test("lastDays: the days before the learner's first day are not missed", () => {
  // First answered on Tuesday 03-10, goal met that day: Sunday and Monday came before.
  assert.deepEqual(states(lastDays(["2026-03-10"], "2026-03-11", 4, "2026-03-10")), [
    "03-08 before",
    "03-09 before",
    "03-10 met",
    "03-11 today",
  ]);
});

test("firstDay: the earliest goal day, counted day or achievement; null with none", () => {
  const record = (goalDays, counts, achievements) => ({ goalDays, counts, achievements });
  assert.equal(
    firstDay(record(["2026-03-10"], { "2026-03-12": 2 }, { first: "2026-03-09" })),
    "2026-03-09",
  );
  assert.equal(firstDay(record([], { "2026-03-12": 1 }, {})), "2026-03-12");
  assert.equal(firstDay(record([], {}, {})), null);
});
