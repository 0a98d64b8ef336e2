// My progress, "Save or move your progress": export, import (merge or replace), reset.

import { freshRecord, totalXp } from "../record.js";
import { encode } from "../store.js";
import { $, formatNumber, make } from "./dom.js";
import { holds, mergeWith, readOther } from "./other-records.js";

function download(name, text) {
  const link = make("a", {
    href: URL.createObjectURL(new Blob([text], { type: "application/json" })),
    download: name,
  });
  document.body.appendChild(link).click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 5000);
}

function actions(app, panel) {
  return {
    export() {
      const name = `keras-quest-progress-${app.today()}.json`;
      download(
        name,
        JSON.stringify({ exported: new Date().toISOString(), ...encode(app.record) }, null, 1),
      );
      panel.say(`Saved ${formatNumber(totalXp(app.record))} XP to ${name}.`);
    },
    reset: () => panel.finish(app.store.replace(freshRecord(), "reset")),
    replace: () => panel.finish(app.store.replace(panel.pending, "replaced")),
    merge() {
      app.apply(mergeWith(app, panel.pending));
      panel.finish(app.record);
    },
    cancel: () => panel.finish(),
  };
}

async function importFile(app, panel, input) {
  const file = input.files[0];
  input.value = "";
  if (!file) return;
  const other = readOther(app, await file.text());
  $("[data-kq-choice]", panel.element).hidden = !!other.error;
  if (other.error) {
    panel.say(`“${file.name}”: ${other.error} Nothing was changed.`);
    return;
  }
  panel.pending = other.state;
  panel.say("");
  $("[data-kq-summary]", panel.element).textContent =
    `“${file.name}” holds ${formatNumber(totalXp(other.state))} XP from ${holds(other.state)}, ` +
    `counted by this course's rules. ${other.note}`.trim();
}

/** The data panel of this page, wired; null when the page has none. */
export function dataPanel(app) {
  const element = $('[data-kq-panel="data"]');
  if (!element) return null;
  const panel = { element, pending: null, download };
  panel.say = (text) => {
    $("[data-kq-status]", element).textContent = text;
  };
  panel.finish = (record) => {
    if (record) {
      app.record = record;
      app.render();
    }
    panel.pending = null;
    $("[data-kq-choice]", element).hidden = true;
    panel.say(
      record
        ? `Done: you now have ${formatNumber(totalXp(app.record))} XP.`
        : "Nothing was changed.",
    );
  };
  const act = actions(app, panel);
  element.addEventListener("click", (event) => {
    const control = event.target.closest("button[data-kq-act]");
    if (!control) return;
    const question = control.dataset.kqConfirm;
    if (question && !window.confirm(question)) panel.finish();
    else act[control.dataset.kqAct]();
  });
  $("input[type=file]", element).addEventListener("change", (event) =>
    importFile(app, panel, event.target),
  );
  return panel;
}
