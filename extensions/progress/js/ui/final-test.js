// The final test: one question from every track, then more at random, up to FINAL_QUESTIONS.

import { playableTracks } from "../course.js";
import { copyInto } from "./copied-questions.js";
import { $, make } from "./dom.js";

const FINAL_QUESTIONS = 20;

const shuffled = (list) =>
  list
    .map((item) => [Math.random(), item])
    .sort((a, b) => a[0] - b[0])
    .map((pair) => pair[1]);

function pick(course) {
  const tracks = playableTracks(course);
  const first = tracks.map((track) => shuffled(track.questions)[0].id);
  const all = tracks.flatMap((track) => track.questions.map((question) => question.id));
  const rest = shuffled(all.filter((id) => !first.includes(id)));
  return first.concat(rest).slice(0, Math.max(FINAL_QUESTIONS, first.length));
}

function start(app, panel, control) {
  const list = $("[data-kq-final-list]", panel);
  const slots = [];
  list.replaceChildren();
  control.disabled = true;
  for (const id of pick(app.course)) {
    const slot = list.appendChild(make("div", { className: "kq-quiz kq-final__item" }));
    slots.push([id, slot]);
  }
  copyInto(app, slots, panel, (_id, slot) => slot.remove()).then(() => {
    control.disabled = false;
    control.textContent = "Start a new final test";
    if (list.querySelector(".kq-question") && window.KQuiz?.startTest) {
      window.KQuiz.startTest(list, { title: "Final test" });
    }
  });
}

export function finalTest(app) {
  const panel = $('[data-kq-panel="final"]');
  if (!panel) return;
  const tracks = playableTracks(app.course);
  const inTracks = tracks.reduce((n, track) => n + track.questions.length, 0);
  $("[data-kq-final-about]", panel).textContent =
    `${Math.min(FINAL_QUESTIONS, inTracks)} questions from all ${tracks.length} tracks, with no feedback until you finish. ` +
    "Questions you never answered pay their XP; the ones you miss come back for review.";
  $("[data-kq-act=final]", panel).addEventListener("click", (event) =>
    start(app, panel, event.target),
  );
}
