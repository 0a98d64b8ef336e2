// FSRS-6 review scheduling, in whole days: a port of the long-term scheduler of ts-fsrs 5
// (enable_short_term: false, no fuzz), proven equal to it by tests/js/fsrs.test.mjs, which replays
// random review histories through both. Pure: no DOM, no storage, no clock.
//
// A question's memory is { stability, difficulty }. Stability is the number of days after which
// the chance of recalling it has fallen to 90%; difficulty runs from 1 (easy) to 10 (hard). Each
// answer updates the memory from the grade and the days since the last answer, and the next review
// comes when the predicted recall falls to the learner's desired retention.

/** The 21 default weights of FSRS-6 (ts-fsrs `default_w`, py-fsrs `DEFAULT_PARAMETERS`). */
export const DEFAULT_WEIGHTS = Object.freeze([
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
]);

/** Grades, as FSRS numbers them. */
export const AGAIN = 1;
export const HARD = 2;
export const GOOD = 3;
export const EASY = 4;

const MIN_STABILITY = 0.001;
const MAX_STABILITY = 36500;

// ts-fsrs keeps every intermediate value to 8 decimals; so do we, or the two would drift apart.
const round8 = (value) => Math.round(value * 1e8) / 1e8;
const clamp = (value, low, high) => Math.min(Math.max(value, low), high);

/**
 * A scheduler for one set of weights and one desired retention.
 * @param {{retention?: number, weights?: readonly number[], maxInterval?: number}} options
 */
export function makeScheduler({
  retention = 0.9,
  weights = DEFAULT_WEIGHTS,
  maxInterval = 36500,
} = {}) {
  if (!(retention > 0 && retention <= 1))
    throw new RangeError(`retention ${retention} is not in (0, 1]`);
  const w = weights;
  const decay = -w[20];
  const factor = round8(Math.exp(Math.log(0.9) / decay) - 1);
  const intervalPerStability = round8((retention ** (1 / decay) - 1) / factor);

  /** The chance that a memory of this stability is recalled after `days` days. */
  const recall = (stability, days) => round8((1 + (factor * days) / stability) ** decay);

  const initialDifficulty = (grade) => round8(w[4] - Math.exp((grade - 1) * w[5]) + 1);

  function nextDifficulty(difficulty, grade) {
    const change = -w[6] * (grade - 3);
    const damped = difficulty + round8((change * (10 - difficulty)) / 9);
    return clamp(round8(w[7] * initialDifficulty(EASY) + (1 - w[7]) * damped), 1, 10);
  }

  function stabilityAfterRecall(difficulty, stability, chance, grade) {
    const hardPenalty = grade === HARD ? w[15] : 1;
    const easyBonus = grade === EASY ? w[16] : 1;
    const growth =
      Math.exp(w[8]) *
      (11 - difficulty) *
      stability ** -w[9] *
      (Math.exp((1 - chance) * w[10]) - 1);
    return round8(
      clamp(stability * (1 + growth * hardPenalty * easyBonus), MIN_STABILITY, MAX_STABILITY),
    );
  }

  function stabilityAfterLapse(difficulty, stability, chance) {
    const after =
      w[11] *
      difficulty ** -w[12] *
      ((stability + 1) ** w[13] - 1) *
      Math.exp((1 - chance) * w[14]);
    const lapse = round8(clamp(after, MIN_STABILITY, MAX_STABILITY));
    return clamp(round8(stability), MIN_STABILITY, lapse); // a lapse never raises stability
  }

  /** The memory after answering with `grade`, `days` days after the last answer (null: never). */
  function nextMemory(memory, days, grade) {
    if (!memory) {
      return {
        stability: Math.max(w[grade - 1], 0.1),
        difficulty: clamp(initialDifficulty(grade), 1, 10),
      };
    }
    const { stability, difficulty } = memory;
    const chance = recall(stability, days);
    return {
      stability:
        grade === AGAIN
          ? stabilityAfterLapse(difficulty, stability, chance)
          : stabilityAfterRecall(difficulty, stability, chance, grade),
      difficulty: nextDifficulty(difficulty, grade),
    };
  }

  /** The days from a review until the predicted recall of this stability falls to the retention. */
  const interval = (stability) =>
    Math.min(Math.max(1, Math.round(stability * intervalPerStability)), maxInterval);

  /**
   * Answer a question: its new memory and the days until it is due again. As ts-fsrs does, the
   * interval of each grade is kept strictly above the interval of the grade below it.
   */
  function review(memory, days, grade) {
    let previous = 0;
    let result;
    for (let g = AGAIN; g <= grade; g += 1) {
      const next = nextMemory(memory, days, g);
      let due = interval(next.stability);
      if (g === AGAIN) due = Math.min(due, interval(nextMemory(memory, days, HARD).stability));
      else due = Math.max(due, previous + 1);
      previous = due;
      result = { memory: next, interval: due };
    }
    return result;
  }

  return { recall, review, nextMemory, interval, retention };
}
