// Everything a page shows from the record, drawn again after every change.

import { level, totalXp } from "../record.js";
import { renderAchievements } from "./achievements.js";
import { renderBackups } from "./backups.js";
import { renderBadge } from "./badge.js";
import { renderDashboard } from "./dashboard.js";
import { renderExercises } from "./exercises.js";
import { renderMap } from "./map.js";
import { renderReview } from "./review-page.js";
import { renderStart } from "./start.js";

export function render(app) {
  const day = app.today();
  const xp = totalXp(app.record);
  const reached = level(xp, app.course.levels);
  renderBadge(xp, reached);
  renderStart(app, xp, reached);
  renderDashboard(app, xp, reached, day);
  renderMap(app, day);
  renderExercises(app);
  renderReview(app, day);
  renderAchievements(app);
  renderBackups(app, app.dataPanel);
}
