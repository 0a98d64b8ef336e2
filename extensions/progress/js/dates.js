// Days are the learner's local calendar days, written YYYY-MM-DD; arithmetic on them runs on UTC
// day numbers, so daylight saving time never moves a day.

const DAY_PATTERN = /^\d{4}-\d\d-\d\d$/;
const DAY_MS = 864e5;

export const isDay = (value) => typeof value === "string" && DAY_PATTERN.test(value);

const pad = (n) => (n < 10 ? "0" : "") + n;

/** The learner's local day of a Date. */
export const dayKey = (date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Days since 1970-01-01 of a day key. */
export const dayNumber = (day) =>
  Date.UTC(+day.slice(0, 4), day.slice(5, 7) - 1, +day.slice(8)) / DAY_MS;

const dayFromNumber = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (day, n) => dayFromNumber(dayNumber(day) + n);

/** The week of a day number; weeks start on Monday, and day 0 (1970-01-01) was a Thursday. */
export const weekOf = (n) => Math.floor((n + 3) / 7);

/** Adds a day to a sorted list of days without repeats. */
export function addDay(days, day) {
  if (!days.includes(day)) {
    days.push(day);
    days.sort();
  }
}
