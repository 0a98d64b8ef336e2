// Unit tests of the progress rules: node --test tests/js/

import assert from "node:assert/strict";
import { test } from "node:test";
import { answer, reveal, setGoal, setRetention } from "../../extensions/progress/js/actions.js";
import { indexCourse } from "../../extensions/progress/js/course.js";
import { addDays, dayKey, dayNumber } from "../../extensions/progress/js/dates.js";
import { GOOD, HARD } from "../../extensions/progress/js/fsrs.js";
import { streaks } from "../../extensions/progress/js/goal.js";
import {
  DEFAULT_GOAL,
  freshRecord,
  level,
  paysNow,
  resume,
  totalXp,
  trackStats,
} from "../../extensions/progress/js/record.js";
import {
  due,
  forecast,
  mastery,
  mistakes,
  recallOf,
  scheduler,
  trackRecall,
  upcoming,
} from "../../extensions/progress/js/review.js";
import { openStore } from "../../extensions/progress/js/storage.js";
import { encode, MIGRATIONS, parse, SCHEMA, VERSION } from "../../extensions/progress/js/store.js";
import { adopt, merge } from "../../extensions/progress/js/sync.js";

const LEVELS = [
  [0, "Layer Novice"],
  [100, "Tensor Tinkerer"],
  [300, "Sequential Stacker"],
  [600, "Functional Architect"],
  [1000, "Callback Conductor"],
].map(([xp, name]) => ({ xp, name }));

// Course data as the build writes it (extensions/progress/assets.py, course_data()).
const question = (id, xp, page) => ({ id, xp, page });
function course(overrides = {}) {
  return {
    storageKey: "kq-test",
    progressPage: "",
    levels: LEVELS,
    trackBonus: 50,
    tracks: [
      {
        slug: "a",
        number: 1,
        title: "Track 1: A",
        about: "",
        page: "tracks/01-a.html",
        questions: [question("a1", 10, "tracks/01-a.html"), question("a2", 20, "tracks/01-a.html")],
      },
      {
        slug: "b",
        number: 2,
        title: "Track 2: B",
        about: "",
        page: "tracks/02-b.html",
        questions: [question("b1", 15, "tracks/02-b.html")],
      },
      {
        slug: "c",
        number: 3,
        title: "Track 3: C",
        about: "",
        page: "tracks/02-b.html",
        questions: [],
      },
    ],
    extra: [question("demo", 10, "authoring.html")],
    misconceptions: {
      "ops-vs-numpy": {
        title: "keras.ops is not NumPy",
        page: "tracks/01-a.html",
        anchor: "ops-vs-numpy",
      },
      "fit-once": { title: "fit runs epochs", page: "tracks/02-b.html", anchor: "fit-once" },
    },
    achievements: [
      ["first", "correct", 0, "First steps", ""],
      ["perfect", "perfect", 0, "Perfect", ""],
      ["streak-3", "streak", 3, "Streak", ""],
      ["level-2", "level", 2, "Level 2", ""],
      ["all", "all", 0, "All done", ""],
      ["master", "mastered", 0, "Mastered", ""],
    ].map(([id, kind, threshold, title, description]) => ({
      id,
      kind,
      threshold,
      title,
      description,
    })),
    ...overrides,
  };
}

const IX = indexCourse(course());
const DAY = "2026-03-10";
const ctx = (extra = {}) => ({ today: DAY, now: 1000, ...extra });
const ok = (id, attempt = 1, extra = {}) => ({
  id,
  correct: true,
  attempt,
  revealed: false,
  ...extra,
});
const wrong = (id, attempt = 1) => ({ id, correct: false, attempt, revealed: false });

// Feeds answers in order and returns the final result (state + what the last answer gave).
function play(steps, state = freshRecord()) {
  let res = { state };
  for (const [detail, c] of steps) res = answer(res.state, IX, detail, c || ctx());
  return res;
}

