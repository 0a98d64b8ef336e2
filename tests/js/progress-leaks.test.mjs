// Records from elsewhere keep only what the rules grant (issue 27): node --test tests/js/

import assert from "node:assert/strict";
import { test } from "node:test";

import { keepEarned } from "../../extensions/progress/js/achievements.js";
import { indexCourse } from "../../extensions/progress/js/course.js";
import { addDays } from "../../extensions/progress/js/dates.js";
import { freshRecord, totalXp } from "../../extensions/progress/js/record.js";
import { openStore } from "../../extensions/progress/js/storage.js";
import { encode } from "../../extensions/progress/js/store.js";
import { adopt } from "../../extensions/progress/js/sync.js";

const question = (id, xp) => ({ id, xp, page: "p.html" });
const COURSE = indexCourse({
  storageKey: "kq",
  progressPage: "",
  levels: [
    { xp: 0, name: "One" },
    { xp: 100, name: "Two" },
  ],
  trackBonus: 50,
  reviewDays: [1, 2, 4],
  tracks: [
    {
      slug: "a",
      number: 1,
      title: "A",
      page: "a.html",
      questions: [question("a1", 10), question("a2", 20)],
    },
    { slug: "b", number: 2, title: "B", page: "b.html", questions: [question("b1", 15)] },
  ],
  achievements: [
    ["first", "correct"],
    ["perfect", "perfect"],
    ["level-2", "level", 2],
    ["all", "all"],
    ["master", "mastered"],
    ["streak-3", "streak", 3],
  ].map(([id, kind, threshold = 0]) => ({ id, kind, threshold, title: id, description: "" })),
});
const DAY = "2026-03-10";
const CLAIMED = "2026-01-02";
const claimAll = () => Object.fromEntries(COURSE.achievements.map((a) => [a.id, CLAIMED]));

test("adopt: a forged record keeps only the achievements its answers earn, with their days", () => {
  const forged = { ...freshRecord(), questions: { a1: { xp: 10, correct: true, firstTry: true } } };
  forged.achievements = { ...claimAll(), unknown: CLAIMED };
  const { state } = adopt(forged, COURSE, DAY);
  assert.equal(totalXp(state), 10);
  assert.deepEqual(state.achievements, { first: CLAIMED });
});

test("keepEarned: a track mastered before its recall slipped keeps its achievement", () => {
  const record = freshRecord();
  // Memory strong enough for Mastered (stability 40 days), last reviewed 200 days ago: recall has
  // fallen, so the track's level slips, but the achievement it earned stays.
  record.questions.b1 = {
    xp: 15,
    correct: true,
    firstTry: true,
    stability: 40,
    difficulty: 5,
    reviewed: addDays(DAY, -200),
    due: addDays(DAY, -150),
  };
  record.goalDays = ["2026-03-01", "2026-03-02", "2026-03-03"];
  record.achievements = claimAll();
  keepEarned(record, COURSE, DAY);
  assert.deepEqual(Object.keys(record.achievements).sort(), [
    "first",
    "master",
    "perfect",
    "streak-3",
  ]);
});

function fakeStorage(data) {
  return {
    data,
    get length() {
      return Object.keys(data).length;
    },
    key: (i) => Object.keys(data)[i] ?? null,
    getItem: (k) => (Object.hasOwn(data, k) ? data[k] : null),
    setItem: (k, v) => {
      data[k] = String(v);
    },
    removeItem: (k) => delete data[k],
  };
}

test("store: a damaged record's readable part is held to the course's rules", () => {
  const stored = encode({
    ...freshRecord(),
    bonus: { a: 50 },
    achievements: { all: CLAIMED, first: CLAIMED },
  });
  stored.q = { a1: { x: "ten" }, a2: "lost", b1: { x: 15, c: true, f: true, t: 5 } };
  const raw = JSON.stringify(stored);
  const fs = fakeStorage({ kq: raw });
  const record = openStore(fs, "kq", () => 9, COURSE).read();
  assert.deepEqual(record.bonus, { b: 50 }); // track A's questions were lost; B is complete
  assert.deepEqual(Object.keys(record.achievements).sort(), ["first", "perfect"]);
  assert.equal(fs.data["kq:backup:9:damaged"], raw); // the whole record waits, as it was
  // Without the course, the store keeps what it could read as it was.
  assert.deepEqual(openStore(fakeStorage({ kq: raw }), "kq", () => 9).read().bonus, { a: 50 });
});

test("store: an intact record is read as stored, even a bonus the rules would not give now", () => {
  const stored = encode({ ...freshRecord(), bonus: { a: 50 } });
  const record = openStore(
    fakeStorage({ kq: JSON.stringify(stored) }),
    "kq",
    () => 9,
    COURSE,
  ).read();
  assert.deepEqual(record.bonus, { a: 50 });
});
