// Achievements. The build hands them over as `{id, kind, threshold, title, description}`; the
// kinds are tested here. Ids are stored in the learner's record, so the build never renames one.

import { playableTracks } from "./course.js";
import { streaks } from "./goal.js";
import { level, totalXp, trackStats } from "./record.js";
import { mastery } from "./review.js";
import { own } from "./values.js";

// kind -> test(threshold); each test reads what it needs only when asked.
function tests(record, course, today) {
  const tracks = playableTracks(course);
  const stats = tracks.map((track) => trackStats(record, track, 0));
  // Every track with something to do: questions, code exercises or both.
  const work = course.tracks
    .filter((track) => track.questions.length || track.exercises.length)
    .map((track) => trackStats(record, track, 0));
  return {
    correct: () => Object.values(record.questions).some((question) => question.correct),
    perfect: () => stats.some((track) => track.perfect),
    streak: (days) => streaks(record.goalDays, today).longest >= days,
    level: (number) => level(totalXp(record), course.levels).number >= number,
    all: () => work.length > 0 && work.every((track) => track.complete),
    mastered: () => tracks.some((track) => mastery(record, track, today).level === 4),
  };
}

const grants = (test, achievement) =>
  own(test, achievement.kind) && test[achievement.kind](achievement.threshold);

/** Unlocks (today) every achievement the record now earns; returns the ids unlocked. */
export function unlock(record, course, today) {
  const test = tests(record, course, today);
  const earned = course.achievements.filter(
    (achievement) => !own(record.achievements, achievement.id) && grants(test, achievement),
  );
  for (const achievement of earned) record.achievements[achievement.id] = today;
  return earned.map((achievement) => achievement.id);
}

/**
 * Takes back the achievements a record from elsewhere (an imported file, a damaged record) claims
 * but does not earn by the rules, and those the course does not offer; the day of one it earns is
 * kept. A track whose memories reached Mastered keeps the achievement while its recall slips:
 * the slip lowers its level for now, not what it earned. Code exercises came later than these
 * two achievements: Mastered and Course complete, once earned, stay with exercises unsolved.
 */
export function keepEarned(record, course, today) {
  const test = tests(record, course, today);
  const tracks = playableTracks(course);
  test.mastered = () => tracks.some((track) => mastery(record, track, today).earned === 4);
  test.all = () => tracks.length > 0 && tracks.every((track) => trackStats(record, track, 0).done);
  const offered = new Map(course.achievements.map((achievement) => [achievement.id, achievement]));
  for (const id of Object.keys(record.achievements)) {
    const achievement = offered.get(id);
    if (!achievement || !grants(test, achievement)) delete record.achievements[id];
  }
}
