// The progress record's format (docs/authoring/progress-format.md): an exported file of every
// schema version ever shipped still imports. Add a fixture per new version; never delete one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { addDays, dayKey } from "../../extensions/progress/js/dates.js";
import { DEFAULT_GOAL, freshRecord, totalXp } from "../../extensions/progress/js/record.js";
import { merge } from "../../extensions/progress/js/sync.js";
import { MIGRATIONS, SCHEMA, VERSION, encode, parse } from "../../extensions/progress/js/store.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));

test("the current schema is version 2, with one migration", () => {
  // Changing VERSION without a fixture of the new version fails the next test's coverage check.
  assert.equal(SCHEMA, "keras-quest-progress");
  assert.equal(VERSION, 2);
  assert.deepEqual(Object.keys(MIGRATIONS), ["1"]);
});

test("there is an exported fixture for every schema version up to the current one", () => {
  const versions = readdirSync(FIXTURES)
    .filter((name) => /^progress-v\d+\.json$/.test(name))
    .map((name) => fixture(name).v)
    .sort((a, b) => a - b);
  assert.deepEqual(versions, [...Array(VERSION).keys()].map((i) => i + 1));
});

test("an exported version-1 file imports and migrates: every question, bonus, day and achievement", () => {
  const { state, problems } = parse(fixture("progress-v1.json"));
  assert.deepEqual(problems, []);
  // Answered right, not in review: joins review in box 2, due two days after its last answer.
  const joined = addDays(dayKey(new Date(1763661851000)), 2);
  assert.deepEqual(state.questions["a-one"], { xp: 10, correct: true, firstTry: true, last: 1763661851000, box: 2, due: joined });
  assert.deepEqual(state.questions["a-two"], { xp: 10, wrong: 1, last: 1763661900000, box: 2, due: "2026-11-22", correct: true });
  assert.deepEqual(state.questions["b-one"], { wrong: 2, last: 1763662000000, box: 1, due: "2026-11-21", revealed: true });
  assert.deepEqual(state.bonus, { alpha: 50 });
  assert.deepEqual(state.goalDays, ["2026-11-19", "2026-11-20"]); // days with a right answer met the old goal
  assert.deepEqual(state.achievements, { first: "2026-11-19", "streak-3": "2026-11-21" });
  assert.equal(state.goal, DEFAULT_GOAL);
  assert.equal(totalXp(state), 70); // 10 + 10 + the alpha bonus
  // Written back, it is a version-2 record.
  assert.equal(encode(state).v, 2);
});

test("an exported version-2 file imports with its goal, activity, recalls and misconceptions", () => {
  const { state, problems } = parse(fixture("progress-v2.json"));
  assert.deepEqual(problems, []);
  assert.equal(state.questions["a-one"].recalls, 1);
  assert.deepEqual(state.questions["b-one"].mistakes, ["fit-once", "ops-vs-numpy"]);
  assert.deepEqual([state.goal, state.counts, state.goalDays], [3, { "2026-11-26": 3, "2026-11-28": 4 }, ["2026-11-26", "2026-11-28"]]);
  const { exported, ...file } = fixture("progress-v2.json");
  assert.deepEqual(encode(state), file); // read and written back unchanged
});

test("importing a file into empty progress, then again, gives the same progress", () => {
  for (const name of ["progress-v1.json", "progress-v2.json"]) {
    const { state } = parse(fixture(name));
    const once = merge(freshRecord(), state);
    assert.deepEqual(merge(once, state), once);
    assert.equal(totalXp(once), 70);
  }
});
