// The course, from the data the build writes (extensions/progress/assets.py, the `KQProgressCourse`
// global of _static/kq-course.*.js; docs/authoring/progress-format.md, section 2).

/**
 * The course data with every question and code exercise looked up by id:
 * `questions.get(id)` is `{id, xp, page, track}` (`track` is null outside the tracks),
 * `exercises.get(id)` is `{id, title, xp, code, track}`; a track's `exercises` lists its own.
 */
export function indexCourse(data) {
  const listed = new Map((data.exercises || []).map((exercise) => [exercise.id, exercise]));
  const exercises = new Map();
  const questions = new Map();
  const add = (question, track) => {
    const entry = { id: question.id, xp: question.xp, page: question.page, track };
    questions.set(question.id, entry);
    return entry;
  };
  const tracks = data.tracks.map((source) => {
    const track = { ...source, about: source.about || "" };
    track.questions = source.questions.map((question) => add(question, track));
    track.exercises = (source.exercises || [])
      .filter((id) => listed.has(id))
      .map((id) => {
        const entry = { ...listed.get(id), track };
        exercises.set(id, entry);
        return entry;
      });
    return track;
  });
  for (const question of data.extra || []) add(question, null);
  return {
    ...data,
    achievements: data.achievements || [],
    misconceptions: data.misconceptions || {},
    tracks,
    questions,
    exercises,
  };
}

/** Is this question id one of the course's questions? */
export const isKnown = (course, id) => course.questions.has(id);

/** The XP a question offers (undefined for a question the course does not have). */
export const questionXp = (course, id) => course.questions.get(id)?.xp;

/** The track of a question, or null. */
export const trackOf = (course, id) => course.questions.get(id)?.track || null;

/** The XP a code exercise offers (undefined for an exercise the course does not have). */
export const exerciseXp = (course, id) => course.exercises.get(id)?.xp;

/** The tracks that have questions (the final test and the course's totals count them). */
export const playableTracks = (course) => course.tracks.filter((track) => track.questions.length);

/** Is this label a misconception the course names? */
export const isMisconception = (course, label) => Object.hasOwn(course.misconceptions, label);
