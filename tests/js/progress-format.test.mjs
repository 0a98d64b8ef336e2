// The progress record's format (docs/authoring/progress-format.md): an exported file of every
// schema version ever shipped still imports. Add a fixture per new version; never delete one.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { indexCourse } from "../../extensions/progress/js/course.js";
import { addDays, dayKey } from "../../extensions/progress/js/dates.js";
import { AGAIN, GOOD } from "../../extensions/progress/js/fsrs.js";
import { DEFAULT_GOAL, freshRecord, totalXp } from "../../extensions/progress/js/record.js";
import { due, scheduler } from "../../extensions/progress/js/review.js";
import { encode, MIGRATIONS, parse, SCHEMA, VERSION } from "../../extensions/progress/js/store.js";
import { merge } from "../../extensions/progress/js/sync.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));
const question = (id) => ({ id, xp: 10, page: "a.html" });
const COURSE = indexCourse({
  storageKey: "kq-test",
  levels: [{ xp: 0, name: "Start" }],
  trackBonus: 50,
  tracks: [
    {
      slug: "alpha",
      number: 1,
      title: "A",
      page: "a.html",
      questions: [question("a-one"), question("a-two")],
    },
    {
      slug: "beta",
      number: 2,
      title: "B",
      page: "b.html",
      questions: [question("b-one"), question("b-two")],
    },
  ],
});

test("the current schema is version 4, with three migrations", () => {
  // Changing VERSION without a fixture of the new version fails the next test's coverage check.
  assert.equal(SCHEMA, "keras-quest-progress");
  assert.equal(VERSION, 4);
  assert.deepEqual(Object.keys(MIGRATIONS), ["1", "2", "3"]);
});

test("there is an exported fixture for every schema version up to the current one", () => {
  const versions = readdirSync(FIXTURES)
    .filter((name) => /^progress-v\d+\.json$/.test(name))
    .map((name) => fixture(name).v)
    .sort((a, b) => a - b);
  assert.deepEqual(
    versions,
    [...Array(VERSION).keys()].map((i) => i + 1),
  );
});

test("an exported version-1 file imports and migrates: every question, bonus, day and achievement", () => {
  const { state, problems } = parse(fixture("progress-v1.json"));
  assert.deepEqual(problems, []);
  // Answered right, not in review: joins review (schema 2: box 2, due two days after its last
  // answer), then gets an FSRS memory (schema 3: a Good answer that day, still due that day).
  const last = dayKey(new Date(1763661851000));
  const good = { stability: 2.3065, difficulty: 2.11810397, reviewed: last, due: addDays(last, 2) };
  assert.deepEqual(state.questions["a-one"], {
    xp: 10,
    correct: true,
    firstTry: true,
    last: 1763661851000,
    ...good,
  });
  const again = { stability: 0.212, difficulty: 6.4133 };
  assert.deepEqual(state.questions["a-two"], {
    xp: 10,
    wrong: 1,
    last: 1763661900000,
    correct: true,
    ...again,
    reviewed: "2026-11-20",
    due: "2026-11-21",
  });
  assert.deepEqual(state.questions["b-one"], {
    wrong: 2,
    last: 1763662000000,
    revealed: true,
    ...again,
    reviewed: "2026-11-20",
    due: "2026-11-21",
  });
  assert.deepEqual(state.bonus, { alpha: 50 });
  assert.deepEqual(state.goalDays, ["2026-11-19", "2026-11-20"]); // days with a right answer met the old goal
  assert.deepEqual(state.achievements, { first: "2026-11-19", "streak-3": "2026-11-21" });
  assert.equal(state.goal, DEFAULT_GOAL);
  assert.equal(totalXp(state), 70); // 10 + 10 + the alpha bonus
  // Written back, it is a version-4 record, with no exercise solved.
  assert.equal(encode(state).v, 4);
  assert.deepEqual(encode(state).e, {});
});