test("days are local calendar days and day arithmetic crosses months, years and DST", () => {
  assert.equal(dayKey(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(dayKey(new Date(2026, 0, 6, 0, 1)), "2026-01-06");
  assert.equal(addDays("2026-01-31", 1), "2026-02-01");
  assert.equal(addDays("2025-12-31", 1), "2026-01-01");
  assert.equal(addDays("2026-03-29", 1), "2026-03-30"); // EU daylight-saving change
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
});

test("levels: thresholds, the name, and the bar towards the next level", () => {
  assert.deepEqual(level(0, LEVELS), { number: 1, name: "Layer Novice", next: 100, fraction: 0 });
  assert.equal(level(99, LEVELS).number, 1);
  assert.equal(level(100, LEVELS).number, 2);
  assert.equal(level(200, LEVELS).fraction, 0.5);
  const top = level(5000, LEVELS);
  assert.equal(top.number, 5);
  assert.equal(top.next, null);
  assert.equal(top.fraction, 1);
});

test("first-attempt correct answer earns full XP", () => {
  const r = play([[ok("a1")]]);
  assert.equal(r.gained, 10);
  assert.equal(totalXp(r.state), 10);
  assert.equal(r.state.questions.a1.firstTry, true);
});

test("a later attempt earns half the XP, rounded down", () => {
  const r = play([[wrong("b1")], [ok("b1", 2)]]);
  assert.equal(r.state.questions.b1.xp, 7);
  assert.equal(r.gained, 7 + 50); // b1 is track b's only question: the bonus comes too
  assert.equal(r.state.questions.b1.firstTry, undefined);
});

test("attempts are remembered across visits: a reload does not make a new first attempt", () => {
  // Visit 1: wrong. Visit 2 (the quiz counts from 1 again): correct.
  const r = play([[wrong("a2", 1)], [ok("a2", 1)]]);
  assert.equal(r.gained, 10);
});

test("the quiz's own attempt count is honoured too", () => {
  assert.equal(play([[ok("a2", 3)]]).gained, 10);
});

test("no XP once the answer was revealed, whether by event or flag", () => {
  const s = reveal(freshRecord(), IX, "a1", ctx()).state;
  let r = answer(s, IX, ok("a1"), ctx());
  assert.equal(r.gained, 0);
  assert.equal(r.state.questions.a1.xp, 0);
  r = play([[ok("a2", 1, { revealed: true })]]);
  assert.equal(r.gained, 0);
  assert.equal(totalXp(r.state), 0);
});

test("each question awards XP once, ever", () => {
  const r = play([[ok("a1")], [ok("a1")], [wrong("a1")], [ok("a1")]]);
  assert.equal(r.gained, 0);
  assert.equal(totalXp(r.state), 10);
});

test("a reveal after a correct answer takes nothing away", () => {
  const s = play([[ok("a1")]]).state;
  const after = reveal(s, IX, "a1", ctx()).state;
  assert.equal(totalXp(after), 10);
  assert.deepEqual(after.questions.a1, s.questions.a1); // unchanged
  assert.equal(after.questions.a1.revealed, undefined);
});

test("unknown question ids change nothing", () => {
  const r = answer(freshRecord(), IX, ok("nope"), ctx());
  assert.equal(r.known, false);
  assert.deepEqual(r.state, freshRecord());
});

test("track bonus once every question of the track is answered correctly", () => {
  let r = play([[ok("a1")]]);
  assert.deepEqual(r.bonus, []);
  r = play([[wrong("a2")], [ok("a2", 2)]], r.state);
  assert.deepEqual(r.bonus, ["a"]);
  assert.equal(r.gained, 10 + 50);
  assert.equal(totalXp(r.state), 10 + 10 + 50);
  r = play([[ok("a1")], [ok("a2")]], r.state);
  assert.equal(r.gained, 0);
  assert.equal(totalXp(r.state), 70);
});

test("questions outside tracks earn XP but no bonus", () => {
  const r = play([[ok("demo")]]);
  assert.equal(r.gained, 10);
  assert.deepEqual(r.bonus, []);
});

test("the input state is never mutated", () => {
  const s = freshRecord();
  const before = JSON.stringify(s);
  answer(s, IX, ok("a1"), ctx());
  reveal(s, IX, "a2", ctx());
  assert.equal(JSON.stringify(s), before);
});

// ---- the daily goal and streaks --------------------------------------------------------------
const on = (day, now = 1) => ctx({ today: day, now });
const goal = (n, s = freshRecord(), day = DAY) => setGoal(s, IX, n, day).state;

test("streaks: days the goal was met, one rest day a week keeps a streak, two break it", () => {
  // 2026-03-02 is a Monday. A gap of one day in a week is a rest day: it keeps the run going
  // but does not count in it.
  const week = ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"];
  assert.deepEqual(streaks(week, "2026-03-06"), { current: 4, longest: 4, restLeft: false });
  // A second gap the same week breaks the run.
  const twice = ["2026-03-02", "2026-03-04", "2026-03-06"];
  assert.deepEqual(streaks(twice, "2026-03-06"), { current: 1, longest: 2, restLeft: true });
  // Sunday and the next Monday are in different weeks: both can be rest days.
  assert.equal(streaks(["2026-03-07", "2026-03-10"], "2026-03-10").current, 2);
  // Today does not break the streak before it is over; yesterday can be this week's rest day.
  assert.deepEqual(streaks(["2026-03-02", "2026-03-03"], "2026-03-04"), {
    current: 2,
    longest: 2,
    restLeft: true,
  });
  assert.deepEqual(streaks(["2026-03-02", "2026-03-03"], "2026-03-05"), {
    current: 2,
    longest: 2,
    restLeft: false,
  });
  assert.equal(streaks(["2026-03-02", "2026-03-03"], "2026-03-06").current, 0);
  assert.deepEqual(streaks([], DAY), { current: 0, longest: 0, restLeft: true });
});

test("the daily goal: first right answers and due reviews count, practice does not", () => {
  let s = goal(2);
  s = answer(s, IX, wrong("a1"), on("2026-03-01")).state;
  assert.deepEqual(s.counts, {}); // a wrong first answer is not learned yet
  s = answer(s, IX, ok("a2"), on("2026-03-01")).state;
  s = answer(s, IX, ok("a2"), on("2026-03-01")).state; // practice
  assert.deepEqual([s.counts, s.goalDays], [{ "2026-03-01": 1 }, []]);
  s = answer(s, IX, ok("a1", 2), on("2026-03-01")).state;
  assert.deepEqual([s.counts, s.goalDays], [{ "2026-03-01": 2 }, ["2026-03-01"]]);
  // a1 is due on 03-03 (right after a miss, Hard): answering it then is a review, right or wrong.
  s = answer(s, IX, wrong("a1"), on("2026-03-02")).state; // not due: practice
  assert.equal(s.counts["2026-03-02"], undefined);
  s = answer(s, IX, wrong("a1"), on("2026-03-03")).state;
  assert.equal(s.counts["2026-03-03"], 1);
  s = answer(s, IX, wrong("a1"), on("2026-03-03")).state; // no longer due today
  assert.equal(s.counts["2026-03-03"], 1);
});

test("setting the goal: 1 to 50; lowering it can meet today's goal, met days stay met", () => {
  let s = answer(freshRecord(), IX, ok("a1"), on(DAY)).state;
  assert.equal(s.goal, DEFAULT_GOAL);
  assert.deepEqual(s.goalDays, []);
  s = goal(1, s);
  assert.deepEqual(s.goalDays, [DAY]);
  s = goal(10, s);
  assert.deepEqual(s.goalDays, [DAY]);
  for (const bad of [0, 51, 2.5, "3", NaN])
    assert.match(setGoal(s, IX, bad, DAY).error, /from 1 to 50/);
});

test("activity counts are kept for 30 days only", () => {
  let s = goal(1);
  s = answer(s, IX, ok("a1"), on("2026-01-01")).state;
  s = answer(s, IX, ok("a2"), on("2026-02-15")).state;
  assert.deepEqual(Object.keys(s.counts), ["2026-02-15"]);
  assert.deepEqual(s.goalDays, ["2026-01-01", "2026-02-15"]);
});

// ---- review ------------------------------------------------------------------------------------
test("every answered question enters review: wrong or revealed is Again (1 day), right is Good (3 days)", () => {
  const r = play([[wrong("a1")]]);
  const a1 = r.state.questions.a1;
  assert.deepEqual([a1.stability, a1.reviewed, a1.due], [0.212, DAY, "2026-03-11"]);
  assert.deepEqual(due(r.state, IX, DAY), []);
  assert.deepEqual(due(r.state, IX, "2026-03-11"), ["a1"]);
  assert.deepEqual(upcoming(r.state, IX, DAY), { day: "2026-03-11", count: 1 });
  const first = play([[ok("a2")]]).state.questions.a2;
  assert.deepEqual([first.stability, first.due], [2.3065, "2026-03-13"]);
  // A reveal is a miss, and the right answer after it is no retry.
  let s = reveal(freshRecord(), IX, "b1", ctx()).state;
  assert.deepEqual([s.questions.b1.stability, s.questions.b1.due], [0.212, "2026-03-11"]);
  s = answer(s, IX, ok("b1", 2), ctx()).state;
  assert.deepEqual([s.questions.b1.stability, s.questions.b1.due], [0.212, "2026-03-11"]);
});

test("a right retry after a miss the same day turns that day's Again into Hard (2 days), once", () => {
  let s = play([[wrong("a1")], [ok("a1", 2)]]).state;
  assert.deepEqual(
    [s.questions.a1.stability, s.questions.a1.due, s.questions.a1.undo],
    [1.2931, "2026-03-12", undefined],
  );
  s = answer(s, IX, wrong("a1"), ctx()).state; // practice now: nothing moves
  s = answer(s, IX, ok("a1", 3), ctx()).state;
  assert.deepEqual([s.questions.a1.stability, s.questions.a1.due], [1.2931, "2026-03-12"]);
  // On a due day: Good from the memory it had, Hard after a miss, never both.
  const from = play([[ok("a2")]]).state; // Good, due 03-13
  const good = answer(from, IX, ok("a2"), ctx({ today: "2026-03-13" })).state.questions.a2;
  let hard = answer(from, IX, wrong("a2"), ctx({ today: "2026-03-13" })).state;
  assert.equal(hard.questions.a2.due, "2026-03-14"); // Again: tomorrow
  hard = answer(hard, IX, ok("a2", 2), ctx({ today: "2026-03-13" })).state;
  const expected = scheduler().review(
    { stability: 2.3065, difficulty: from.questions.a2.difficulty },
    3,
    HARD,
  );
  assert.equal(hard.questions.a2.stability, expected.memory.stability);
  assert.equal(hard.questions.a2.due, addDays("2026-03-13", expected.interval));
  assert.ok(good.stability > hard.questions.a2.stability && good.due > hard.questions.a2.due);
  // The retry only counts on the day of the miss.
  const later = answer(play([[wrong("a1")]]).state, IX, ok("a1"), ctx({ today: "2026-03-11" }))
    .state.questions.a1;
  assert.equal(
    later.stability,
    scheduler().review({ stability: 0.212, difficulty: 6.4133 }, 1, GOOD).memory.stability,
  );
});

test("right after opening the hint is Hard, on a first answer and on a due day", () => {
  const s = play([[ok("a1", 1, { hinted: true })]]).state;
  assert.deepEqual([s.questions.a1.stability, s.questions.a1.due], [1.2931, "2026-03-12"]);
  assert.equal(s.questions.a1.xp, 10); // a hint costs no XP
  const day = s.questions.a1.due;
  const plain = answer(s, IX, ok("a1"), ctx({ today: day })).state.questions.a1;
  const hinted = answer(s, IX, ok("a1", 1, { hinted: true }), ctx({ today: day })).state.questions
    .a1;
  const memory = { stability: 1.2931, difficulty: s.questions.a1.difficulty };
  assert.equal(hinted.stability, scheduler().review(memory, 2, HARD).memory.stability);
  assert.ok(hinted.stability < plain.stability && hinted.due < plain.due);
  // Wrong with the hint open is still Again.
  assert.equal(play([[{ ...wrong("a2"), hinted: true }]]).state.questions.a2.stability, 0.212);
});

test("questions never leave review: right answers only push the next review further out", () => {
  let s = play([[ok("a1")]]).state;
  const gaps = [];
  for (let i = 0; i < 8; i++) {
    const { reviewed, due: day } = s.questions.a1;
    gaps.push(dayNumber(day) - dayNumber(reviewed));
    s = answer(s, IX, ok("a1"), ctx({ today: day })).state;
  }
  assert.deepEqual(gaps.slice(0, 3), [3, 14, 57]);
  assert.ok(
    gaps.every((gap, i) => !i || gap > gaps[i - 1]),
    String(gaps),
  );
  assert.ok(s.questions.a1.due > "2030-01-01");
  assert.deepEqual(due(s, IX, s.questions.a1.due), ["a1"]); // still in review, years out
  // A miss lowers its memory and brings it back far sooner.
  const before = s.questions.a1;
  s = answer(s, IX, wrong("a1"), ctx({ today: before.due })).state;
  assert.ok(s.questions.a1.stability < before.stability / 10);
  assert.ok(dayNumber(s.questions.a1.due) - dayNumber(before.due) < gaps.at(-1) / 10);
});

test("a due question answered on its own page or in a test counts as its review", () => {
  let s = play([[wrong("a1")]]).state;
  s = answer(s, IX, ok("a1", 1, { test: true }), ctx({ today: "2026-03-11" })).state;
  const moved = s.questions.a1;
  assert.equal(moved.reviewed, "2026-03-11");
  // Not due: answering again (right, or wrong once it was right) is practice and moves nothing.
  s = answer(s, IX, ok("a1"), ctx({ today: "2026-03-12" })).state;
  s = answer(s, IX, wrong("a1"), ctx({ today: "2026-03-12" })).state;
  assert.deepEqual(s.questions.a1, { ...moved, last: 1000 });
});

test("review: a question moves at most once per due day, so retries cannot climb", () => {
  let s = play([[ok("a1")]]).state;
  const c = ctx({ today: "2026-03-13" });
  s = answer(s, IX, ok("a1"), c).state;
  const once = s.questions.a1;
  for (const detail of [ok("a1"), wrong("a1"), ok("a1", 2)]) s = answer(s, IX, detail, c).state;
  assert.deepEqual(s.questions.a1, once);
});

test("review and test answers never award XP twice", () => {
  let r = play([[wrong("b1")], [ok("b1", 2)]]);
  assert.equal(totalXp(r.state), 7 + 50);
  r = answer(r.state, IX, ok("b1", 1, { test: true }), ctx({ today: "2026-03-12" }));
  assert.equal(r.gained, 0);
  assert.equal(totalXp(r.state), 57);
  // Missed and never answered right: the review answer is a later attempt, so half XP, once.
  r = play([[wrong("a1")]]);
  r = answer(r.state, IX, ok("a1"), ctx({ today: "2026-03-11" }));
  assert.equal(r.gained, 5);
  r = answer(r.state, IX, ok("a1"), ctx({ today: "2026-03-14" }));
  assert.equal(r.gained, 0);
  // A test of a question never answered pays its full XP; a missed one goes into review.
  r = play([[ok("a2", 1, { test: true })], [wrong("b1")]]);
  assert.equal(r.state.questions.a2.xp, 20);
  assert.equal(r.state.questions.b1.due, "2026-03-11");
});

test("a question left blank in a test changes nothing", () => {
  const r = play([[{ ...wrong("a1"), test: true, skipped: true }]]);
  assert.deepEqual(r.state, freshRecord());
  assert.equal(r.known, true);
});

test("what a question pays now: all, half after a miss, nothing once paid or revealed", () => {
  let s = play([[wrong("a2")], [ok("b1")]]).state;
  s = reveal(s, IX, "a1", ctx()).state;
  assert.deepEqual(
    ["a1", "a2", "b1", "demo"].map((id) => paysNow(s, IX, id)),
    [0, 10, 0, 10],
  );
});

test("due reviews: the least likely recalled first, interleaved across tracks", () => {
  let s = freshRecord();
  for (const [id, day] of [
    ["a1", "2026-03-01"],
    ["a2", "2026-03-02"],
    ["b1", "2026-03-03"],
    ["demo", "2026-03-04"],
  ])
    s = answer(s, IX, wrong(id), on(day)).state;
  // Same memory, so the oldest review is the least likely recalled; a's two take turns with b's.
  assert.deepEqual(due(s, IX, "2026-03-20"), ["a1", "b1", "demo", "a2"]);
  assert.deepEqual(due(s, IX, "2026-03-03"), ["a1", "a2"]);
  // A stronger memory reviewed longer ago can still be more likely recalled: recall decides.
  s = freshRecord();
  s = answer(s, IX, ok("a1"), on("2026-03-01")).state; // Good, stability 2.3, 20 days ago
  s = answer(s, IX, wrong("a2"), on("2026-03-15")).state; // Again, stability 0.2, 6 days ago
  s = answer(s, IX, ok("b1"), on("2026-03-17")).state; // Good, 4 days ago
  const day = "2026-03-21";
  const recall = (id) => recallOf(s.questions[id], day);
  assert.ok(recall("a2") < recall("a1") && recall("a1") < recall("b1"));
  assert.deepEqual(due(s, IX, day), ["a2", "b1", "a1"]); // track a first (a2), then b, then a again
});

test("the forecast counts the reviews falling due on each of the next 14 days, overdue ones today", () => {
  let s = freshRecord();
  s = answer(s, IX, wrong("a1"), on("2026-03-01")).state; // due 03-02: overdue on 03-10
  s = answer(s, IX, wrong("a2"), on("2026-03-10")).state; // due 03-11
  s = answer(s, IX, ok("b1"), on("2026-03-10")).state; // due 03-13
  s = answer(s, IX, ok("demo"), on("2026-03-10")).state; // due 03-13
  const counts = forecast(s, IX, "2026-03-10");
  assert.equal(counts.length, 14);
  assert.deepEqual(counts.slice(0, 5), [1, 1, 0, 2, 0]);
  assert.equal(
    counts.reduce((a, b) => a + b),
    4,
  );
  assert.deepEqual(forecast(s, IX, "2026-03-14"), [4, ...Array(13).fill(0)]);
  assert.deepEqual(forecast(freshRecord(), IX, DAY), Array(14).fill(0));
});

test("desired retention: offered values only, saved, and every due day moves to match it", () => {
  let s = play([[ok("a1")]]).state;
  for (let i = 0; i < 2; i++) s = answer(s, IX, ok("a1"), ctx({ today: s.questions.a1.due })).state;
  const { reviewed, stability, due: at90 } = s.questions.a1;
  assert.equal(s.retention, 0.9);
  const higher = setRetention(s, 0.95).state;
  const lower = setRetention(s, 0.8).state;
  assert.equal(higher.retention, 0.95);
  assert.ok(higher.questions.a1.due < at90 && at90 < lower.questions.a1.due);
  assert.equal(higher.questions.a1.due, addDays(reviewed, scheduler(0.95).interval(stability)));
  assert.deepEqual(setRetention(lower, 0.9).state, s); // and back
  assert.match(setRetention(s, 0.5).error, /retentions offered/);
  // New reviews are scheduled at the chosen retention.
  const fresh = setRetention(freshRecord(), 0.8).state;
  assert.equal(
    answer(fresh, IX, ok("a1"), ctx()).state.questions.a1.due,
    addDays(DAY, scheduler(0.8).interval(2.3065)),
  );
});

// ---- mastery ---------------------------------------------------------------------------------
test("mastery rises with memory strength and slips as predicted recall falls, day by day", () => {
  const A = IX.tracks[0];
  const at = (s, day) => mastery(s, A, day);
  let s = freshRecord();
  assert.deepEqual(at(s, DAY), {
    level: 0,
    name: "Not started",
    slipped: false,
    earned: 0,
    recall: null,
    unsolved: 0,
  });
  s = answer(s, IX, wrong("a1"), on("2026-03-01")).state;
  assert.equal(at(s, "2026-03-01").name, "Attempted");
  s = answer(s, IX, ok("a1", 2), on("2026-03-01")).state; // Hard: stability 1.3, due 03-03
  s = answer(s, IX, ok("a2"), on("2026-03-01")).state; // Good: stability 2.3, due 03-04
  assert.deepEqual(at(s, "2026-03-01"), {
    level: 2,
    name: "Familiar",
    slipped: false,
    earned: 2,
    recall: 100,
    unsolved: 0,
  });
  s = answer(s, IX, ok("a1"), on("2026-03-03")).state; // stability 6.6, due 03-10
  s = answer(s, IX, ok("a2"), on("2026-03-04")).state; // stability 13.8, due 03-18
  assert.equal(at(s, "2026-03-04").name, "Familiar"); // a1 holds 90% recall for less than 7 days
  s = answer(s, IX, ok("a1"), on("2026-03-10")).state;
  const proficient = at(s, "2026-03-10");
  assert.deepEqual([proficient.name, proficient.slipped], ["Proficient", false]);
  assert.equal(proficient.recall, trackRecall(s, A, "2026-03-10"));
  s = answer(s, IX, ok("a2"), on("2026-03-18")).state; // a2's stability 57, a1's 22.5
  assert.equal(at(s, "2026-03-18").name, "Proficient");
  s = answer(s, IX, ok("a1"), on(s.questions.a1.due)).state;
  assert.ok(s.questions.a1.stability >= 30 && s.questions.a2.stability >= 30);
  let day = s.questions.a1.reviewed;
  assert.equal(at(s, day).name, "Mastered");
  // No more reviews: recall falls day by day, and mastery with it, never below Familiar.
  const seen = [];
  for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
    const m = at(s, day);
    if (seen.at(-1)?.name !== m.name)
      seen.push({ name: m.name, slipped: m.slipped, recall: m.recall, day });
  }
  assert.deepEqual(
    seen.map((m) => [m.name, m.slipped]),
    [
      ["Mastered", false],
      ["Proficient", true],
      ["Familiar", true],
    ],
  );
  // What the memories earned stays Mastered while the level slips (the achievement is kept).
  assert.equal(at(s, addDays(day, -1)).earned, 4);
  assert.equal(seen[1].recall, 89); // below the desired retention, 90%
  assert.equal(seen[2].recall, 79); // more than 10 points below it
  // A review restores it; a wrong one lowers the memory, and the level with it.
  let back = s;
  for (const id of due(s, IX, seen[1].day)) back = answer(back, IX, ok(id), on(seen[1].day)).state;
  assert.equal(mastery(back, A, seen[1].day).name, "Mastered");
  const lapse = answer(s, IX, wrong("a1"), on(s.questions.a1.due)).state;
  assert.equal(at(lapse, s.questions.a1.due).name, "Familiar");
  // A lower desired retention lowers the bar with it.
  assert.equal(at(setRetention(s, 0.8).state, seen[1].day).name, "Mastered");
});

test("the mastered achievement needs a track at Mastered", () => {
  let s = freshRecord(),
    got = [];
  const step = (d, day) => {
    const r = answer(s, IX, d, on(day));
    s = r.state;
    got.push(...r.achievements);
  };
  step(ok("b1"), "2026-03-01"); // stability 2.3, due 03-04
  step(ok("b1"), "2026-03-04"); // 13.8, due 03-18
  assert.equal(got.includes("master"), false);
  step(ok("b1"), "2026-03-18"); // 57
  assert.ok(got.includes("master"));
});

// ---- misconceptions -------------------------------------------------------------------------------
test("wrong answers remember the misconceptions they reveal; the review groups them", () => {
  const mis = (id, labels) => ({ ...wrong(id), misconceptions: labels });
  let s = play([
    [mis("a1", ["ops-vs-numpy"])],
    [mis("b1", ["ops-vs-numpy", "fit-once", "not-in-course"])],
  ]).state;
  s = answer(s, IX, mis("a1", ["ops-vs-numpy"]), ctx()).state;
  assert.deepEqual(s.questions.b1.mistakes, ["fit-once", "ops-vs-numpy"]);
  assert.deepEqual(mistakes(s, IX), [
    {
      label: "ops-vs-numpy",
      title: "keras.ops is not NumPy",
      page: "tracks/01-a.html",
      anchor: "ops-vs-numpy",
      questions: ["a1", "b1"],
    },
    {
      label: "fit-once",
      title: "fit runs epochs",
      page: "tracks/02-b.html",
      anchor: "fit-once",
      questions: ["b1"],
    },
  ]);
  // Right answers keep no label.
  assert.equal(
    play([[{ ...ok("a2"), misconceptions: ["fit-once"] }]]).state.questions.a2.mistakes,
    undefined,
  );
});

// ---- achievements, tracks, resume ---------------------------------------------------------------
test("achievements unlock once, with the day, and are never taken back", () => {
  let r = play([[ok("a1"), on("2026-03-02")]], goal(1));
  assert.deepEqual(r.achievements, ["first"]);
  assert.deepEqual(r.state.achievements, { first: "2026-03-02" });
  r = play([[ok("a2"), on("2026-03-03")]], r.state);
  assert.deepEqual(r.achievements, ["perfect"]);
  r = play(
    [
      [wrong("b1"), on("2026-03-04")],
      [ok("b1", 2), on("2026-03-04")],
    ],
    r.state,
  );
  // 10 + 20 + 50 + 7 + 50 = 137 XP: level 2; goal met three days in a row; every track done.
  assert.deepEqual(r.achievements.sort(), ["all", "level-2", "streak-3"]);
  const again = play([[ok("a1"), on("2026-04-01")]], r.state);
  assert.deepEqual(again.achievements, []);
  assert.equal(again.state.achievements.first, "2026-03-02");
});

test("a perfect track needs every question right the first time", () => {
  const r = play([[ok("a1")], [wrong("a2")], [ok("a2", 2)]]);
  assert.equal(r.state.achievements.perfect, undefined);
  assert.equal(trackStats(r.state, IX.tracks[0], 50).done, true);
  assert.equal(trackStats(r.state, IX.tracks[0], 50).perfect, false);
});

test("track statistics for the course map", () => {
  const s = play([[ok("a1")]]).state;
  assert.deepEqual(trackStats(s, IX.tracks[0], 50), {
    answered: 1,
    total: 2,
    solved: 0,
    exercises: 0,
    earned: 10,
    available: 80,
    done: false,
    complete: false,
    perfect: false,
  });
  assert.deepEqual(trackStats(s, IX.tracks[2], 50), {
    answered: 0,
    total: 0,
    solved: 0,
    exercises: 0,
    earned: 0,
    available: 0,
    done: false,
    complete: true, // nothing to do
    perfect: false,
  });
});

test("continue where you left off: the last track, or the next unfinished one", () => {
  assert.equal(resume(freshRecord(), IX).slug, "a");
  let s = play([[ok("b1"), ctx({ now: 5 })]]).state;
  assert.equal(resume(s, IX).slug, "a"); // b is done; wraps round to the unfinished a
  s = play([[ok("a1"), ctx({ now: 9 })]], s).state;
  assert.equal(resume(s, IX).slug, "a");
  s = play([[ok("a2"), ctx({ now: 10 })]], s).state;
  assert.equal(resume(s, IX), null);
});

// ---- the stored format -----------------------------------------------------------------------------
const roundTrip = (s) =>
  parse(JSON.parse(JSON.stringify({ ...encode(s), exported: "2026-03-10T10:00:00Z" })));

test("encode/parse: a round trip through JSON gives back exactly the same state", () => {
  const now = { now: Date.UTC(2026, 2, 10, 9, 30) }; // real timestamps, not small test numbers
  let s = play([
    [{ ...wrong("a1"), misconceptions: ["fit-once"] }, ctx(now)],
    [ok("a1", 2), ctx(now)],
    [ok("b1"), ctx(now)],
  ]).state;
  s = goal(3, s);
  const back = roundTrip(s);
  assert.deepEqual(back, { state: s, problems: [] });
  // Short keys only in storage.
  const stored = encode(s);
  assert.deepEqual(Object.keys(stored).sort(), [
    "ach",
    "bonus",
    "days",
    "e",
    "goal",
    "log",
    "q",
    "retention",
    "schema",
    "v",
  ]);
  // Wrong, then right on the retry: Hard.
  assert.deepEqual(stored.q.a1, {
    x: 5,
    c: true,
    w: 1,
    t: now.now,
    s: 1.2931,
    h: 5.11217071,
    l: DAY,
    d: "2026-03-12",
    m: ["fit-once"],
  });
  // Wrong only: Again, with the memory before it (none) kept for a retry that day.
  const missed = encode(play([[wrong("a2")]]).state).q.a2;
  assert.deepEqual(missed, { w: 1, t: 1000, s: 0.212, h: 6.4133, l: DAY, d: "2026-03-11", u: [] });
  assert.deepEqual(roundTrip(setRetention(s, 0.85).state).state.retention, 0.85);
});

test("parse: foreign, newer and unversioned data are refused with clear messages", () => {
  assert.equal(parse([1, 2]).code, "foreign");
  assert.equal(parse({ hello: 1 }).error, "This is not a Keras Quest progress file.");
  const newer = parse({ ...encode(freshRecord()), v: 99 });
  assert.equal(newer.code, "newer");
  assert.equal(newer.error, "This progress is from a newer version of Keras Quest (schema 99).");
  assert.match(parse({ ...encode(freshRecord()), v: "1" }).error, /has no valid version/);
});

test("parse: broken parts are dropped and named, every valid part is kept", () => {
  const bad = (patch) =>
    parse({ ...encode(freshRecord()), q: { ok: { x: 1, c: true } }, ...patch });
  const damaged = (patch) => bad(patch).problems;
  assert.deepEqual(damaged({ q: { ok: { x: 1 }, a1: { x: -3 } } }), ['question "a1" is not valid']);
  const memory = { s: 2, h: 5, l: "2026-03-01", d: "2026-03-03" };
  assert.deepEqual(bad({ q: { a1: memory } }).state.questions.a1, {
    stability: 2,
    difficulty: 5,
    reviewed: "2026-03-01",
    due: "2026-03-03",
  });
  const broken = [
    { x: 1.5 },
    { c: "yes" },
    { s: 2 },
    { ...memory, d: undefined },
    { ...memory, d: "tomorrow" },
    { ...memory, s: 0 },
    { ...memory, h: 11 },
    { ...memory, s: "2" },
    { ...memory, u: [1] },
    { ...memory, u: [2, 5, -1] },
    { m: "ops" },
    { m: [1] },
    5,
  ];
  for (const r of broken)
    assert.deepEqual(
      bad({ q: { ok: { x: 1 }, a1: r } }).state.questions,
      { ok: { xp: 1 } },
      JSON.stringify(r),
    );
  assert.deepEqual(damaged({ days: ["2026-3-1", "2026-03-01"] }), ['day "2026-3-1" is not valid']);
  assert.deepEqual(bad({ days: ["2026-3-1", "2026-03-01"] }).state.goalDays, ["2026-03-01"]);
  assert.deepEqual(damaged({ bonus: { a: "50" } }), ['track bonus "a" is not valid']);
  assert.deepEqual(damaged({ q: [] }), ['"q" is missing']);
  assert.deepEqual(damaged({ days: {} }), ['"days" is missing']);
  assert.deepEqual(damaged({ ach: { first: 3 } }), ['achievement "first" is not valid']);
  assert.deepEqual(damaged({ goal: 0 }), ["the daily goal is not valid"]);
  assert.deepEqual(damaged({ retention: 0.5 }), ["the desired retention is not valid"]);
  assert.equal(bad({ retention: "0.8" }).state.retention, 0.9);
  assert.deepEqual(damaged({ log: { "2026-03-01": -1 } }), ['day count "2026-03-01" is not valid']);
  assert.equal(bad({ goal: 0 }).state.goal, DEFAULT_GOAL);
});

test("parse: unknown fields are dropped, days sorted and de-duplicated", () => {
  const p = parse({
    ...encode(freshRecord()),
    days: ["2026-03-02", "2026-03-01", "2026-03-02"],
    q: { a1: { x: 10, c: true, zz: 1 } },
  });
  assert.deepEqual(p.state.goalDays, ["2026-03-01", "2026-03-02"]);
  assert.deepEqual(p.state.questions.a1, { xp: 10, correct: true });
});

test("migrations run in order up to the current schema", () => {
  const chain = {
    1: (o) => ({
      ...o,
      v: 2,
      q: Object.fromEntries(Object.entries(o.xp).map(([k, x]) => [k, { x, c: true }])),
    }),
    2: (o) => ({ ...o, v: 3, days: o.days || [] }),
  };
  const old = { schema: SCHEMA, v: 1, xp: { a1: 10 }, bonus: {}, ach: {} };
  const p = parse(old, chain, 3);
  assert.deepEqual(p.state.questions, { a1: { xp: 10, correct: true } });
  assert.deepEqual(p.state.goalDays, []);
  assert.match(parse(old, { 1: chain[1] }, 3).error, /cannot be upgraded from schema 2/);
  assert.deepEqual(Object.keys(MIGRATIONS), ["1", "2", "3"]);
});

test("schema 1 migrates: right answers join review, old streak days stay met", () => {
  const t = new Date(2026, 2, 10, 12).getTime(); // 2026-03-10, local noon
  const v1 = {
    schema: SCHEMA,
    v: 1,
    q: {
      a1: { x: 10, c: true, f: true, t },
      a2: { w: 1, b: 1, d: "2026-03-11", t },
      b1: { x: 7, c: true },
    },
    bonus: {},
    days: ["2026-03-10"],
    ach: { first: "2026-03-10" },
  };
  const { state, problems } = parse(v1);
  assert.deepEqual(problems, []);
  // Then on to schema 3: box 2 due 03-12 is a Good answer on 03-10, box 1 due 03-11 an Again one.
  const good = { stability: 2.3065, difficulty: 2.11810397, reviewed: "2026-03-10" };
  assert.deepEqual(state.questions.a1, {
    xp: 10,
    correct: true,
    firstTry: true,
    last: t,
    ...good,
    due: "2026-03-12",
  });
  assert.deepEqual(state.questions.a2, {
    wrong: 1,
    stability: 0.212,
    difficulty: 6.4133,
    reviewed: "2026-03-10",
    due: "2026-03-11",
    last: t,
  });
  assert.deepEqual(state.questions.b1, { xp: 7, correct: true }); // no time known: not scheduled
  assert.deepEqual([state.goalDays, state.goal, state.counts], [["2026-03-10"], DEFAULT_GOAL, {}]);
  assert.deepEqual(v1.q.a1, { x: 10, c: true, f: true, t }); // the input is not changed
});

test("schema 2 migrates: boxes become memories; a huge recall count is replayed 20 times at most", () => {
  const v2 = {
    schema: SCHEMA,
    v: 2,
    bonus: {},
    days: [],
    ach: {},
    goal: 5,
    log: {},
    q: {
      a1: { x: 10, c: true, f: true, t: 1, b: 5, d: "2026-03-20", k: 1e12 },
      a2: { w: 1, d: "2026-03-01" },
      b1: 7,
    },
  };
  const started = Date.now();
  const { state, problems } = parse(v2);
  assert.ok(Date.now() - started < 1000);
  assert.deepEqual(problems, ['question "b1" is not valid']);
  assert.equal(state.questions.a1.reviewed, "2026-03-04"); // box 5: 16 days before it was due
  assert.ok(state.questions.a1.due <= "2026-03-20" && state.questions.a1.stability > 100);
  assert.deepEqual(state.questions.a2, { wrong: 1 }); // a due day without a box meant nothing
});

// ---- import -------------------------------------------------------------------------------------
test("import: XP, bonuses and achievements are worked out again; unknown ids are ignored and counted", () => {
  const claimed = parse({
    ...encode(freshRecord()),
    q: {
      a1: { x: 100000, c: true },
      a2: { x: 999, c: true, f: true },
      b1: { x: 3, w: 2 },
      ghost: { x: 50, c: true },
      other: { c: true },
    },
    bonus: { a: 5000, zz: 9 },
    ach: { first: "2026-01-01", bogus: "2026-01-01" },
  }).state;
  const { state, ignored } = adopt(claimed, IX, DAY);
  assert.equal(ignored, 2);
  assert.deepEqual(Object.keys(state.questions).sort(), ["a1", "a2", "b1"]);
  assert.deepEqual(
    [state.questions.a1.xp, state.questions.a2.xp, state.questions.b1.xp],
    [5, 20, undefined],
  );
  assert.deepEqual(state.bonus, { a: 50 });
  assert.equal(totalXp(state), 5 + 20 + 50);
  assert.deepEqual(Object.keys(state.achievements).sort(), ["first"]);
});

test("merge: never adds XP up, keeps everything earned, and is idempotent", () => {
  const a = play(
    [
      [ok("a1"), ctx({ today: "2026-03-01", now: 1 })],
      [wrong("b1"), ctx({ now: 2 })],
    ],
    goal(1),
  ).state;
  const b = play(
    [
      [ok("a2"), ctx({ today: "2026-03-05", now: 3 })],
      [ok("b1"), ctx({ now: 4 })],
    ],
    goal(1),
  ).state;
  const m = merge(a, b);
  assert.deepEqual(merge(m, m), m);
  assert.deepEqual(merge(a, a), a);
  assert.equal(totalXp(m), 10 + 20 + 15 + 50); // b1 keeps its larger award; a's bonus from b
  assert.deepEqual(m.goalDays, ["2026-03-01", "2026-03-05", DAY].sort());
  assert.equal(totalXp(merge(m, a)), totalXp(m));
  assert.equal(totalXp(merge(b, a)), totalXp(m));
  // The later review decides the memory: b answered b1 right (Good) after a missed it (Again).
  assert.deepEqual(
    [m.questions.b1.stability, m.questions.b1.due, m.questions.b1.undo],
    [2.3065, "2026-03-13", undefined],
  );
  // A later review day wins over a later answer.
  const reviewedLater = answer(b, IX, ok("b1"), ctx({ today: "2026-03-13", now: 0 })).state;
  assert.equal(merge(reviewedLater, a).questions.b1.reviewed, "2026-03-13");
  assert.equal(merge(a, reviewedLater).questions.b1.reviewed, "2026-03-13");
  assert.equal(m.achievements.first, "2026-03-01");
});

// ---- storage ------------------------------------------------------------------------------------
// A Storage look-alike; `broken` makes a method throw like a full or disabled localStorage.
function fakeStorage(init = {}) {
  const data = { ...init };
  return {
    data,
    broken: new Set(),
    get length() {
      return Object.keys(data).length;
    },
    key(i) {
      return Object.keys(data)[i] ?? null;
    },
    getItem(k) {
      if (this.broken.has("get")) throw new Error("SecurityError");
      return Object.hasOwn(data, k) ? data[k] : null;
    },
    setItem(k, v) {
      if (this.broken.has("set")) throw new Error("QuotaExceededError");
      data[k] = String(v);
    },
    removeItem(k) {
      delete data[k];
    },
  };
}
const answerWith = (detail) => (s) => answer(s, IX, detail, ctx());
const stored = (fs) => parse(JSON.parse(fs.data.kq)).state;

test("store: empty storage starts fresh; answers are saved under one key", () => {
  const fs = fakeStorage();
  const st = openStore(fs, "kq", () => 7);
  assert.deepEqual(st.read(), freshRecord());
  st.update(answerWith(ok("a1")));
  assert.deepEqual(Object.keys(fs.data), ["kq"]);
  assert.equal(totalXp(stored(fs)), 10);
  assert.deepEqual(st.notices, []);
  assert.equal(st.warning(), null);
});

test("store: unreadable data is set aside whole, then a fresh start with a notice until dismissed", () => {
  for (const raw of ["{not json", JSON.stringify({ something: "else" })]) {
    const fs = fakeStorage({ kq: raw });
    const st = openStore(fs, "kq", () => 42);
    assert.deepEqual(st.read(), freshRecord());
    assert.equal(fs.data["kq:backup:42:unreadable"], raw);
    assert.deepEqual(stored(fs), freshRecord());
    assert.equal(st.warning().key, "kq:backup:42:unreadable");
    st.update(answerWith(ok("a1")));
    assert.equal(totalXp(stored(fs)), 10); // saving again, not in memory
    // Still there on the next visit, gone once dismissed.
    assert.equal(openStore(fs, "kq", () => 43).warning().at, 42);
    st.dismiss();
    assert.equal(openStore(fs, "kq", () => 44).warning(), null);
  }
});

test("store: one broken record sets aside a copy and keeps every valid record", () => {
  const good = encode(play([[ok("a1")], [ok("b1")]]).state);
  const raw = JSON.stringify({ ...good, q: { ...good.q, a2: { x: "lots" } } });
  const fs = fakeStorage({ kq: raw });
  const st = openStore(fs, "kq", () => 5);
  const s = st.read();
  assert.deepEqual(Object.keys(s.questions).sort(), ["a1", "b1"]);
  assert.equal(totalXp(s), 10 + 15 + 50);
  assert.equal(fs.data["kq:backup:5:damaged"], raw);
  assert.equal(totalXp(stored(fs)), 75);
  assert.equal(st.warning().why, "damaged");
});

test("store: at most three copies are kept, the oldest dropped; reset and replace keep one too", () => {
  let clock = 0;
  const fs = fakeStorage();
  const st = openStore(fs, "kq", () => ++clock);
  st.update(answerWith(ok("a1")));
  for (let i = 0; i < 4; i++)
    st.replace(answer(freshRecord(), IX, ok("a1"), ctx()).state, "replaced");
  st.replace(freshRecord(), "reset");
  assert.deepEqual(
    st.backups().map((b) => [b.at, b.why]),
    [
      [5, "reset"],
      [4, "replaced"],
      [3, "replaced"],
    ],
  );
  assert.equal(totalXp(parse(JSON.parse(st.raw("kq:backup:5:reset"))).state), 10);
  assert.equal(st.warning(), null); // copies made on the learner's request are not warnings
  st.forget("kq:backup:5:reset");
  assert.equal(st.backups().length, 2);
  // Nothing to keep: resetting empty progress makes no copy.
  const empty = openStore(fakeStorage(), "kq", () => 1);
  empty.replace(freshRecord(), "reset");
  assert.deepEqual(empty.backups(), []);
});

test("store: corrupt data that cannot be backed up is left untouched", () => {
  const fs = fakeStorage({ kq: "{oops" });
  fs.broken.add("set");
  const st = openStore(fs, "kq", () => 1);
  st.update(answerWith(ok("a1")));
  assert.equal(fs.data.kq, "{oops");
  assert.equal(st.notices[0].code, "unsaved-corrupt");
  assert.equal(totalXp(st.read()), 10);
});

test("store: data from a newer version is never overwritten; this visit runs in memory", () => {
  const newer = JSON.stringify({ ...encode(freshRecord()), v: VERSION + 1, whatever: true });
  const fs = fakeStorage({ kq: newer });
  const st = openStore(fs, "kq", () => 1);
  st.update(answerWith(ok("a1")));
  assert.equal(fs.data.kq, newer);
  assert.deepEqual(st.notices, [{ code: "newer" }]);
  assert.equal(totalXp(st.read()), 10);
});

test("store: unavailable storage (disabled, or full) falls back to memory with one notice", () => {
  const off = fakeStorage();
  off.broken.add("get");
  const st = openStore(off, "kq", () => 1);
  st.update(answerWith(ok("a1")));
  st.update(answerWith(ok("a2")));
  assert.equal(totalXp(st.read()), 30 + 50);
  assert.deepEqual(st.notices, [{ code: "unavailable" }]);
  assert.deepEqual(openStore(null, "kq", () => 1).read(), freshRecord());

  const full = fakeStorage();
  const st2 = openStore(full, "kq", () => 1);
  st2.update(answerWith(ok("a1")));
  full.broken.add("set");
  st2.update(answerWith(ok("a2")));
  assert.equal(totalXp(st2.read()), 80); // nothing lost for the visit
  assert.equal(totalXp(stored(full)), 10); // the last save that worked stays
  assert.equal(st2.notices[0].code, "unavailable");
});

test("store: two tabs build on each other's answers and cannot double-award XP", () => {
  const fs = fakeStorage();
  const tab1 = openStore(fs, "kq", () => 1);
  const tab2 = openStore(fs, "kq", () => 1);
  tab1.update(answerWith(ok("a1")));
  const r = tab2.update(answerWith(ok("a1")));
  assert.equal(r.gained, 0);
  tab2.update(answerWith(ok("b1")));
  tab1.update(answerWith(ok("a2")));
  assert.equal(totalXp(stored(fs)), 10 + 15 + 50 + 20 + 50);
});

// ---- a learner's week, end to end (the walk-through in the closing note) ----------------------
test("a learner's week: goal, rest day, review, a test, mastery and a streak that breaks", () => {
  const four = (t) => [1, 2, 3, 4].map((i) => question(`${t}${i}`, 10, "tracks/01-a.html"));
  const W = indexCourse(
    course({
      tracks: ["t", "u", "v"].map((slug, n) => ({
        slug,
        number: n + 1,
        title: slug,
        page: "tracks/01-a.html",
        questions: four(slug),
      })),
      extra: [],
    }),
  );
  let s = freshRecord(),
    now = 0;
  const say = (day, id, right, extra = {}) =>
    (s = answer(
      s,
      W,
      { id, correct: right, attempt: 1, ...extra },
      { today: day, now: ++now },
    ).state);
  const reviewAll = (day) => {
    for (const id of due(s, W, day)) say(day, id, true);
  };
  const at = (day) => ({
    counted: s.counts[day] || 0,
    streak: streaks(s.goalDays, day).current,
    xp: totalXp(s),
    mastery: W.tracks.map((t) => mastery(s, t, day).name).join("/"),
  });
  // Monday: track t, one miss. Four learning answers miss the default goal of 5; lowering the
  // goal to 4 meets it.
  for (const id of ["t1", "t2", "t3"]) say("2026-03-02", id, true);
  say("2026-03-02", "t4", false);
  say("2026-03-02", "t4", true, { attempt: 2 });
  assert.deepEqual(at("2026-03-02"), {
    counted: 4,
    streak: 0,
    xp: 85,
    mastery: "Familiar/Not started/Not started",
  });
  s = setGoal(s, W, 4, "2026-03-02").state;
  assert.equal(at("2026-03-02").streak, 1);
  // Tuesday: nothing is due yet (t4, right on the retry, is Hard: two days; the others Good:
  // three); track u is four learning answers, the goal met.
  assert.deepEqual(due(s, W, "2026-03-03"), []);
  for (const id of ["u1", "u2", "u3", "u4"]) say("2026-03-03", id, true);
  assert.deepEqual(at("2026-03-03"), {
    counted: 4,
    streak: 2,
    xp: 175,
    mastery: "Familiar/Familiar/Not started",
  });
  // Wednesday: t4 comes back; v1 right, v2 missed. Two learning answers: the goal is missed.
  assert.deepEqual(due(s, W, "2026-03-04"), ["t4"]);
  reviewAll("2026-03-04");
  say("2026-03-04", "v1", true);
  say("2026-03-04", "v2", false);
  assert.deepEqual(at("2026-03-04"), {
    counted: 2,
    streak: 2,
    xp: 185,
    mastery: "Familiar/Familiar/Attempted",
  });
  // Thursday: nothing done, a second missed day this week. Due: v2 (missed, least likely
  // recalled), then t1-t3; the forecast shows Friday's u1-u4 and t4's next review.
  assert.deepEqual(due(s, W, "2026-03-05"), ["v2", "t1", "t2", "t3"]);
  assert.deepEqual(forecast(s, W, "2026-03-05"), [4, 4, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  // Friday: eight reviews, interleaved; v2 pays half its XP now. The streak starts again at 1.
  assert.deepEqual(due(s, W, "2026-03-06"), ["v2", "t1", "u1", "t2", "u2", "t3", "u3", "u4"]);
  reviewAll("2026-03-06");
  assert.deepEqual(at("2026-03-06"), {
    counted: 8,
    streak: 1,
    xp: 190,
    mastery: "Familiar/Proficient/Attempted",
  });
  // Saturday: a test of track v. v3 and v4 pay full XP and complete v (bonus); v2, already paid
  // and not due, is practice. Two learning answers: the goal is missed.
  for (const id of ["v2", "v3", "v4"]) say("2026-03-07", id, true, { test: true });
  assert.deepEqual(at("2026-03-07"), {
    counted: 2,
    streak: 1,
    xp: 260,
    mastery: "Familiar/Proficient/Familiar",
  });
  // Sunday: v1 is due. No track is Mastered in a week: that takes memories lasting 30 days.
  reviewAll("2026-03-08");
  assert.deepEqual(at("2026-03-08"), {
    counted: 1,
    streak: 1,
    xp: 260,
    mastery: "Familiar/Proficient/Familiar",
  });
  assert.deepEqual(
    W.tracks.map((t) => mastery(s, t, "2026-03-08").recall),
    [97, 98, 95],
  );
  assert.equal(streaks(s.goalDays, "2026-03-08").longest, 2);
  assert.deepEqual(s.achievements, {
    first: "2026-03-02",
    perfect: "2026-03-03",
    "level-2": "2026-03-03",
    all: "2026-03-07",
  });
});
