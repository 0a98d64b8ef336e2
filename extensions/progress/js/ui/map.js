// The course map: one card per track with a ring, its state, mastery and "continue", and the
// "continue where you left off" line. With nothing stored, the cards keep what the page says a
// track offers (no row of zeros): only the first track's card gets its "Start →", and the line
// above the map says where to begin.

import { playableTracks } from "../course.js";
import { resume, trackStats } from "../record.js";
import { mastery } from "../review.js";
import { $, $$, formatNumber, make } from "./dom.js";

const PHASES = ["kq-cm--new", "kq-cm--started", "kq-cm--done", "kq-cm--next"];
const PHASE_WORDS = { new: "Not started", started: "In progress", done: "✓ Done" };

const steps = (stats) => stats.total + stats.exercises; // questions and code exercises

function phaseOf(stats, level) {
  if (!steps(stats)) return "empty";
  if (stats.complete) return "done";
  return level ? "started" : "new";
}

// The card's text: its state and figures, then its mastery, one line each.
function stateLines(phase, stats, level) {
  const figures = [PHASE_WORDS[phase]];
  if (stats.total) figures.push(`${stats.answered}/${stats.total} answered`);
  if (stats.exercises) figures.push(`${stats.solved}/${stats.exercises} exercises`);
  figures.push(`${formatNumber(stats.earned)}/${formatNumber(stats.available)} XP`);
  const lines = [figures.join(" · ")];
  if (level.level) {
    const recall = level.recall === null ? "" : ` · recall today ${level.recall}%`;
    // Memories that would make the track Mastered, but an exercise is still unsolved.
    const why = level.slipped
      ? " (slipping: time to review)"
      : level.earned > level.level
        ? " (solve its exercises to master it)"
        : "";
    // The level's name as a chip: Proficient and Mastered have a look and an icon of their own.
    const name = make("span", { className: `kq-mastery kq-mastery--${level.level}` }, level.name);
    lines.push(["Mastery: ", name, `${why}${recall}`]);
  }
  return lines.flatMap((line, i) => (i ? [make("br"), line] : [line])).flat();
}

// The "Start →" / "Continue →" link of the card of the track to continue.
function goLink(app, element, track, started) {
  const go = $(".kq-cm-go", element) || element.appendChild(make("a", { className: "kq-cm-go" }));
  const verb = started ? "Continue " : "Start ";
  go.href = app.url(track.page);
  go.textContent = `${verb}→`;
  go.setAttribute("aria-label", verb + track.title);
}

function renderCard(app, element, track, { stats, level, phase, isNext, started }) {
  const card = element.closest(".kq-cm-card") || element;
  card.classList.remove(...PHASES);
  card.classList.add(`kq-cm--${phase}`);
  // Nothing stored: no ring and no zeros, only the way in on the card to start with.
  element.hidden = !steps(stats) || (!started && !isNext);
  for (const part of $$(".kq-ring, .kq-cm-state", element)) part.hidden = !started;
  if (!steps(stats)) return;
  $(".kq-ring", element).style.setProperty(
    "--kq-p",
    `${Math.round(((stats.answered + stats.solved) / steps(stats)) * 100)}%`,
  );
  $(".kq-cm-state", element).replaceChildren(...stateLines(phase, stats, level));
  if (isNext) {
    card.classList.add("kq-cm--next");
    goLink(app, element, track, started);
  } else $(".kq-cm-go", element)?.remove();
}

export function renderMap(app, day) {
  const { course, record } = app;
  const next = resume(record, course);
  const started =
    Object.keys(record.questions).length > 0 || Object.keys(record.exercises).length > 0;
  for (const track of course.tracks) {
    const stats = trackStats(record, track, course.trackBonus);
    const level = mastery(record, track, day);
    const figures = {
      stats,
      level,
      phase: phaseOf(stats, level.level),
      isNext: next === track,
      started,
    };
    for (const element of $$(`[data-kq-track="${track.slug}"]`))
      renderCard(app, element, track, figures);
  }
  for (const element of $$("[data-kq-continue]")) {
    if (next)
      element.replaceChildren(
        ...(started
          ? ["Continue where you left off: ", app.link(next.page, next.title)]
          : [
              "New here? Start with ",
              app.link(next.page, next.title),
              ", then follow the path: each track ends with a quiz that earns XP.",
            ]),
      );
    else element.textContent = "Every track is done!";
    element.hidden = !playableTracks(course).length;
  }
}
