// The achievements panel: earned ones in colour with their day.

import { $, $$, make } from "./dom.js";

export function renderAchievements(app) {
  const items = $$('[data-kq-panel="achievements"] li');
  app.course.achievements.forEach((achievement, i) => {
    const item = items[i];
    if (!item) return;
    const day = app.record.achievements[achievement.id];
    const tail = $(".kq-when", item) || item.appendChild(make("span", { className: "kq-when" }));
    tail.textContent = day ? ` ✓ Earned ${day}` : " Not yet";
    item.classList.toggle("kq-earned", !!day);
  });
}
