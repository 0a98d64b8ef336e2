// Unit tests of the progress rules: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const P = require("../../extensions/progress/static/progress-core.js");

const LEVELS = [
  [0, "Layer Novice"],
  [100, "Tensor Tinkerer"],
  [300, "Sequential Stacker"],
  [600, "Functional Architect"],
  [1000, "Callback Conductor"],
];

function course(overrides = {}) {
  return {
    key: "kq-test",
    levels: LEVELS,
    bonus: 50,
    review: [1, 2, 4],
    pages: ["tracks/01-a.html", "tracks/02-b.html", "authoring.html"],
    tracks: [
      { id: "a", n: 1, title: "Track 1: A", p: 0, q: [["a1", 10, 0], ["a2", 20, 0]] },
      { id: "b", n: 2, title: "Track 2: B", p: 1, q: [["b1", 15, 1]] },
      { id: "c", n: 3, title: "Track 3: C", p: 1, q: [] },
    ],
    extra: [["demo", 10, 2]],
    ach: [
      ["first", "correct", 0, "First steps", ""],
      ["perfect", "perfect", 0, "Perfect", ""],
      ["streak-3", "streak", 3, "Streak", ""],
      ["level-2", "level", 2, "Level 2", ""],
      ["all", "all", 0, "All done", ""],
    ],
    ...overrides,
  };
}

const IX = P.index(course());
const DAY = "2026-03-10";
const ctx = (extra = {}) => ({ today: DAY, now: 1000, ...extra });
const ok = (id, attempt = 1, extra = {}) => ({ id, correct: true, attempt, revealed: false, ...extra });
const wrong = (id, attempt = 1) => ({ id, correct: false, attempt, revealed: false });

// Feeds answers in order and returns the final result (state + what the last answer gave).
function play(steps, state = P.fresh()) {
  let res = { state };
  for (const [detail, c] of steps) res = P.answer(res.state, IX, detail, c || ctx());
  return res;
}

