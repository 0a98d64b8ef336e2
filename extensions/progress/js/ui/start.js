// The landing page's first screen ({course-start}): a learner with progress sees their level line
// instead of the course's one-line pitch, and the button continues the track the course map's
// "continue" picks (record.js `resume`). With nothing stored, the page's own HTML stays: the pitch
// and "Start Track 1".

import { resume } from "../record.js";
import { $, $$, formatNumber } from "./dom.js";

/** Has the learner stored anything the course counts: an answer or a solved exercise? */
export const hasProgress = (record) =>
  Object.keys(record.questions).length > 0 || Object.keys(record.exercises || {}).length > 0;

export function renderStart(app, xp, level) {
  const starts = $$("[data-kq-start]");
  if (!starts.length) return;
  const returning = hasProgress(app.record);
  const next = returning ? resume(app.record, app.course) : null;
  for (const start of starts) {
    const go = $("[data-kq-start-go]", start);
    const line = $("[data-kq-start-level]", start);
    // The page's own button, to put back if the learner resets their progress.
    start.kqFirst ||= go && { href: go.getAttribute("href"), textContent: go.textContent };
    $("[data-kq-start-pitch]", start).hidden = returning;
    line.hidden = !returning;
    line.textContent = returning
      ? `${formatNumber(xp)} XP · Lv ${level.number} — ${level.name}`
      : "";
    if (!go) continue;
    if (!returning) Object.assign(go, start.kqFirst);
    else if (next)
      Object.assign(go, { href: app.url(next.page), textContent: `Continue ${next.title}` });
    else if (start.dataset.kqReview)
      // Every track done: what is left is review.
      Object.assign(go, {
        href: start.dataset.kqReview,
        textContent: "Every track done: go to Review",
      });
  }
}
