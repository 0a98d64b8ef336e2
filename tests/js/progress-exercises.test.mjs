// Code exercises in the progress rules: the completion code a learner pastes, solving (XP once),
// the stored record's schema 4, imports held to the course, and mastery with exercises.

import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, solveExercise } from "../../extensions/progress/js/actions.js";
import { exerciseXp, indexCourse } from "../../extensions/progress/js/course.js";
import { claim, codeMatches } from "../../extensions/progress/js/exercises.js";
import { freshRecord, resume, totalXp, trackStats } from "../../extensions/progress/js/record.js";
import { mastery } from "../../extensions/progress/js/review.js";
import { encode, MIGRATIONS, parse, SCHEMA } from "../../extensions/progress/js/store.js";
import { adopt, merge } from "../../extensions/progress/js/sync.js";

const question = (id, xp) => ({ id, xp, page: "t.html" });
const DATA = {
  storageKey: "kq-test",
  levels: [
    { xp: 0, name: "Start" },
    { xp: 70, name: "Next" },
  ],
  trackBonus: 50,
  achievements: [
    { id: "all-tracks", kind: "all", threshold: 0, title: "Course complete", description: "" },
    { id: "mastered-track", kind: "mastered", threshold: 0, title: "Mastered", description: "" },
    { id: "level-2", kind: "level", threshold: 2, title: "Up", description: "" },
  ],
  tracks: [
    {
      slug: "a",
      number: 1,
      title: "Track 1: A",
      page: "a.html",
      questions: [question("a1", 10)],
      exercises: ["t1-shift", "t1-loss", "t1-not-listed"],
    },
    { slug: "b", number: 2, title: "Track 2: B", page: "b.html", questions: [question("b1", 10)] },
    {
      slug: "c",
      number: 3,
      title: "Track 3: C",
      page: "c.html",
      questions: [],
      exercises: ["t3-only"],
    },
  ],
  exercises: [
    { id: "t1-shift", title: "Learned shift", xp: 30, code: "KQ-7F3A-9C2D" },
    { id: "t1-loss", title: "A loss of your own", xp: 40, code: "KQ-KQ12-AB34" },
    { id: "t3-only", title: "Exercise only", xp: 5, code: "KQ-3333-4444" },
  ],
};
const COURSE = indexCourse(DATA);
const DAY = "2026-03-10";

// ---- the course data ------------------------------------------------------------------------------
test("the course indexes each exercise with its track; ids without an entry are skipped", () => {
  assert.deepEqual([...COURSE.exercises.keys()], ["t1-shift", "t1-loss", "t3-only"]);
  const shift = COURSE.exercises.get("t1-shift");
  assert.equal(shift.track.slug, "a");
  assert.deepEqual(
    COURSE.tracks[0].exercises.map((e) => e.id),
    ["t1-shift", "t1-loss"],
  );
  assert.deepEqual(COURSE.tracks[1].exercises, []); // no list: none
  assert.equal(exerciseXp(COURSE, "t1-loss"), 40);
  assert.equal(exerciseXp(COURSE, "nope"), undefined);
  assert.equal(indexCourse({ ...DATA, exercises: undefined }).exercises.size, 0);
});

// ---- the completion code --------------------------------------------------------------------------
test("a code matches with or without KQ-, dashes, spaces or capitals", () => {
  for (const typed of [
    "KQ-7F3A-9C2D",
    "kq-7f3a-9c2d",
    "  KQ-7F3A-9C2D\n",
    "7F3A-9C2D",
    "7f3a9c2d",
    "KQ7F3A9C2D",
    "KQ 7F3A 9C2D",
    "KQ–7F3A–9C2D", // en dashes, from a word processor
  ])
    assert.ok(codeMatches(typed, "KQ-7F3A-9C2D"), typed);
  for (const typed of [
    "",
    "   ",
    "KQ",
    "7F3A-9C2E",
    "KQ-7F3A-9C2",
    "KQ-7F3A-9C2D-0",
    "Q-7F3A-9C2D",
  ])
    assert.ok(!codeMatches(typed, "KQ-7F3A-9C2D"), typed);
  // Codes are base32 (no 0, 1 or 8): those digits are an O, I or B misread.
  assert.ok(codeMatches("kq-0821-ABCD", "KQ-OB2I-ABCD"));
  assert.ok(codeMatches("OB2I ABCD", "KQ-OB2I-ABCD"));
  assert.ok(!codeMatches("KQ-0B2I-ABCE", "KQ-OB2I-ABCD"));
  // A body that itself starts with KQ still needs all of it.
  assert.ok(codeMatches("KQ12-AB34", "KQ-KQ12-AB34"));
  assert.ok(!codeMatches("12-AB34", "KQ-KQ12-AB34"));
});

