// Code exercises: what a pasted completion code claims. `kq check` prints a code such as
// KQ-7F3A-9C2D when an answer passes (kq/checking.py); the course data carries each exercise's
// code, so the claim is self-attested, like the rest of progress.

// A code as typed or pasted, reduced to its letters and digits in upper case. Codes are base32
// (A-Z, 2-7): a 0, 1 or 8 can only be an O, I or B read wrong, so they count as those letters.
const bare = (text) =>
  String(text ?? "")
    .replace(/[\s\-\u2010-\u2015]+/g, "")
    .toUpperCase()
    .replace(/[018]/g, (digit) => ({ 0: "O", 1: "I", 8: "B" })[digit]);

/** Does a pasted text give this code? Spaces, dashes, case and the "KQ-" prefix do not matter. */
export function codeMatches(pasted, code) {
  const typed = bare(pasted);
  const full = bare(code);
  return typed.length > 0 && (typed === full || (full.startsWith("KQ") && typed === full.slice(2)));
}

/**
 * What a code pasted into exercise `id` claims: `{outcome: "right"}`, `{outcome: "other",
 * exercise}` (the code of another exercise of the course), `{outcome: "wrong"}` (a typo, or no
 * code of ours) or `{outcome: "empty"}`.
 */
export function claim(course, id, pasted) {
  if (!bare(pasted)) return { outcome: "empty" };
  const mine = course.exercises.get(id);
  if (mine && codeMatches(pasted, mine.code)) return { outcome: "right" };
  for (const exercise of course.exercises.values())
    if (codeMatches(pasted, exercise.code)) return { outcome: "other", exercise };
  return { outcome: "wrong" };
}
