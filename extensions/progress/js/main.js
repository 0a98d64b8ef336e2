// Keras Quest progress in the learner's browser: the entry point of the bundle build.mjs makes
// (static/dist/progress.min.js, a classic script, so the site works from file://).
// It reads the course from the `KQProgressCourse` global (_static/kq-course.*.js, written by
// assets.py and loaded before this script), listens to the quiz's kq:answer / kq:reveal events,
// saves through the store and fills the header badge, the course map, My progress, the Review page,
// the final test and the claim forms of code exercises. The rules are the modules beside this one; the sentences a learner reads
// without JavaScript are in the pages.

import "./progress.css";
import { indexCourse } from "./course.js";
import { dayKey } from "./dates.js";
import { openStore } from "./storage.js";
import { enableChanges, listen, markSolved } from "./ui/answers.js";
import { dataPanel } from "./ui/data-panel.js";
import { make } from "./ui/dom.js";
import { wireExercises } from "./ui/exercises.js";
import { finalTest } from "./ui/final-test.js";
import { showNotices } from "./ui/notices.js";
import { render } from "./ui/render.js";
import { reviewPage } from "./ui/review-page.js";

// Reading the property itself throws when storage is blocked.
function browserStorage() {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

function start(data, scriptUrl) {
  const course = indexCourse(data);
  const store = openStore(browserStorage(), course.storageKey, Date.now, course);
  // Pages in the course data are relative to the site root; this script is <root>/_static/….
  const url = (page, anchor) => new URL(`../${page}${anchor ? `#${anchor}` : ""}`, scriptUrl).href;
  const app = {
    course,
    store,
    record: store.read(),
    noticesShown: 0,
    today: () => dayKey(new Date()),
    url,
    link: (page, text, anchor) => make("a", { href: url(page, anchor), textContent: text }),
  };
  app.render = () => render(app);
  app.showNotices = () => showNotices(app);
  enableChanges(app);
  listen(app);
  app.dataPanel = dataPanel(app);
  reviewPage(app);
  finalTest(app);
  wireExercises(app);
  app.render();
  app.showNotices();
  // Deferred scripts run in document order before DOMContentLoaded; the quiz script may come later.
  if (document.readyState === "complete") markSolved(app);
  else document.addEventListener("DOMContentLoaded", () => markSolved(app));
}

const script = document.currentScript;
if (window.KQProgressCourse && script) start(window.KQProgressCourse, script.src);
