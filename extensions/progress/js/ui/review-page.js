// The Review page: due questions from every track, interleaved, each saying where it comes from
// and what it pays; then the learner's mistakes grouped by misconception.

import { trackOf } from "../course.js";
import { paysNow } from "../record.js";
import { due, mistakes } from "../review.js";
import { $, count, formatNumber, make } from "./dom.js";
import { copyInto, linkHome } from "./copied-questions.js";

function origin(app, id) {
  const track = trackOf(app.course, id);
  const pays = paysNow(app.record, app.course, id);
  const source = track
    ? app.link(track.page, track.title)
    : app.link(app.course.questions.get(id).page, "another page");
  const worth = pays ? `pays ${formatNumber(pays)} XP now` : "review only, no XP (already earned or revealed)";
  return make("p", { className: "kq-review__from" }, "From ", source, ` · ${worth}`);
}

function mistakeItem(app, group) {
  const links = group.questions.flatMap((id, i) => {
    const track = trackOf(app.course, id);
    const name = track ? `Track ${track.number}` : "question";
    return [i ? ", " : "", app.link(app.course.questions.get(id).page, name, `kq-${id}`)];
  });
  return make(
    "li",
    {},
    app.link(group.page, group.title, group.anchor),
    ` — ${count(group.questions.length, "question")} missed: `,
    ...links,
  );
}

export function reviewPage(app) {
  const panel = $('[data-kq-panel="review"]');
  if (!panel) return;
  const list = $("[data-kq-review-list]", panel);
  const slots = [];
  for (const id of due(app.record, app.course, app.today())) {
    const slot = make("div", { className: "kq-quiz kq-review__item" });
    list.append(make("div", { className: "kq-review__entry" }, origin(app, id), slot));
    slots.push([id, slot]);
  }
  copyInto(app, slots, panel, (id, slot) => linkHome(app, id, slot));
  const groups = mistakes(app.record, app.course);
  $("[data-kq-mistakes]", panel).hidden = !groups.length;
  $("[data-kq-mistake-list]", panel).replaceChildren(...groups.map((group) => mistakeItem(app, group)));
}
