// Unit tests of the progress modules the rule tests (progress.test.mjs) reach only indirectly:
// the course index, day arithmetic and the small value checks. node --test tests/js/
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  indexCourse,
  isKnown,
  isMisconception,
  playableTracks,
  questionXp,
  trackOf,
} from "../../extensions/progress/js/course.js";
import { addDay, dayNumber, isDay, weekOf } from "../../extensions/progress/js/dates.js";
import { isLabel, isLabels, union } from "../../extensions/progress/js/values.js";

const DATA = {
  storageKey: "kq-test",
  levels: [{ xp: 0, name: "Start" }],
  trackBonus: 50,
  tracks: [
    {
      slug: "a",
      number: 1,
      title: "A",
      page: "a.html",
      questions: [{ id: "a1", xp: 10, page: "a.html" }],
    },
    { slug: "b", number: 2, title: "B", about: "B in a line.", page: "b/", questions: [] },
  ],
  extra: [{ id: "x1", xp: 5, page: "x.html" }],
  misconceptions: { "ops-vs-numpy": { title: "ops is not NumPy", page: "a.html", anchor: "ops" } },
};

test("the course index finds every question with its XP, page and track", () => {
  const course = indexCourse(DATA);
  assert.deepEqual([...course.questions.keys()], ["a1", "x1"]);
  assert.equal(course.questions.get("a1").page, "a.html");
  assert.equal(trackOf(course, "a1"), course.tracks[0]);
  assert.equal(course.tracks[0].questions[0], course.questions.get("a1")); // one object, two ways
  assert.equal(trackOf(course, "x1"), null); // outside the tracks
  assert.equal(trackOf(course, "nope"), null);
  assert.equal(questionXp(course, "x1"), 5);
  assert.equal(questionXp(course, "nope"), undefined);
  assert.equal(isKnown(course, "a1"), true);
  assert.equal(isKnown(course, "toString"), false); // no inherited names
  assert.deepEqual(
    playableTracks(course).map((track) => track.slug),
    ["a"],
  );
  assert.deepEqual(
    course.tracks.map((track) => track.about),
    ["", "B in a line."],
  );
  assert.equal(isMisconception(course, "ops-vs-numpy"), true);
  assert.equal(isMisconception(course, "constructor"), false);
});

test("the course index leaves the data it was given unchanged and fills what is optional", () => {
  const data = structuredClone(DATA);
  const { extra, misconceptions, ...bare } = data;
  const course = indexCourse({ ...bare });
  assert.deepEqual(course.achievements, []);
  assert.deepEqual(course.misconceptions, {});
  assert.equal(course.questions.size, 1);
  indexCourse(data);
  assert.deepEqual(data, DATA);
});

test("weeks run Monday to Sunday", () => {
  const week = (day) => weekOf(dayNumber(day));
  assert.equal(week("2026-03-02"), week("2026-03-08")); // Monday and Sunday
  assert.equal(week("2026-03-08") + 1, week("2026-03-09")); // Sunday, then Monday
  assert.equal(dayNumber("1970-01-02"), 1);
});

test("goal days stay sorted, without repeats", () => {
  const days = ["2026-03-03"];
  addDay(days, "2026-03-01");
  addDay(days, "2026-03-03");
  assert.deepEqual(days, ["2026-03-01", "2026-03-03"]);
  assert.equal(isDay("2026-3-1"), false);
  assert.equal(isDay("2026-03-01"), true);
});

test("labels: no empty, overlong or prototype keys, at most 50 in a list", () => {
  assert.equal(isLabel("ops-vs-numpy"), true);
  for (const bad of ["", "x".repeat(201), "__proto__", 5, null])
    assert.equal(isLabel(bad), false, String(bad));
  assert.equal(isLabels(Array.from({ length: 50 }, (_, i) => `m${i}`)), true);
  assert.equal(isLabels(Array.from({ length: 51 }, (_, i) => `m${i}`)), false);
  assert.deepEqual(union(["b", "a"], ["a", "c"]), ["a", "b", "c"]);
  assert.deepEqual(union(undefined, ["z"]), ["z"]);
});