test("an exported version-2 file imports: Leitner boxes become FSRS memories, nothing lost, nothing due later", () => {
  const v2 = fixture("progress-v2.json");
  const { state, problems } = parse(v2);
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(state.questions), Object.keys(v2.q)); // every question
  for (const [id, old] of Object.entries(v2.q)) {
    const mine = state.questions[id];
    assert.equal(mine.xp, old.x, id); // its XP
    assert.ok(mine.due <= old.d, id); // due no later than it was
    assert.ok(mine.reviewed <= mine.due, id);
    assert.deepEqual(mine.mistakes, old.m, id);
  }
  assert.equal(totalXp(state), 70);
  // a-one: right at the first try (Good), recalled once (Good after box 2's two days), in box 3
  // (four days) due 12-02, so last reviewed 11-28.
  const fsrs = scheduler();
  const first = fsrs.review(null, 0, GOOD).memory;
  const recalled = fsrs.review(first, 2, GOOD).memory;
  assert.deepEqual(state.questions["a-one"], {
    xp: 10,
    correct: true,
    firstTry: true,
    last: 1764327600000,
    ...recalled,
    reviewed: "2026-11-28",
    due: "2026-12-02",
  });
  // a-two (right on a later try) and b-one (revealed): one Again, due as before, 11-29.
  const again = fsrs.review(null, 0, AGAIN).memory;
  for (const id of ["a-two", "b-one"]) {
    assert.deepEqual(
      [state.questions[id].stability, state.questions[id].due],
      [again.stability, "2026-11-29"],
    );
  }
  // Due reviews stay due: on 11-29 the two box-1 questions are due, as they were.
  assert.deepEqual(due(state, COURSE, "2026-11-29").sort(), ["a-two", "b-one"]);
  assert.deepEqual(
    [state.goal, state.counts, state.goalDays, state.retention],
    [3, { "2026-11-26": 3, "2026-11-28": 4 }, ["2026-11-26", "2026-11-28"], 0.9],
  );
  // Written back (and exported), it is a version-4 record without boxes or recalls.
  const written = encode(state);
  assert.equal(written.v, 4);
  assert.ok(Object.values(written.q).every((stored) => !("b" in stored) && !("k" in stored)));
  assert.deepEqual(parse(written).state, state);
});

test("an exported version-3 file imports with its memories, retention and retry state, unchanged", () => {
  const { state, problems } = parse(fixture("progress-v3.json"));
  assert.deepEqual(problems, []);
  assert.deepEqual(state.questions["b-two"], {
    wrong: 1,
    last: 1765098300000,
    stability: 0.212,
    difficulty: 6.4133,
    reviewed: "2026-12-07",
    due: "2026-12-08",
    undo: [],
  });
  assert.equal(state.retention, 0.85);
  const { exported, ...file } = fixture("progress-v3.json");
  // Read and written back unchanged, as a version-4 record with no exercise solved.
  assert.deepEqual(encode(state), { ...file, v: 4, e: {} });
  assert.deepEqual(state.exercises, {});
});

test("an exported version-4 file imports with its solved exercises, unchanged", () => {
  const { state, problems } = parse(fixture("progress-v4.json"));
  assert.deepEqual(problems, []);
  assert.deepEqual(state.exercises, {
    "t1-first-layer": { day: "2026-12-08", xp: 30 },
    "t2-a-loss": { day: "2026-12-09", xp: 40 },
  });
  assert.equal(totalXp(state), 10 + 5 + 50 + 30 + 40);
  const { exported, ...file } = fixture("progress-v4.json");
  assert.deepEqual(encode(state), file); // read and written back unchanged
});

test("importing a file into empty progress, then again, gives the same progress", () => {
  for (const name of ["progress-v1.json", "progress-v2.json", "progress-v3.json"]) {
    const { state } = parse(fixture(name));
    const once = merge(freshRecord(), state);
    assert.deepEqual(merge(once, state), once);
    assert.equal(totalXp(once), name === "progress-v3.json" ? 65 : 70);
  }
});
