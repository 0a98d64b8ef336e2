// Unit tests of the quiz rules (extensions/quiz/static/kq-quiz-core.js): node --test tests/js/

import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(import.meta.url);
const Q = require("../../extensions/quiz/static/kq-quiz-core.js");

test("typed answers ignore case and every whitespace, as validate.normalise_answer does", () => {
  assert.equal(Q.normalise("  Keras . Ops\t"), "keras.ops");
  assert.equal(Q.normalise("Model.FIT"), "model.fit");
  // NFC: a composed and a decomposed é are the same answer
  assert.equal(Q.normalise("caf\u0065\u0301"), Q.normalise("caf\u00e9"));
});

test("a typed answer is right when it matches any accepted alternative", () => {
  const question = { accept: ["keras.ops", "ops"] };
  assert.equal(Q.checkTyped(" Keras.Ops ", question), true);
  assert.equal(Q.checkTyped("OPS", question), true);
  assert.equal(Q.checkTyped("numpy", question), false);
});

test("an empty typed answer is not checked at all", () => {
  assert.equal(Q.checkTyped("   ", { accept: ["x"] }), null);
});

test("a number is right within its tolerance, and a comma reads as a decimal point", () => {
  const question = { accept: [], number: "3.5", tolerance: "0.1" };
  assert.equal(Q.checkTyped("3.5", question), true);
  assert.equal(Q.checkTyped("3,45", question), true);
  assert.equal(Q.checkTyped("3.6", question), true); // the edge counts, despite rounding
  assert.equal(Q.checkTyped("3.61", question), false);
  assert.equal(Q.checkTyped("three", question), false);
});

test("an exact number allows only rounding noise relative to its size", () => {
  assert.equal(Q.near(0.1 + 0.2, 0.3, 0), true);
  assert.equal(Q.near(1e12 + 1e-4, 1e12, 0), true);
  assert.equal(Q.near(101, 100, 0), false);
  assert.equal(Q.checkTyped("25,000", { accept: [], number: "25", tolerance: "0" }), true);
});

test("a number question also accepts its accepted words", () => {
  const question = { accept: ["ten"], number: "10", tolerance: "0" };
  assert.equal(Q.checkTyped("Ten", question), true);
  assert.equal(Q.checkTyped("10.0", question), true);
});

test("choices are right only when exactly the correct ones are ticked", () => {
  const correct = [true, false, true];
  assert.equal(Q.checkChoice([true, false, true], correct), true);
  assert.equal(Q.checkChoice([true, false, false], correct), false);
  assert.equal(Q.checkChoice([true, true, true], correct), false);
  assert.equal(Q.checkChoice([false, false, false], correct), null);
});

test("an ordering is right when the authored positions come back in order", () => {
  assert.equal(Q.checkOrder([0, 1, 2, 3]), true);
  assert.equal(Q.checkOrder([1, 0, 2, 3]), false);
});

test("the shuffle is stable: the same key gives the same order, release after release", () => {
  // Learners see these orders today; a change here reorders every shuffled question.
  assert.deepEqual(Q.shuffle([0, 1, 2, 3, 4, 5], "abc|t04-q1"), [0, 3, 2, 5, 4, 1]);
  assert.deepEqual(Q.shuffle([0, 1, 2, 3], "|t05-order"), [1, 2, 0, 3]);
  assert.deepEqual(Q.shuffle(["a", "b", "c"], "x|y"), ["c", "b", "a"]);
});

test("the shuffle keeps every item, leaves its input alone and differs between keys", () => {
  const items = [...Array(8).keys()];
  const orders = new Set();
  for (const key of ["a", "b", "c", "d"]) {
    const out = Q.shuffle(items, key);
    assert.deepEqual(
      [...out].sort((x, y) => x - y),
      items,
    );
    orders.add(out.join());
  }
  assert.deepEqual(items, [...Array(8).keys()]);
  assert.ok(orders.size > 1);
});

test("an ordering question never starts solved", () => {
  // "k2" happens to shuffle three items back into the authored order
  assert.deepEqual(Q.shuffle([0, 1, 2], "k2"), [0, 1, 2]);
  assert.deepEqual(Q.shuffle([0, 1, 2], "k2", true), [1, 2, 0]);
});

test("misconceptions: the tags of the ticked wrong options, once each", () => {
  const correct = [true, false, false, false];
  const tags = ["", "ops-vs-numpy", "", "ops-vs-numpy"];
  assert.deepEqual(Q.misconceptions([false, true, false, true], correct, tags), ["ops-vs-numpy"]);
  assert.deepEqual(Q.misconceptions([false, false, true, false], correct, tags), []); // untagged
  assert.deepEqual(Q.misconceptions([true, false, false, false], correct, tags), []); // right
  // A tag on a ticked correct option (the build refuses it) would still not count.
  assert.deepEqual(Q.misconceptions([true], [true], ["x"]), []);
  assert.deepEqual(Q.misconceptions([true, true, true], [false, false, false], ["a", "", "b"]), [
    "a",
    "b",
  ]);
});

test("answered: a tick, a typed non-blank answer, or a moved ordering item", () => {
  assert.equal(Q.answered("single", { ticked: [false, true] }), true);
  assert.equal(Q.answered("multiple", { ticked: [false, false] }), false);
  assert.equal(Q.answered("typed", { typed: "  " }), false);
  assert.equal(Q.answered("typed", { typed: " ops " }), true);
  assert.equal(Q.answered("order", { moved: false }), false);
  assert.equal(Q.answered("order", { moved: true }), true);
});

test("score: unanswered questions count as wrong; the summary reads 'N of M right'", () => {
  assert.deepEqual(Q.score([true, false, null, true]), {
    right: 2,
    total: 4,
    text: "2 of 4 right",
  });
  assert.deepEqual(Q.score([]), { right: 0, total: 0, text: "0 of 0 right" });
  assert.equal(Q.counter(3, 10), "3 of 10 answered");
});

test("a multiple-answer tally counts the right options chosen and the wrong ones, naming none", () => {
  const correct = [true, true, false, true];
  assert.equal(
    Q.tally([true, false, true, true], correct),
    "2 of 3 right options chosen, 1 wrong one.",
  );
  assert.equal(Q.tally([true, true, false, true], correct), "3 of 3 right options chosen.");
  assert.equal(
    Q.tally([false, false, true, false], correct),
    "0 of 3 right options chosen, 1 wrong one.",
  );
  assert.equal(
    Q.tally([true, true, true, true], [true, false, false, false]),
    "1 of 1 right option chosen, 3 wrong ones.",
  );
  assert.equal(Q.tally([false, false], [true, false]), "");
});
