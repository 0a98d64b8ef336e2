// Our FSRS scheduler (extensions/progress/js/fsrs.js) against the reference, ts-fsrs (npm, a
// devDependency in the root package.json: `npm ci` at the repository root installs it). Random
// review histories go through both; every step must give the same stability, difficulty and
// interval. A mismatch prints the history that produced it.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

import {
  AGAIN,
  DEFAULT_WEIGHTS,
  EASY,
  GOOD,
  HARD,
  makeScheduler,
} from "../../extensions/progress/js/fsrs.js";

const require = createRequire(import.meta.url);
let reference;
try {
  reference = require("ts-fsrs");
} catch {
  throw new Error(
    "tests/js/fsrs.test.mjs needs the reference scheduler: run `npm ci` at the repository root",
  );
}

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1, 12);

// A small seeded generator (mulberry32), so a failure can be replayed.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function replay(history, retention) {
  const ours = makeScheduler({ retention });
  const theirs = reference.fsrs(
    reference.generatorParameters({
      enable_fuzz: false,
      enable_short_term: false,
      request_retention: retention,
    }),
  );
  let card = reference.createEmptyCard(new Date(START));
  let memory = null;
  let day = 0;
  let last = 0;
  history.forEach(({ wait, grade }, step) => {
    day += wait;
    const result = ours.review(memory, day - last, grade);
    card = theirs.next(card, new Date(START + day * DAY), grade).card;
    const where = `step ${step} of ${JSON.stringify(history)} at retention ${retention}`;
    assert.equal(result.memory.stability, card.stability, `stability, ${where}`);
    assert.equal(result.memory.difficulty, card.difficulty, `difficulty, ${where}`);
    assert.equal(result.interval, card.scheduled_days, `interval, ${where}`);
    memory = result.memory;
    last = day;
  });
}

test("10,000 random review histories get the same states and intervals as ts-fsrs", () => {
  const next = random(20261207);
  const grades = [AGAIN, HARD, GOOD, EASY];
  let steps = 0;
  for (let i = 0; i < 10_000; i += 1) {
    const retention = [0.7, 0.8, 0.85, 0.9, 0.95, 0.97][Math.floor(next() * 6)];
    const length = 1 + Math.floor(next() * 15);
    const history = [];
    for (let j = 0; j < length; j += 1) {
      // Mostly on or near the due day, sometimes the same day, sometimes very late.
      const kind = next();
      const wait =
        j === 0
          ? 0
          : kind < 0.1
            ? 0
            : kind < 0.8
              ? 1 + Math.floor(next() * 30)
              : Math.floor(next() * 900);
      history.push({ wait, grade: grades[Math.floor(next() * 4)] });
    }
    replay(history, retention);
    steps += length;
  }
  assert.ok(steps > 70_000, `only ${steps} review steps were compared`);
});

test("the weights are FSRS-6's defaults, as the reference ships them", () => {
  assert.deepEqual([...DEFAULT_WEIGHTS], [...reference.default_w]);
});

test("predicted recall is 90% after `stability` days and falls with time", () => {
  const { recall } = makeScheduler();
  assert.equal(recall(12, 0), 1);
  assert.ok(Math.abs(recall(12, 12) - 0.9) < 1e-6);
  assert.ok(recall(12, 30) < recall(12, 13));
});

test("a higher desired retention brings reviews sooner", () => {
  const memory = { stability: 20, difficulty: 5 };
  const at = (retention) => makeScheduler({ retention }).review(memory, 20, GOOD).interval;
  assert.ok(at(0.95) < at(0.9) && at(0.9) < at(0.8));
});

test("a retention outside (0, 1] is refused", () => {
  assert.throws(() => makeScheduler({ retention: 0 }), RangeError);
  assert.throws(() => makeScheduler({ retention: 1.2 }), RangeError);
});
