// The header badge on every page: XP, level and the way to the next one.

import { $, $$, formatNumber } from "./dom.js";

/** "30 XP to Lv 2", or "" at the top level. */
export const toNextLevel = (xp, level) =>
  level.next === null ? "" : `${formatNumber(level.next - xp)} XP to Lv ${level.number + 1}`;

export function renderBadge(xp, level) {
  for (const badge of $$("[data-kq-badge]")) {
    $("[data-kq-b=xp]", badge).textContent = `${formatNumber(xp)} XP`;
    $("[data-kq-b=lv]", badge).textContent = `Lv ${level.number}`;
    $("[data-kq-b=name]", badge).textContent = ` — ${level.name}`;
    $(".kq-badge__fill", badge).style.width = `${Math.round(level.fraction * 100)}%`;
    $("[data-kq-next]", badge).textContent = `, ${toNextLevel(xp, level) || "top level"}`;
    badge.hidden = false;
  }
}

/** Plays the level-up animation on the badges. */
export function levelUp() {
  for (const badge of $$("[data-kq-badge]")) {
    badge.classList.remove("kq-levelup");
    void badge.offsetWidth; // restarts the animation
    badge.classList.add("kq-levelup");
    setTimeout(() => badge.classList.remove("kq-levelup"), 2000);
  }
}
