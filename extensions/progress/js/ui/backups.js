// The set-aside copies on My progress, newest first, each with Restore, Download and Delete.

import { totalXp } from "../record.js";
import { $, button, formatNumber, make, when } from "./dom.js";
import { holds, mergeWith, readOther } from "./other-records.js";

const WHY = {
  damaged: "damaged record",
  unreadable: "unreadable record",
  reset: "before a reset",
  replaced: "before an import replaced it",
};

function describe(backup, other) {
  const what = other.error
    ? "cannot be read."
    : `${formatNumber(totalXp(other.state))} XP from ${holds(other.state)}.`;
  return `${when(backup.at)} (${WHY[backup.why] || backup.why}): ${what}`;
}

function copyItem(app, panel, backup) {
  const raw = app.store.raw(backup.key) || "";
  const other = readOther(app, raw);
  const item = make("li", {}, make("span", { textContent: describe(backup, other) }), " ");
  const action = (text, run, quiet) => {
    const control = button(text, quiet);
    control.addEventListener("click", run);
    item.append(control, " ");
  };
  if (!other.error) {
    action("Restore", () => {
      app.apply(mergeWith(app, other.state));
      panel.say(`Restored: you now have ${formatNumber(totalXp(app.record))} XP.`);
    });
  }
  action("Download", () => panel.download(`keras-quest-set-aside-${backup.at}.json`, raw), true);
  action(
    "Delete",
    () => {
      if (!window.confirm("Delete this set-aside copy for good?")) return;
      app.store.forget(backup.key);
      app.render();
      app.showNotices();
      panel.say("Copy deleted.");
    },
    true,
  );
  return item;
}

export function renderBackups(app, panel) {
  const box = panel && $("[data-kq-copies]", panel.element);
  if (!box) return;
  const all = app.store.backups();
  box.hidden = !all.length;
  $("[data-kq-copy-list]", box).replaceChildren(
    ...all.map((backup) => copyItem(app, panel, backup)),
  );
}
