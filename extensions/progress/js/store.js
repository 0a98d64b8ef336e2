// The stored record (docs/authoring/progress-format.md, section 1): the one place that knows its
// short keys. The record is written on every answer and exported as is, so its keys are short;
// `encode` writes them from the readable names the rest of the code uses, `parse` reads them back.

import { addDay, addDays, dayKey, isDay } from "./dates.js";
import { AGAIN, GOOD } from "./fsrs.js";
import { DEFAULT_GOAL, freshRecord, GOAL_MAX } from "./record.js";
import { DEFAULT_RETENTION, RETENTIONS, scheduler } from "./review.js";
import { clone, isBool, isCount, isLabel, isLabels, isObject, own } from "./values.js";

export const SCHEMA = "keras-quest-progress";
export const VERSION = 4;

const isNumber = (n, low, high) => typeof n === "number" && n >= low && n <= high;
const isStability = (n) => isNumber(n, 0.001, 36500);
const isDifficulty = (n) => isNumber(n, 1, 10);
const isUndo = (undo) =>
  Array.isArray(undo) &&
  (!undo.length ||
    (undo.length === 3 && isStability(undo[0]) && isDifficulty(undo[1]) && isCount(undo[2])));

// A question's stored key, its name in the record, and the check of its value.
const QUESTION_KEYS = [
  ["x", "xp", isCount], // XP awarded, decided once
  ["c", "correct", isBool], // answered right at least once
  ["f", "firstTry", isBool], // right at the first attempt
  ["w", "wrong", isCount], // wrong attempts before the first right one
  ["r", "revealed", isBool], // answer revealed before it was right
  ["t", "last", isCount], // last answered, ms since 1970
  ["s", "stability", isStability], // review memory (FSRS): days until recall falls to 90%
  ["h", "difficulty", isDifficulty], // review memory (FSRS): 1 easy to 10 hard
  ["l", "reviewed", isDay], // the day of its last review
  ["d", "due", isDay], // the day its next review is due
  ["u", "undo", isUndo], // the memory before a wrong review, for a right retry that day
  ["m", "mistakes", isLabels], // misconceptions its wrong answers revealed
];
// Retired keys, never to be reused: "b" (Leitner box) and "k" (recalls), until schema 2.
const MEMORY = ["s", "h", "l", "d"]; // all or none

function encodeQuestion(question) {
  const stored = {};
  for (const [key, name] of QUESTION_KEYS)
    if (question[name] !== undefined) stored[key] = question[name];
  return stored;
}

// A solved code exercise: the day it was solved and the XP it paid (decided once, like a question's).
const isStoredExercise = (id, stored) =>
  isLabel(id) &&
  isObject(stored) &&
  isDay(stored.d) &&
  isCount(stored.x) &&
  Object.keys(stored).every((key) => key === "d" || key === "x");

/** The record as stored and exported. */
export function encode(record) {
  const questions = {};
  for (const id of Object.keys(record.questions))
    questions[id] = encodeQuestion(record.questions[id]);
  const exercises = {};
  for (const [id, { day, xp }] of Object.entries(record.exercises || {}))
    exercises[id] = { d: day, x: xp };
  return {
    schema: SCHEMA,
    v: VERSION,
    q: questions,
    e: exercises,
    bonus: record.bonus,
    days: record.goalDays,
    ach: record.achievements,
    goal: record.goal,
    log: record.counts,
    retention: record.retention,
  };
}

// Version 2 added the daily goal (`goal`, `log`), recalls (`k`) and misconceptions (`m`), and every
// question answered right now enters review. Days with a right answer become days whose goal was
// met (the old goal was one right answer), and questions answered right that were not in review
// join it in box 2, due as if they had entered it when last answered.
function migrate1to2(stored) {
  const questions = isObject(stored.q) ? stored.q : {};
  for (const question of Object.values(questions)) {
    if (
      isObject(question) &&
      question.c === true &&
      question.b === undefined &&
      isCount(question.t) &&
      question.t > 0
    ) {
      question.b = 2;
      question.d = addDays(dayKey(new Date(question.t)), 2);
    }
  }
  return { ...stored, v: 2, goal: DEFAULT_GOAL, log: {} };
}

const LEITNER_DAYS = [1, 2, 4, 8, 16]; // schema 2's review boxes (the default progress_review_days)

// Version 3 replaced the Leitner boxes by FSRS memories. A question's memory is replayed from
// what the record kept: its first answer (Good when right at the first try, else Again), then
// one Good review per recall at the old boxes' intervals. Its last review was its box's interval
// before its due day (or, once it had left review, its last answer); it stays due no later than
// it was. Questions with neither stay out of review, as before.
function migrate2to3(stored) {
  const fsrs = scheduler(DEFAULT_RETENTION);
  for (const question of Object.values(isObject(stored.q) ? stored.q : {})) {
    if (!isObject(question)) continue;
    const { b: box, k: recalls } = question;
    let { d: due } = question;
    delete question.b;
    delete question.k;
    let reviewed;
    if (isCount(box) && box > 0 && isDay(due))
      reviewed = addDays(due, -LEITNER_DAYS[Math.min(box, 5) - 1]);
    else if (question.c === true && isCount(question.t) && question.t > 0) {
      reviewed = dayKey(new Date(question.t));
      due = null;
    } else {
      delete question.d;
      continue;
    }
    let step = fsrs.review(null, 0, question.f === true ? GOOD : AGAIN);
    const replays = isCount(recalls) ? Math.min(recalls, 20) : 0; // a damaged count cannot stall the page
    for (let i = 0, at = question.f === true ? 1 : 0; i < replays; i++, at++) {
      step = fsrs.review(step.memory, LEITNER_DAYS[Math.min(at, 4)], GOOD);
    }
    const next = addDays(reviewed, fsrs.interval(step.memory.stability));
    Object.assign(question, {
      s: step.memory.stability,
      h: step.memory.difficulty,
      l: reviewed,
      d: due && due < next ? due : next,
    });
  }
  return { ...stored, v: 3, retention: DEFAULT_RETENTION };
}

