// The progress record's format (docs/authoring/progress-format.md): an exported file of every
// schema version ever shipped still imports. Add a fixture per new version; never delete one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const P = require("../../extensions/progress/static/progress-core.js");
const FIXTURES = new URL("./fixtures/", import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8"));

test("the current schema is version 1 with no migrations yet", () => {
  // Changing VERSION without a fixture of the new version fails the next test's coverage check.
  assert.equal(P.SCHEMA, "keras-quest-progress");
  assert.equal(P.VERSION, 1);
});

test("there is an exported fixture for every schema version up to the current one", () => {
  const versions = readdirSync(FIXTURES)
    .filter((name) => /^progress-v\d+\.json$/.test(name))
    .map((name) => fixture(name).v)
    .sort((a, b) => a - b);
  assert.deepEqual(versions, [...Array(P.VERSION).keys()].map((i) => i + 1));
});

test("an exported version-1 file imports with every question, bonus, day and achievement", () => {
  const file = fixture("progress-v1.json");
  const { state, error } = P.parse(file);
  assert.equal(error, undefined);
  assert.equal(state.v, P.VERSION);
  assert.deepEqual(state.q["a-two"], { x: 10, w: 1, t: 1763661900000, b: 2, d: "2026-11-22", c: true });
  assert.deepEqual(state.q["b-one"], { w: 2, t: 1763662000000, b: 1, d: "2026-11-21", r: true });
  assert.deepEqual(state.bonus, { alpha: 50 });
  assert.deepEqual(state.days, ["2026-11-19", "2026-11-20"]);
  assert.deepEqual(state.ach, { first: "2026-11-19", "streak-3": "2026-11-21" });
  assert.equal(P.total(state), 70); // 10 + 10 + the alpha bonus
  assert.equal("exported" in state, false);
});

test("importing the file into empty progress, then again, gives the same progress", () => {
  const { state } = P.parse(fixture("progress-v1.json"));
  const once = P.merge(P.fresh(), state);
  assert.deepEqual(P.merge(once, state), once);
  assert.equal(P.total(once), 70);
});
