// The review simulation behind bench/bench_review.py: how much of the course simulated learners
// still recall after a year under each review schedule, and how many reviews it cost them.
//
//   node bench/review_sim.mjs [--learners N] [--questions N] [--days N] [--json]
//
// Learners: each meets the course's questions while working through the tracks (one track every
// two days, so every question is met by day 30), answers each once when met, then does every
// review that falls due, on its due day, for a year. Nobody skips a day: the schedules are
// compared, not the learners' habits.
//
// Two models of what a learner really remembers (the truth the schedules cannot see; they only see
// right and wrong answers):
// - "FSRS-like": memory follows FSRS-6 with its default weights (extensions/progress/js/fsrs.js),
//   updated by each answer (wrong = Again, right = Good), and each learner-question pair has its own
//   strength: recall after t days is R(t, k * S) with k drawn log-normally (sigma 0.5) per pair.
// - "half-life": Settles & Meeder's half-life regression (Duolingo, 2016): recall after t days is
//   2^(-t/h) with log2 h = b + 1.6 sqrt(1 + right) - 0.4 sqrt(1 + wrong), b ~ N(0, 0.5) per pair
//   (a first right answer gives about 3.6 days, ten right answers about a month).
//   Memory grows with the number of right answers, not with their spacing.
// The first answer, right after reading the track, is right with probability 0.8.
//
// Schedules:
// - "Leitner (before)": the boxes Keras Quest used before FSRS, 1/2/4/8/16 days; a first right
//   answer enters box 2, a wrong one box 1; a due right answer moves up a box, past the last the
//   question leaves review; a due wrong answer goes back to box 1.
// - "doubling": the same, but the boxes go on doubling (1, 2, 4, ... 256 days) and never end.
// - "FSRS r": ours, extensions/progress/js/fsrs.js at desired retention r, default weights.
import { AGAIN, GOOD, makeScheduler } from "../extensions/progress/js/fsrs.js";

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const LEARNERS = option("learners", 1000);
const QUESTIONS = option("questions", 203);
const DAYS = option("days", 365);
const TRACKS = 15;
const FIRST_RIGHT = 0.8;
const FROM_DAY = 30;

function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next) {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

// ---- the truth: what a learner remembers ------------------------------------------------------

const truthScheduler = makeScheduler();

function fsrsLikeMemory(next) {
  const strength = Math.exp(0.5 * gaussian(next));
  let memory = null;
  return {
    chance: (days) => (memory ? truthScheduler.recall(memory.stability * strength, days) : 0),
    learn(days, right) {
      memory = truthScheduler.nextMemory(memory, days, right ? GOOD : AGAIN);
    },
  };
}

function halfLifeMemory(next) {
  const bias = 0.5 * gaussian(next);
  let right = 0;
  let wrong = 0;
  let halfLife = 0;
  return {
    chance: (days) => (halfLife ? 2 ** (-days / halfLife) : 0),
    learn(_days, correct) {
      if (correct) right += 1;
      else wrong += 1;
      halfLife = 2 ** (bias + 1.6 * Math.sqrt(1 + right) - 0.4 * Math.sqrt(1 + wrong));
    },
  };
}

// ---- the schedules: when the next review is due ------------------------------------------------

function boxes(days, leaves) {
  return () => {
    let box = 0;
    return (_elapsed, right, first) => {
      if (first) box = right ? 2 : 1;
      else if (right) box += 1;
      else box = 1;
      if (box > days.length) {
        if (leaves) return Infinity;
        box = days.length;
      }
      return days[box - 1];
    };
  };
}

function fsrs(retention) {
  const scheduler = makeScheduler({ retention });
  return () => {
    let memory = null;
    return (elapsed, right) => {
      const result = scheduler.review(memory, elapsed, right ? GOOD : AGAIN);
      memory = result.memory;
      return result.interval;
    };
  };
}

const SCHEDULES = [
  ["Leitner 1/2/4/8/16 (before)", boxes([1, 2, 4, 8, 16], true)],
  ["doubling, never ends", boxes([1, 2, 4, 8, 16, 32, 64, 128, 256], false)],
  ["FSRS, retention 0.80", fsrs(0.8)],
  ["FSRS, retention 0.85", fsrs(0.85)],
  ["FSRS, retention 0.90", fsrs(0.9)],
];
const MODELS = [
  ["FSRS-like", fsrsLikeMemory],
  ["half-life", halfLifeMemory],
];

// ---- one pair, one year --------------------------------------------------------------------------

function simulate(model, schedule, seed) {
  const next = generator(seed);
  let reviews = 0;
  let lastDay = 0;
  let meanSum = 0;
  for (let learner = 0; learner < LEARNERS; learner += 1) {
    for (let question = 0; question < QUESTIONS; question += 1) {
      const memory = model(next);
      const plan = schedule();
      const met = 2 * Math.floor((question * TRACKS) / QUESTIONS);
      let due = met;
      let last = met;
      let first = true;
      for (let day = met; day <= DAYS; day += 1) {
        if (day === due) {
          const right = next() < (first ? FIRST_RIGHT : memory.chance(day - last));
          memory.learn(day - last, right);
          due = day + plan(day - last, right, first);
          if (!first) reviews += 1;
          first = false;
          last = day;
        }
        if (day >= FROM_DAY) {
          const chance = memory.chance(day - last);
          meanSum += chance;
          if (day === DAYS) lastDay += chance;
        }
      }
    }
  }
  const pairs = LEARNERS * QUESTIONS;
  return {
    reviews: reviews / LEARNERS,
    recallLastDay: lastDay / pairs,
    meanRecall: meanSum / (pairs * (DAYS - FROM_DAY + 1)),
  };
}

const rows = [];
for (const [modelName, model] of MODELS) {
  for (const [scheduleName, schedule] of SCHEDULES) {
    // The same seed for every schedule: each meets the same learners.
    rows.push({ model: modelName, schedule: scheduleName, ...simulate(model, schedule, 7) });
  }
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ learners: LEARNERS, questions: QUESTIONS, days: DAYS, rows }));
} else {
  console.log(`${LEARNERS} learners x ${QUESTIONS} questions x ${DAYS} days`);
  for (const row of rows) {
    console.log(
      `${row.model.padEnd(10)} ${row.schedule.padEnd(28)} reviews/learner ${row.reviews.toFixed(0).padStart(6)}` +
        `  recall day ${DAYS} ${row.recallLastDay.toFixed(3)}  mean recall days ${FROM_DAY}-${DAYS} ${row.meanRecall.toFixed(3)}`,
    );
  }
}
