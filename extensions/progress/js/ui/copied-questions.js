// Questions copied from their pages into the Review page and the final test.

import { trackOf } from "../course.js";
import { paysNow } from "../record.js";
import { $, $$ } from "./dom.js";

const load = (href) =>
  href.split("#")[0] === location.href.split("#")[0]
    ? Promise.resolve(document)
    : fetch(href)
        .then((response) => (response.ok ? response.text() : Promise.reject(response.status)))
        .then((html) => new DOMParser().parseFromString(html, "text/html"));

// A copy of a question of `source` (the page at `href`), its links and images made absolute.
function copyOf(source, id, href) {
  const question = source.querySelector(`.kq-question[data-kq-id="${CSS.escape(id)}"]`);
  if (!question) return null;
  const copy = document.importNode(question, true);
  for (const element of $$("[href],[src]", copy)) {
    const attribute = element.hasAttribute("href") ? "href" : "src";
    element.setAttribute(attribute, new URL(element.getAttribute(attribute), href).href);
  }
  return copy;
}

// A copy is numbered by its place on this page, with its track: "Question 3 · Track 5", not by its
// place on its own page.
function renumber(course, copy, number) {
  const label = $(".kq-num", copy);
  if (!label) return;
  const track = trackOf(course, copy.dataset.kqId);
  label.textContent = `Question ${number}${track ? ` · Track\u00a0${track.number}` : ""}`; // "Track 5" on one line
}

// The questions of one page into their slots; `lost(id, slot)` for those it could not copy.
function fillFromPage(root, href, slots, lost) {
  return load(href).then(
    (source) => {
      for (const [id, slot] of slots) {
        const copy = copyOf(source, id, href);
        if (!copy) {
          lost(id, slot);
          continue;
        }
        slot.append(copy);
        window.KQuiz?.enhance(slot);
      }
    },
    // A page opened from file:// may not read the others: say why, link each question's page.
    () => {
      $("[data-kq-file]", root).hidden = location.protocol !== "file:";
      for (const [id, slot] of slots) lost(id, slot);
    },
  );
}

// Numbers the copies 1, 2, ... in the order of the slots that kept one.
function numberCopies(course, slots) {
  let number = 0;
  for (const [, slot] of slots) {
    const copy = slot.isConnected && $(".kq-question[data-kq-id]", slot);
    if (copy) renumber(course, copy, ++number);
  }
}

/**
 * Fills each `[id, slot]` with its question copied from its page, numbered in slot order; resolves
 * when all are done.
 */
export function copyInto(app, slots, root, lost) {
  const byPage = new Map();
  for (const [id, slot] of slots) {
    const page = app.course.questions.get(id).page;
    if (!byPage.has(page)) byPage.set(page, []);
    byPage.get(page).push([id, slot]);
  }
  return Promise.all(
    [...byPage].map(([page, pageSlots]) => fillFromPage(root, app.url(page), pageSlots, lost)),
  ).then(() => {
    numberCopies(app.course, slots);
    dropCostNotes(app, slots);
  });
}

// "Show answer (the question then earns no XP)" is false of a copy that pays nothing anyway
// (earned or revealed before): its note goes, the button stays.
function dropCostNotes(app, slots) {
  for (const [id, slot] of slots) {
    if (paysNow(app.record, app.course, id)) continue;
    for (const note of $$(".kq-cost", slot)) note.hidden = true;
  }
}

/** In place of a question that could not be copied: a link to answer it on its page. */
export function linkHome(app, id, slot) {
  const track = trackOf(app.course, id);
  slot.append(
    "Answer this question on ",
    app.link(app.course.questions.get(id).page, track ? track.title : "its page"),
    ".",
  );
}