// Version 4 added solved code exercises (`e`): none before it.
const migrate3to4 = (stored) => ({ ...stored, v: 4, e: {} });

/** MIGRATIONS[n](stored) turns a stored record of schema n into schema n + 1 (pure; given a copy). */
export const MIGRATIONS = { 1: migrate1to2, 2: migrate2to3, 3: migrate3to4 };

const failure = (code, error) => ({ code, error });

// The stored record brought to `target`, or a failure.
function upgrade(stored, migrations, target) {
  if (!isObject(stored) || stored.schema !== SCHEMA)
    return failure("foreign", "This is not a Keras Quest progress file.");
  if (!isCount(stored.v) || !stored.v)
    return failure("invalid", "The progress data has no valid version.");
  if (stored.v > target) {
    return failure(
      "newer",
      `This progress is from a newer version of Keras Quest (schema ${stored.v}).`,
    );
  }
  let current = clone(stored);
  while (current.v < target) {
    if (!migrations[current.v])
      return failure("invalid", `The progress data cannot be upgraded from schema ${current.v}.`);
    current = migrations[current.v](current);
  }
  return { stored: current };
}

const isStoredQuestion = (id, stored) =>
  isLabel(id) &&
  isObject(stored) &&
  QUESTION_KEYS.every(([key, , valid]) => !own(stored, key) || valid(stored[key])) &&
  new Set(MEMORY.map((key) => own(stored, key))).size === 1;

function readQuestion(stored) {
  const question = {};
  for (const [key, name] of QUESTION_KEYS) if (own(stored, key)) question[name] = stored[key];
  return question;
}

// Each part of the stored record: its key, how a broken entry is named, the check, and where a
// valid entry goes. `optional` parts (since schema 2 or 4) may be missing.
const PARTS = [
  {
    key: "q",
    name: (id) => `question "${id}"`,
    valid: isStoredQuestion,
    put: (record, id, stored) => {
      record.questions[id] = readQuestion(stored);
    },
  },
  {
    key: "e",
    optional: true,
    name: (id) => `exercise "${id}"`,
    valid: isStoredExercise,
    put: (record, id, stored) => {
      record.exercises[id] = { day: stored.d, xp: stored.x };
    },
  },
  {
    key: "bonus",
    name: (slug) => `track bonus "${slug}"`,
    valid: (slug, xp) => isLabel(slug) && isCount(xp),
    put: (record, slug, xp) => {
      record.bonus[slug] = xp;
    },
  },
  {
    key: "days",
    list: true,
    name: (_, day) => `day "${day}"`,
    valid: (_, day) => isDay(day),
    put: (record, _, day) => addDay(record.goalDays, day),
  },
  {
    key: "ach",
    name: (id) => `achievement "${id}"`,
    valid: (id, day) => isLabel(id) && isDay(day),
    put: (record, id, day) => {
      record.achievements[id] = day;
    },
  },
  {
    key: "log",
    optional: true,
    name: (day) => `day count "${day}"`,
    valid: (day, count) => isDay(day) && isCount(count),
    put: (record, day, count) => {
      record.counts[day] = count;
    },
  },
];

function readPart(stored, part, record, problems) {
  const value = stored[part.key];
  if (value === undefined && part.optional) return;
  if (part.list ? !Array.isArray(value) : !isObject(value)) {
    problems.push(`"${part.key}" is missing`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (part.valid(key, value[key])) part.put(record, key, value[key]);
    else problems.push(`${part.name(key, value[key])} is not valid`);
  }
}

function readGoal(stored, record, problems) {
  if (!own(stored, "goal")) return;
  if (Number.isSafeInteger(stored.goal) && stored.goal >= 1 && stored.goal <= GOAL_MAX)
    record.goal = stored.goal;
  else problems.push("the daily goal is not valid");
}

function readRetention(stored, record, problems) {
  if (!own(stored, "retention")) return;
  if (RETENTIONS.includes(stored.retention)) record.retention = stored.retention;
  else problems.push("the desired retention is not valid");
}

/**
 * Reads a stored or imported record. Returns `{state, problems}` with every valid part kept and
 * each broken part named in `problems` (and dropped), or `{code, error}` when nothing can be used:
 * `code` is "foreign", "invalid" or "newer".
 */
export function parse(stored, migrations = MIGRATIONS, target = VERSION) {
  const upgraded = upgrade(stored, migrations, target);
  if (!upgraded.stored) return upgraded;
  const record = freshRecord();
  const problems = [];
  for (const part of PARTS) readPart(upgraded.stored, part, record, problems);
  readGoal(upgraded.stored, record, problems);
  readRetention(upgraded.stored, record, problems);
  return { state: record, problems };
}
