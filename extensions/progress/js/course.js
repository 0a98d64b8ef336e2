// The course, from the data the build writes (extensions/progress/assets.py, the `KQProgressCourse`
// global of _static/kq-course.*.js; docs/authoring/progress-format.md, section 2).

/**
 * The course data with every question looked up by id:
 * `questions.get(id)` is `{id, xp, page, track}` (`track` is null outside the tracks).
 */
export function indexCourse(data) {
  const questions = new Map();
  const add = (question, track) => {
    const entry = { id: question.id, xp: question.xp, page: question.page, track };
    questions.set(question.id, entry);
    return entry;
  };
  const tracks = data.tracks.map((source) => {
    const track = { ...source, about: source.about || "" };
    track.questions = source.questions.map((question) => add(question, track));
    return track;
  });
  for (const question of data.extra || []) add(question, null);
  return {
    ...data,
    achievements: data.achievements || [],
    misconceptions: data.misconceptions || {},
    tracks,
    questions,
  };
}

/** Is this question id one of the course's questions? */
export const isKnown = (course, id) => course.questions.has(id);

/** The XP a question offers (undefined for a question the course does not have). */
export const questionXp = (course, id) => course.questions.get(id)?.xp;

/** The track of a question, or null. */
export const trackOf = (course, id) => course.questions.get(id)?.track || null;

/** The tracks that have questions (a track without any has nothing to earn). */
export const playableTracks = (course) => course.tracks.filter((track) => track.questions.length);

/** Is this label a misconception the course names? */
export const isMisconception = (course, label) => Object.hasOwn(course.misconceptions, label);