test("a pasted code is this exercise's, another exercise's, a typo, or nothing", () => {
  assert.deepEqual(claim(COURSE, "t1-shift", " kq-7f3a-9c2d "), { outcome: "right" });
  const other = claim(COURSE, "t1-shift", "KQ12AB34");
  assert.equal(other.outcome, "other");
  assert.equal(other.exercise.title, "A loss of your own");
  assert.equal(other.exercise.track.number, 1);
  assert.deepEqual(claim(COURSE, "t1-shift", "KQ-7F3A-9C2O"), { outcome: "wrong" });
  assert.deepEqual(claim(COURSE, "t1-shift", "  "), { outcome: "empty" });
  assert.deepEqual(claim(COURSE, "t1-shift", undefined), { outcome: "empty" });
});

// ---- solving --------------------------------------------------------------------------------------
test("solving an exercise pays its XP once and keeps the day", () => {
  const first = solveExercise(freshRecord(), COURSE, "t1-shift", DAY);
  assert.equal(first.gained, 30);
  assert.equal(first.solved, true);
  assert.deepEqual(first.state.exercises, { "t1-shift": { day: DAY, xp: 30 } });
  assert.equal(totalXp(first.state), 30);
  const again = solveExercise(first.state, COURSE, "t1-shift", "2026-03-11");
  assert.equal(again.gained, 0);
  assert.equal(again.solved, false);
  assert.deepEqual(again.state, first.state);
  const unknown = solveExercise(first.state, COURSE, "t9-nope", DAY);
  assert.equal(unknown.known, false);
  assert.deepEqual(unknown.state, first.state);
});

test("solving unlocks what the XP reaches, and leaves the record it was given alone", () => {
  const record = freshRecord();
  let s = solveExercise(record, COURSE, "t1-shift", DAY).state;
  const result = solveExercise(s, COURSE, "t1-loss", DAY);
  assert.deepEqual(result.achievements, ["level-2"]); // 30 + 40 XP reach level 2
  s = result.state;
  assert.deepEqual(record, freshRecord());
  assert.equal(totalXp(s), 70);
});

// ---- the track and its mastery --------------------------------------------------------------------
// A record whose track-a question is remembered for `stability` days, reviewed today.
const remembered = (stability, record = freshRecord()) => ({
  ...record,
  questions: {
    a1: {
      xp: 10,
      correct: true,
      firstTry: true,
      stability,
      difficulty: 5,
      reviewed: DAY,
      due: "2026-05-01",
    },
  },
  bonus: { a: 50 },
});

test("a track's figures count its exercises: solved, earned, on offer, complete", () => {
  const A = COURSE.tracks[0];
  let s = remembered(40);
  assert.deepEqual(
    { ...trackStats(s, A, 50) },
    {
      answered: 1,
      total: 1,
      solved: 0,
      exercises: 2,
      earned: 60,
      available: 10 + 30 + 40 + 50,
      done: true, // the quiz: the track bonus
      complete: false, // exercises left
      perfect: true,
    },
  );
  s = solveExercise(s, COURSE, "t1-shift", DAY).state;
  s = solveExercise(s, COURSE, "t1-loss", DAY).state;
  const stats = trackStats(s, A, 50);
  assert.deepEqual([stats.solved, stats.earned, stats.complete], [2, 130, true]);
  // The track to continue is the first one not complete.
  assert.equal(resume(remembered(40), COURSE).slug, "a");
  assert.equal(resume(s, COURSE).slug, "b");
});

test("a track is not Mastered while one of its exercises is unsolved; what it earned stays", () => {
  const A = COURSE.tracks[0];
  let s = remembered(40);
  assert.deepEqual(mastery(s, A, DAY), {
    level: 3,
    name: "Proficient",
    slipped: false,
    earned: 4,
    recall: 100,
    unsolved: 2,
  });
  s = solveExercise(s, COURSE, "t1-shift", DAY).state;
  assert.equal(mastery(s, A, DAY).name, "Proficient");
  const last = solveExercise(s, COURSE, "t1-loss", DAY);
  assert.equal(mastery(last.state, A, DAY).name, "Mastered");
  assert.ok(last.achievements.includes("mastered-track"));
  // A track without exercises is as before.
  assert.equal(mastery(remembered(40), COURSE.tracks[1], DAY).level, 0);
  // An exercise solved before any question is answered: Attempted.
  const early = solveExercise(freshRecord(), COURSE, "t1-shift", DAY).state;
  assert.equal(mastery(early, A, DAY).name, "Attempted");
  // Recall below the mark still slips, and says so.
  const weak = remembered(7.5);
  assert.equal(mastery(weak, A, DAY).name, "Proficient");
  assert.deepEqual(
    [mastery(weak, A, "2026-06-01").name, mastery(weak, A, "2026-06-01").slipped],
    ["Familiar", true],
  );
});

