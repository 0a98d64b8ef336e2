// Notices at the top of the article: storage the course cannot use, and damaged progress.

import { $, asStatus, button, make } from "./dom.js";

const VISIT = " This visit's progress lasts until you close the page.";
// "newer": saved by a newer version of the course; "unsaved-corrupt": unreadable, and no room to
// set it aside. Either way the stored data stays as it is.
const UNTOUCHED = `This page cannot use your saved progress, so it is left untouched.${VISIT}`;
const NOTES = {
  unavailable: `This browser does not let the course save progress.${VISIT}`,
  newer: UNTOUCHED,
  "unsaved-corrupt": UNTOUCHED,
};
const DAMAGED =
  "Part of your saved progress was damaged. Everything readable was kept, and a copy of the whole record was set aside in this browser. ";
const UNREADABLE =
  "Your saved progress could not be read, so you start afresh; a copy of it was set aside in this browser. ";

const article = () => $(".bd-article") || $("main") || document.body;

// Damaged progress: the readable part was kept and a copy set aside. Shown on every page until the
// learner dismisses it.
function damagedNotice(app, warning) {
  const notice = asStatus(make("div", { className: "kq-notice" }));
  notice.dataset.kqDamaged = "";
  const dismiss = button("Dismiss");
  dismiss.addEventListener("click", () => {
    app.store.dismiss();
    notice.remove();
  });
  const restore = app.course.progressPage
    ? app.link(app.course.progressPage, "See and restore the set-aside copy")
    : "";
  notice.append(
    make("p", { textContent: warning.why === "damaged" ? DAMAGED : UNREADABLE }),
    make("p", {}, restore, " ", dismiss),
  );
  return notice;
}

/** Shows the store's new notices, and the damaged-progress notice while there is one. */
export function showNotices(app) {
  const notices = app.store.notices;
  for (; app.noticesShown < notices.length; app.noticesShown++) {
    article().prepend(
      asStatus(
        make("p", { className: "kq-notice", textContent: NOTES[notices[app.noticesShown].code] }),
      ),
    );
  }
  const warning = app.store.warning();
  const shown = $("[data-kq-damaged]");
  if (!warning) shown?.remove();
  else if (!shown) article().prepend(damagedNotice(app, warning));
}