test("days are local calendar days and day arithmetic crosses months, years and DST", () => {
  assert.equal(P.dayKey(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(P.dayKey(new Date(2026, 0, 6, 0, 1)), "2026-01-06");
  assert.equal(P.addDays("2026-01-31", 1), "2026-02-01");
  assert.equal(P.addDays("2025-12-31", 1), "2026-01-01");
  assert.equal(P.addDays("2026-03-29", 1), "2026-03-30"); // EU daylight-saving change
  assert.equal(P.addDays("2026-03-01", -1), "2026-02-28");
});

test("levels: thresholds, the name, and the bar towards the next level", () => {
  assert.deepEqual(P.level(0, LEVELS), { n: 1, name: "Layer Novice", next: 100, frac: 0 });
  assert.equal(P.level(99, LEVELS).n, 1);
  assert.equal(P.level(100, LEVELS).n, 2);
  assert.equal(P.level(200, LEVELS).frac, 0.5);
  const top = P.level(5000, LEVELS);
  assert.equal(top.n, 5);
  assert.equal(top.next, null);
  assert.equal(top.frac, 1);
});

test("first-attempt correct answer earns full XP", () => {
  const r = play([[ok("a1")]]);
  assert.equal(r.gained, 10);
  assert.equal(P.total(r.state), 10);
  assert.equal(r.state.q.a1.f, true);
});

test("a later attempt earns half the XP, rounded down", () => {
  const r = play([[wrong("b1")], [ok("b1", 2)]]);
  assert.equal(r.state.q.b1.x, 7);
  assert.equal(r.gained, 7 + 50); // b1 is track b's only question: the bonus comes too
  assert.equal(r.state.q.b1.f, undefined);
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
  let s = P.reveal(P.fresh(), IX, "a1", ctx()).state;
  let r = P.answer(s, IX, ok("a1"), ctx());
  assert.equal(r.gained, 0);
  assert.equal(r.state.q.a1.x, 0);
  r = play([[ok("a2", 1, { revealed: true })]]);
  assert.equal(r.gained, 0);
  assert.equal(P.total(r.state), 0);
});

test("each question awards XP once, ever", () => {
  const r = play([[ok("a1")], [ok("a1")], [wrong("a1")], [ok("a1")]]);
  assert.equal(r.gained, 0);
  assert.equal(P.total(r.state), 10);
});

test("a reveal after a correct answer takes nothing away", () => {
  const s = play([[ok("a1")]]).state;
  const after = P.reveal(s, IX, "a1", ctx()).state;
  assert.equal(P.total(after), 10);
  assert.equal(after.q.a1.b, undefined);
});

test("unknown question ids change nothing", () => {
  const r = P.answer(P.fresh(), IX, ok("nope"), ctx());
  assert.equal(r.known, false);
  assert.deepEqual(r.state, P.fresh());
});

test("track bonus once every question of the track is answered correctly", () => {
  let r = play([[ok("a1")]]);
  assert.deepEqual(r.bonus, []);
  r = play([[wrong("a2")], [ok("a2", 2)]], r.state);
  assert.deepEqual(r.bonus, ["a"]);
  assert.equal(r.gained, 10 + 50);
  assert.equal(P.total(r.state), 10 + 10 + 50);
  r = play([[ok("a1")], [ok("a2")]], r.state);
  assert.equal(r.gained, 0);
  assert.equal(P.total(r.state), 70);
});

test("questions outside tracks earn XP but no bonus", () => {
  const r = play([[ok("demo")]]);
  assert.equal(r.gained, 10);
  assert.deepEqual(r.bonus, []);
});

test("the input state is never mutated", () => {
  const s = P.fresh();
  const before = JSON.stringify(s);
  P.answer(s, IX, ok("a1"), ctx());
  P.reveal(s, IX, "a2", ctx());
  assert.equal(JSON.stringify(s), before);
});

test("streaks count local days with a correct answer; the current one survives until tomorrow ends", () => {
  const days = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"];
  assert.deepEqual(P.streaks(days, "2026-03-06"), { current: 2, longest: 3 });
  assert.deepEqual(P.streaks(days, "2026-03-07"), { current: 2, longest: 3 });
  assert.deepEqual(P.streaks(days, "2026-03-08"), { current: 0, longest: 3 });
  assert.deepEqual(P.streaks([], DAY), { current: 0, longest: 0 });
});

test("only correct answers make a streak day", () => {
  let r = play([[wrong("a1"), ctx({ today: "2026-03-01" })]]);
  assert.deepEqual(r.state.days, []);
  r = play([[ok("b1"), ctx({ today: "2026-03-02" })]], r.state);
  assert.deepEqual(r.state.days, ["2026-03-02"]);
});

test("missed questions enter review box 1, due after the first interval", () => {
  const r = play([[wrong("a1")]]);
  assert.equal(r.state.q.a1.b, 1);
  assert.equal(r.state.q.a1.d, "2026-03-11");
  assert.deepEqual(P.due(r.state, IX, DAY), []);
  assert.deepEqual(P.due(r.state, IX, "2026-03-11"), ["a1"]);
  assert.deepEqual(P.upcoming(r.state, IX, DAY), { day: "2026-03-11", count: 1 });
  // A first-attempt correct answer never goes to review.
  assert.equal(play([[ok("a2")]]).state.q.a2.b, undefined);
  // A reveal is a miss too.
  assert.equal(P.reveal(P.fresh(), IX, "b1", ctx()).state.q.b1.b, 1);
});

test("review: right moves up a box, wrong back to box 1, past the last box it leaves review", () => {
  let s = play([[wrong("a1")]]).state;
  const review = (day, detail) => {
    s = P.answer(s, IX, detail, ctx({ today: day })).state;
    return s.q.a1;
  };
  assert.deepEqual([review("2026-03-11", ok("a1")).b, s.q.a1.d], [2, "2026-03-13"]);
  assert.deepEqual([review("2026-03-13", wrong("a1")).b, s.q.a1.d], [1, "2026-03-14"]);
  review("2026-03-14", ok("a1"));
  assert.deepEqual([review("2026-03-16", ok("a1")).b, s.q.a1.d], [3, "2026-03-20"]);
  const last = review("2026-03-20", ok("a1"));
  assert.equal(last.b, undefined);
  assert.equal(last.d, undefined);
  assert.deepEqual(P.due(s, IX, "2030-01-01"), []);
});

test("a due question answered on its own page counts as its review", () => {
  let s = play([[wrong("a1")]]).state;
  s = P.answer(s, IX, ok("a1"), ctx({ today: "2026-03-11" })).state;
  assert.deepEqual([s.q.a1.b, s.q.a1.d], [2, "2026-03-13"]);
  // Not due yet: answering again (right or wrong, once it was right) changes nothing.
  s = P.answer(s, IX, ok("a1"), ctx({ today: "2026-03-12" })).state;
  s = P.answer(s, IX, wrong("a1"), ctx({ today: "2026-03-12" })).state;
  assert.deepEqual([s.q.a1.b, s.q.a1.d], [2, "2026-03-13"]);
});

test("review: a question moves at most once per due day, so retries cannot climb boxes", () => {
  let s = play([[wrong("a1")]]).state;
  const c = ctx({ today: "2026-03-11" });
  s = P.answer(s, IX, wrong("a1"), c).state;
  s = P.answer(s, IX, ok("a1", 2), c).state;
  assert.equal(s.q.a1.b, 1);
  assert.equal(s.q.a1.d, "2026-03-12");
});

test("review answers never award XP twice", () => {
  // Missed, then right on the track page (half XP), then right on the Review page.
  let r = play([[wrong("b1")], [ok("b1", 2)]]);
  assert.equal(P.total(r.state), 7 + 50);
  r = P.answer(r.state, IX, ok("b1"), ctx({ today: "2026-03-11" }));
  assert.equal(r.gained, 0);
  assert.equal(P.total(r.state), 57);
  // Missed and never answered right: the review answer is a later attempt, so half XP, once.
  r = play([[wrong("a1")]]);
  r = P.answer(r.state, IX, ok("a1"), ctx({ today: "2026-03-11" }));
  assert.equal(r.gained, 5);
  r = P.answer(r.state, IX, ok("a1"), ctx({ today: "2026-03-13" }));
  assert.equal(r.gained, 0);
});

test("achievements unlock once, with the day, and are never taken back", () => {
  let r = play([[ok("a1"), ctx({ today: "2026-03-01" })]]);
  assert.deepEqual(r.ach, ["first"]);
  assert.deepEqual(r.state.ach, { first: "2026-03-01" });
  r = play([[ok("a2"), ctx({ today: "2026-03-02" })]], r.state);
  assert.deepEqual(r.ach, ["perfect"]);
  r = play([[wrong("b1"), ctx({ today: "2026-03-03" })], [ok("b1", 2), ctx({ today: "2026-03-03" })]], r.state);
  // 10 + 20 + 50 + 7 + 50 = 137 XP: level 2; three days in a row; every track with questions done.
  assert.deepEqual(r.ach.sort(), ["all", "level-2", "streak-3"]);
  assert.equal(r.state.ach.first, "2026-03-01");
  const again = play([[ok("a1"), ctx({ today: "2026-04-01" })]], r.state);
  assert.deepEqual(again.ach, []);
  assert.equal(again.state.ach.first, "2026-03-01");
});

test("a perfect track needs every question right the first time", () => {
  const r = play([[ok("a1")], [wrong("a2")], [ok("a2", 2)]]);
  assert.equal(r.state.ach.perfect, undefined);
  assert.equal(P.trackStats(r.state, IX.tracks[0], 50).done, true);
  assert.equal(P.trackStats(r.state, IX.tracks[0], 50).perfect, false);
});

test("track statistics for the course map", () => {
  const s = play([[ok("a1")]]).state;
  assert.deepEqual(P.trackStats(s, IX.tracks[0], 50), {
    answered: 1, total: 2, earned: 10, available: 80, done: false, perfect: false,
  });
  assert.deepEqual(P.trackStats(s, IX.tracks[2], 50), {
    answered: 0, total: 0, earned: 0, available: 0, done: false, perfect: false,
  });
});

test("continue where you left off: the last track, or the next unfinished one", () => {
  assert.equal(P.resume(P.fresh(), IX).id, "a");
  let s = play([[ok("b1"), ctx({ now: 5 })]]).state;
  assert.equal(P.resume(s, IX).id, "a"); // b is done; wraps round to the unfinished a
  s = play([[ok("a1"), ctx({ now: 9 })]], s).state;
  assert.equal(P.resume(s, IX).id, "a");
  s = play([[ok("a2"), ctx({ now: 10 })]], s).state;
  assert.equal(P.resume(s, IX), null);
});

test("parse: a round trip through JSON gives back exactly the same state", () => {
  const now = { now: Date.UTC(2026, 2, 10, 9, 30) }; // real timestamps, not small test numbers
  const s = play([[wrong("a1"), ctx(now)], [ok("a1", 2), ctx(now)], [ok("b1"), ctx(now)]]).state;
  const back = P.parse(JSON.parse(JSON.stringify({ ...s, exported: "2026-03-10T10:00:00Z" })));
  assert.deepEqual(back.state, s);
});

test("parse: foreign, newer and damaged data get clear messages", () => {
  assert.equal(P.parse([1, 2]).code, "foreign");
  assert.equal(P.parse({ hello: 1 }).error, "This is not a Keras Quest progress file.");
  const newer = P.parse({ ...P.fresh(), v: 99 });
  assert.equal(newer.code, "newer");
  assert.equal(newer.error, "This progress is from a newer version of Keras Quest (schema 99).");
  const bad = (patch) => P.parse({ ...P.fresh(), ...patch });
  assert.match(bad({ v: "1" }).error, /has no valid version/);
  const damaged = /^The progress data is damaged: question "a1" is not valid\.$/;
  assert.match(bad({ q: { a1: { x: -3 } } }).error, damaged);
  assert.match(bad({ q: { a1: { x: 1.5 } } }).error, damaged);
  assert.match(bad({ q: { a1: { c: "yes" } } }).error, damaged);
  assert.match(bad({ q: { a1: { b: 2 } } }).error, damaged); // a review box needs a due day
  assert.match(bad({ q: { a1: { b: 2, d: "tomorrow" } } }).error, damaged);
  assert.match(bad({ q: { a1: 5 } }).error, damaged);
  assert.match(bad({ days: ["2026-3-1"] }).error, /day "2026-3-1" is not valid/);
  assert.match(bad({ bonus: { a: "50" } }).error, /track bonus "a" is not valid/);
  assert.match(bad({ q: [] }).error, /"q" is missing/);
  assert.match(bad({ days: {} }).error, /"days" is missing/);
  assert.match(bad({ ach: { first: 3 } }).error, /achievement "first" is not valid/);
  assert.equal(bad({ q: { ok: { x: 1 }, a1: { x: -1 } } }).state, undefined);
});

test("parse: unknown fields are dropped, days sorted and de-duplicated", () => {
  const p = P.parse({ ...P.fresh(), days: ["2026-03-02", "2026-03-01", "2026-03-02"], q: { a1: { x: 10, c: true, zz: 1 } } });
  assert.deepEqual(p.state.days, ["2026-03-01", "2026-03-02"]);
  assert.deepEqual(p.state.q.a1, { x: 10, c: true });
});

test("migrations run in order up to the current schema", () => {
  const chain = {
    1: (o) => ({ ...o, v: 2, q: Object.fromEntries(Object.entries(o.xp).map(([k, x]) => [k, { x, c: true }])) }),
    2: (o) => ({ ...o, v: 3, days: o.days || [] }),
  };
  const old = { schema: P.SCHEMA, v: 1, xp: { a1: 10 }, bonus: {}, ach: {} };
  const p = P.parse(old, chain, 3);
  assert.equal(p.state.v, 3);
  assert.deepEqual(p.state.q, { a1: { x: 10, c: true } });
  assert.deepEqual(p.state.days, []);
  assert.equal(P.parse(old, { 1: chain[1] }, 3).code, "invalid");
  assert.match(P.parse(old, { 1: chain[1] }, 3).error, /cannot be upgraded from schema 2/);
  assert.deepEqual(P.MIGRATIONS, {}); // schema 1 is the first shipped
});

test("merge: never adds XP up, keeps everything earned, and is idempotent", () => {
  const a = play([[ok("a1"), ctx({ today: "2026-03-01", now: 1 })], [wrong("b1"), ctx({ now: 2 })]]).state;
  const b = play([[ok("a2"), ctx({ today: "2026-03-05", now: 3 })], [ok("b1"), ctx({ now: 4 })]]).state;
  const m = P.merge(a, b);
  assert.deepEqual(P.merge(m, m), m);
  assert.deepEqual(P.merge(a, a), a);
  assert.equal(P.total(m), 10 + 20 + 15 + 50); // b1 keeps its larger award; a's bonus from b
  assert.deepEqual(m.days, ["2026-03-01", "2026-03-05", DAY].sort());
  assert.equal(P.total(P.merge(m, a)), P.total(m));
  assert.equal(P.total(P.merge(b, a)), P.total(m));
  // The later answer decides the review box: b answered b1 right after a missed it.
  assert.equal(m.q.b1.b, undefined);
  assert.equal(m.ach.first, "2026-03-01");
});

// A Storage look-alike; `broken` makes a method throw like a full or disabled localStorage.
function fakeStorage(init = {}) {
  const data = { ...init };
  return {
    data,
    broken: new Set(),
    getItem(k) {
      if (this.broken.has("get")) throw new Error("SecurityError");
      return Object.hasOwn(data, k) ? data[k] : null;
    },
    setItem(k, v) {
      if (this.broken.has("set")) throw new Error("QuotaExceededError");
      data[k] = String(v);
    },
  };
}
const answerWith = (_store, detail) => (s) => P.answer(s, IX, detail, ctx());

test("store: empty storage starts fresh; answers are saved under one key", () => {
  const fs = fakeStorage();
  const st = P.store(fs, "kq", () => 7);
  assert.deepEqual(st.read(), P.fresh());
  st.update(answerWith(st, ok("a1")));
  assert.deepEqual(Object.keys(fs.data), ["kq"]);
  assert.equal(P.total(JSON.parse(fs.data.kq)), 10);
  assert.deepEqual(st.notices, []);
});

test("store: corrupt data is set aside under a backup key, then a fresh start with a notice", () => {
  for (const raw of ["{not json", JSON.stringify({ something: "else" }), JSON.stringify({ ...P.fresh(), q: 5 })]) {
    const fs = fakeStorage({ kq: raw });
    const st = P.store(fs, "kq", () => 42);
    assert.deepEqual(st.read(), P.fresh());
    assert.equal(fs.data["kq:backup:42"], raw);
    assert.deepEqual(JSON.parse(fs.data.kq), P.fresh());
    assert.deepEqual(st.notices, [{ code: "corrupt", detail: "kq:backup:42" }]);
    st.update(answerWith(st, ok("a1")));
    assert.equal(P.total(JSON.parse(fs.data.kq)), 10); // saving again, not in memory
  }
});

test("store: corrupt data that cannot be backed up is left untouched", () => {
  const fs = fakeStorage({ kq: "{oops" });
  fs.broken.add("set");
  const st = P.store(fs, "kq", () => 1);
  st.update(answerWith(st, ok("a1")));
  assert.equal(fs.data.kq, "{oops");
  assert.equal(st.notices[0].code, "unsaved-corrupt");
  assert.equal(P.total(st.read()), 10);
});

test("store: data from a newer version is never overwritten; this visit runs in memory", () => {
  const newer = JSON.stringify({ ...P.fresh(), v: 2, whatever: true });
  const fs = fakeStorage({ kq: newer });
  const st = P.store(fs, "kq", () => 1);
  st.update(answerWith(st, ok("a1")));
  assert.equal(fs.data.kq, newer);
  assert.deepEqual(st.notices, [{ code: "newer", detail: "" }]);
  assert.equal(P.total(st.read()), 10);
});

test("store: unavailable storage (disabled, or full) falls back to memory with one notice", () => {
  const off = fakeStorage();
  off.broken.add("get");
  const st = P.store(off, "kq", () => 1);
  st.update(answerWith(st, ok("a1")));
  st.update(answerWith(st, ok("a2")));
  assert.equal(P.total(st.read()), 30 + 50);
  assert.deepEqual(st.notices, [{ code: "unavailable", detail: "" }]);
  assert.equal(P.store(null, "kq", () => 1).read().v, 1);

  const full = fakeStorage();
  const st2 = P.store(full, "kq", () => 1);
  st2.update(answerWith(st2, ok("a1")));
  full.broken.add("set");
  st2.update(answerWith(st2, ok("a2")));
  assert.equal(P.total(st2.read()), 80); // nothing lost for the visit
  assert.equal(P.total(JSON.parse(full.data.kq)), 10); // the last save that worked stays
  assert.equal(st2.notices[0].code, "unavailable");
});

test("store: two tabs build on each other's answers and cannot double-award XP", () => {
  const fs = fakeStorage();
  const tab1 = P.store(fs, "kq", () => 1);
  const tab2 = P.store(fs, "kq", () => 1);
  tab1.update(answerWith(tab1, ok("a1")));
  const r = tab2.update(answerWith(tab2, ok("a1")));
  assert.equal(r.gained, 0);
  tab2.update(answerWith(tab2, ok("b1")));
  tab1.update(answerWith(tab1, ok("a2")));
  const s = JSON.parse(fs.data.kq);
  assert.equal(P.total(s), 10 + 15 + 50 + 20 + 50);
});