test("Course complete needs every exercise; one earned before exercises existed is kept", () => {
  let s = remembered(3);
  s = answer(s, COURSE, { id: "b1", correct: true, attempt: 1 }, { today: DAY, now: 1 }).state;
  assert.ok(!("all-tracks" in s.achievements)); // the quizzes are done, two exercises are not
  s = solveExercise(s, COURSE, "t1-shift", DAY).state;
  s = solveExercise(s, COURSE, "t1-loss", DAY).state;
  assert.ok(!("all-tracks" in s.achievements)); // track 3 has an exercise and no quiz
  const done = solveExercise(s, COURSE, "t3-only", DAY);
  assert.ok(done.achievements.includes("all-tracks"));
  // An old record that earned it with every quiz done keeps it when imported.
  const old = { ...s, exercises: {}, achievements: { "all-tracks": "2025-01-01" } };
  assert.deepEqual(adopt(old, COURSE, DAY).state.achievements["all-tracks"], "2025-01-01");
  const none = { ...freshRecord(), achievements: { "all-tracks": "2025-01-01" } };
  assert.ok(!("all-tracks" in adopt(none, COURSE, DAY).state.achievements));
});

// ---- the stored record ----------------------------------------------------------------------------
const stored = (extra) => ({ schema: SCHEMA, v: 4, q: {}, bonus: {}, days: [], ach: {}, ...extra });

test("schema 3 becomes 4 with no exercise solved, and loses nothing", () => {
  const v3 = {
    schema: SCHEMA,
    v: 3,
    q: { a1: { x: 10, c: true, f: true, s: 3, h: 5, l: DAY, d: "2026-03-13" } },
    bonus: { a: 50 },
    days: [DAY],
    ach: { "first-correct": DAY },
    goal: 3,
    log: { [DAY]: 3 },
    retention: 0.85,
  };
  assert.deepEqual(MIGRATIONS[3](structuredClone(v3)), { ...v3, v: 4, e: {} });
  const { state, problems } = parse(v3);
  assert.deepEqual(problems, []);
  assert.deepEqual(state.exercises, {});
  assert.deepEqual(encode(state), { ...v3, v: 4, e: {} });
  assert.equal(totalXp(state), 60);
});

test("solved exercises go through storage and back unchanged", () => {
  const s = solveExercise(remembered(4), COURSE, "t1-shift", DAY).state;
  const written = JSON.parse(JSON.stringify(encode(s)));
  assert.deepEqual(written.e, { "t1-shift": { d: DAY, x: 30 } });
  assert.deepEqual(parse(written), { state: s, problems: [] });
});

test("a damaged exercise entry is dropped and named; the rest is kept", () => {
  const { state, problems } = parse(
    stored({
      e: {
        "t1-shift": { d: DAY, x: 30 },
        "bad-day": { d: "someday", x: 30 },
        "bad-xp": { d: DAY, x: -5 },
        "no-xp": { d: DAY },
        "extra-key": { d: DAY, x: 30, y: 1 },
        "a-day": DAY,
      },
    }),
  );
  assert.deepEqual(state.exercises, { "t1-shift": { day: DAY, xp: 30 } });
  assert.deepEqual(problems, [
    'exercise "bad-day" is not valid',
    'exercise "bad-xp" is not valid',
    'exercise "no-xp" is not valid',
    'exercise "extra-key" is not valid',
    'exercise "a-day" is not valid',
  ]);
  assert.match(parse(stored({ e: [] })).problems[0], /"e" is missing/);
});

test("a forged import: unknown exercises are ignored, XP is the course's, and pays once", () => {
  const forged = parse(
    stored({
      e: {
        "t1-shift": { d: DAY, x: 9999 },
        "t9-elsewhere": { d: DAY, x: 500 },
        __proto__: { d: DAY, x: 1 },
      },
    }),
  ).state;
  const { state, ignored, ignoredExercises } = adopt(forged, COURSE, DAY);
  assert.equal(ignored, 0);
  assert.equal(ignoredExercises, 1);
  assert.deepEqual(state.exercises, { "t1-shift": { day: DAY, xp: 30 } });
  assert.equal(totalXp(state), 30);
  // Merged into progress that solved it already, or merged twice: it still pays once.
  const mine = solveExercise(freshRecord(), COURSE, "t1-shift", "2026-03-01").state;
  const merged = merge(mine, state);
  assert.deepEqual(merged.exercises, { "t1-shift": { day: "2026-03-01", xp: 30 } });
  assert.deepEqual(merge(merged, state), merged);
  assert.equal(totalXp(merge(merge(freshRecord(), state), state)), 30);
});
