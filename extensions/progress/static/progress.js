// Keras Quest progress, the DOM layer: reads the course data from its script tag, listens to the
// quiz's kq:answer / kq:reveal events, saves through the store in progress-core.js and fills the
// header badge, the course map cards, the My progress dashboard, the Review page and the final
// test. The rules live in progress-core.js; the sentences a learner reads without JavaScript are
// in the pages (render.py).
(() => {
  "use strict";
  const C = window.KQProgressCore, tag = document.querySelector("script[data-kq-progress]");
  if (!C || !tag) return;
  const data = JSON.parse(tag.dataset.kqProgress), course = C.index(data);
  const $ = (s, r = document) => r.querySelector(s), $$ = (s, r = document) => [...r.querySelectorAll(s)];
  // Numbers are whole XP and counts: grouped by hand, because the first Intl formatter a page
  // creates loads locale data, about a tenth of a second on a phone, on every page.
  const fmt = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","), count = (n, w) => fmt(n) + " " + w + (n === 1 ? "" : "s");
  const today = () => C.dayKey(new Date());
  // The script is always <root>/_static/progress.min.js; pages in the data are relative to <root>.
  const url = (page, anchor) => new URL("../" + page + (anchor ? "#" + anchor : ""), tag.src).href;
  const make = (name, props, ...kids) => {
    const e = Object.assign(document.createElement(name), props);
    e.append(...kids);
    return e;
  };
  const link = (page, text, anchor) => make("a", { href: url(page, anchor), textContent: text });
  const button = (text, quiet) =>
    make("button", { type: "button", className: "kq-btn" + (quiet ? " kq-btn--quiet" : ""), textContent: text });
  const when = (ms) => new Date(ms).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
  let storage = null;
  try {
    storage = localStorage; // reading the property itself throws when storage is blocked
  } catch (e) {}
  const store = C.store(storage, data.key, Date.now);
  let state = store.read(), shown = 0;
  const reviewPage = !!$('[data-kq-panel="review"]'), finalPage = !!$('[data-kq-panel="final"]');

  // ---- notices --------------------------------------------------------------------------------
  // "newer": saved by a newer version of the course; "unsaved-corrupt": unreadable, and no room to
  // set it aside. Either way the stored data stays as it is.
  const VISIT = " This visit's progress lasts until you close the page.";
  const UNTOUCHED = "This page cannot use your saved progress, so it is left untouched." + VISIT;
  const NOTES = {
    unavailable: "This browser does not let the course save progress." + VISIT,
    newer: UNTOUCHED,
    "unsaved-corrupt": UNTOUCHED,
  };
  const article = () => $(".bd-article") || $("main") || document.body;
  function notices() {
    for (; shown < store.notices.length; shown++) {
      const p = make("p", { className: "kq-notice", textContent: NOTES[store.notices[shown].code] });
      p.setAttribute("role", "status");
      article().prepend(p);
    }
    // Damaged progress: the readable part was kept and a copy set aside. Shown on every page until
    // the learner dismisses it.
    const w = store.warning(), old = $("[data-kq-damaged]");
    if (!w) return old && old.remove();
    if (old) return;
    const p = make("div", { className: "kq-notice" });
    p.dataset.kqDamaged = "";
    p.setAttribute("role", "status");
    const dismiss = button("Dismiss");
    dismiss.addEventListener("click", () => {
      store.dismiss();
      p.remove();
    });
    p.append(
      make("p", {
        textContent:
          w.why === "damaged"
            ? "Part of your saved progress was damaged. Everything readable was kept, and a copy of the whole record was set aside in this browser. "
            : "Your saved progress could not be read, so you start afresh; a copy of it was set aside in this browser. ",
      }),
      make("p", {}, data.progress ? link(data.progress, "See and restore the set-aside copy") : "", " ", dismiss)
    );
    article().prepend(p);
  }

  // ---- what every page shows --------------------------------------------------------------------
  const fill = (f, text) => $$(`[data-kq-f="${f}"]`).forEach((e) => (e.textContent = text));
  const meter = (m, value, max) =>
    $$(`[data-kq-m="${m}"]`).forEach((e) => ((e.max = max), (e.value = Math.min(value, max))));
  function render() {
    const day = today(), xp = C.total(state), lv = C.level(xp, data.levels), st = C.streaks(state.goalDays, day);
    const up = C.upcoming(state, course, day), dueNow = C.due(state, course, day).length;
    const toNext = lv.next === null ? "" : fmt(lv.next - xp) + " XP to Lv " + (lv.n + 1);
    for (const b of $$("[data-kq-badge]")) {
      $("[data-kq-b=xp]", b).textContent = fmt(xp) + " XP";
      $("[data-kq-b=lv]", b).textContent = "Lv " + lv.n;
      $("[data-kq-b=name]", b).textContent = " — " + lv.name;
      $(".kq-badge__fill", b).style.width = Math.round(lv.frac * 100) + "%";
      $("[data-kq-next]", b).textContent = ", " + (toNext || "top level");
      b.hidden = false;
    }
    const done = state.counts[day] || 0, quizzes = tracks();
    const mastered = quizzes.filter((t) => C.mastery(state, t, day).level === 4).length;
    fill("level", `Lv ${lv.n} — ${lv.name}`);
    fill("xp", fmt(xp) + " XP" + (toNext && ` · ${toNext}`));
    meter("level", lv.frac, 1);
    fill("streak", count(st.current, "day"));
    fill("rest", st.restLeft ? "Rest day this week: still free" : "Rest day this week: used");
    fill("longest", count(st.longest, "day"));
    fill("today", `${fmt(done)} of ${fmt(state.goal)}` + (done >= state.goal ? " ✓ goal met" : ""));
    fill("goal", `Goal: ${count(state.goal, "question")} a day`);
    meter("today", done, state.goal);
    fill("due", count(dueNow, "question"));
    fill("next", up ? `Next: ${count(up.count, "question")} on ${up.day}` : "Next: none scheduled");
    fill("mastered", `${mastered} of ${quizzes.length}`);
    for (const e of $$("[data-kq-goal]")) if (document.activeElement !== e) e.value = state.goal;
    for (const e of $$("[data-kq-panel] .kq-nojs")) e.hidden = true;
    for (const e of $$("[data-kq-panel] .kq-js")) e.hidden = false;
    cards(day);
    achievements();
    copies();
  }

  // The course map: one card per track with a ring, its state, mastery, and "continue".
  function cards(day) {
    const next = C.resume(state, course), started = Object.keys(state.questions).length > 0;
    for (const t of course.tracks) {
      const s = C.trackStats(state, t, data.bonus), m = C.mastery(state, t, day);
      const phase = !s.total ? "empty" : s.done ? "done" : m.level ? "started" : "new";
      for (const e of $$(`[data-kq-track="${t.id}"]`)) {
        const card = e.closest(".kq-cm-card") || e;
        card.classList.remove("kq-cm--new", "kq-cm--started", "kq-cm--done", "kq-cm--next");
        card.classList.add("kq-cm--" + phase);
        e.hidden = !s.total;
        if (!s.total) continue;
        const share = s.answered / s.total;
        $(".kq-ring", e).style.setProperty("--kq-p", Math.round(share * 100) + "%");
        const words = { new: "Not started", started: "In progress", done: "✓ Done" }[phase];
        const parts = [`${words} · ${s.answered}/${s.total} answered · ${fmt(s.earned)}/${fmt(s.available)} XP`];
        if (m.level) parts.push(`Mastery: ${m.name}${m.slipped ? " (a review is overdue)" : ""}`);
        $(".kq-cm-state", e).replaceChildren(...parts.flatMap((p, i) => (i ? [make("br"), p] : [p])));
        let go = $(".kq-cm-go", e);
        if (next === t) {
          card.classList.add("kq-cm--next");
          if (!go) go = e.appendChild(make("a", { className: "kq-cm-go" }));
          go.href = url(t.page);
          go.textContent = (started ? "Continue " : "Start ") + "→";
          go.setAttribute("aria-label", (started ? "Continue " : "Start ") + t.title);
        } else if (go) go.remove();
      }
    }
    for (const e of $$("[data-kq-continue]")) {
      if (next) e.replaceChildren(started ? "Continue where you left off: " : "Start here: ", link(next.page, next.title));
      else e.textContent = "Every track is done!";
      e.hidden = !tracks().length;
    }
  }
  const tracks = () => course.tracks.filter((t) => t.questions.length);

  // Achievements as badges: earned ones in colour with their day.
  function achievements() {
    const items = $$('[data-kq-panel="achievements"] li');
    data.ach.forEach((a, i) => {
      const li = items[i], day = state.achievements[a[0]];
      if (!li) return;
      const tail = $(".kq-when", li) || li.appendChild(make("span", { className: "kq-when" }));
      tail.textContent = day ? " ✓ Earned " + day : " Not yet";
      li.classList.toggle("kq-earned", !!day);
    });
  }

  // ---- answers ---------------------------------------------------------------------------------
  let live = $("[data-kq-live]");
  if (!live) {
    live = document.body.appendChild(make("span", { className: "kq-vh" }));
    live.setAttribute("aria-live", "polite");
  }
  function celebrate(words, up) {
    live.textContent = "";
    setTimeout(() => (live.textContent = words.join(" ")), 50); // re-announce identical words too
    if (up)
      for (const b of $$("[data-kq-badge]")) {
        b.classList.remove("kq-levelup");
        void b.offsetWidth; // restarts the animation
        b.classList.add("kq-levelup");
        setTimeout(() => b.classList.remove("kq-levelup"), 2000);
      }
  }
  function apply(fn) {
    let before = 0, metBefore = false;
    const res = store.update((s) => ((before = C.total(s)), (metBefore = s.goalDays.includes(today())), fn(s)));
    state = res.state;
    render();
    notices();
    const was = C.level(before, data.levels), now = C.level(C.total(state), data.levels), words = [];
    if (res.gained) words.push(`+${fmt(res.gained)} XP${res.bonus && res.bonus.length ? ", track bonus included" : ""}.`);
    if (now.n > was.n) words.push(`Level up! You reached Lv ${now.n} — ${now.name}.`);
    if (!metBefore && state.goalDays.includes(today())) words.push("Daily goal met!");
    for (const a of data.ach) if ((res.achievements || []).includes(a[0])) words.push(`Achievement unlocked: ${a[3]}.`);
    if (words.length) celebrate(words, now.n > was.n);
    return res;
  }
  // A due question counts as reviewed wherever it is answered: the Review page, a test or its page.
  const on = (type, fn) =>
    document.addEventListener(type, (e) => {
      const d = e.detail || {}, ctx = { today: today(), now: Date.now() };
      if (d.id) apply((s) => fn(s, d, ctx));
    });
  on("kq:answer", (s, d, ctx) => C.answer(s, course, d, ctx));
  on("kq:reveal", (s, d, ctx) => C.reveal(s, course, d.id, ctx));
  // Another tab saved: show it here too (this tab re-reads storage before each change anyway).
  addEventListener("storage", (e) => {
    if (e.key === null || (e.key && e.key.startsWith(data.key))) (state = store.read()), render(), notices();
  });

  // The daily goal, wherever it can be set.
  document.addEventListener("change", (e) => {
    const input = e.target.closest && e.target.closest("[data-kq-goal]");
    if (!input) return;
    const n = +input.value;
    const res = apply((s) => {
      const r = C.setGoal(s, course, n, today());
      return r.error ? { state: s, error: r.error } : r;
    });
    input.setCustomValidity(res.error || "");
    if (res.error) input.reportValidity();
  });

  // Answered stays answered: on a track page, a question answered right before shows so, with a
  // way to practise it again (practice pays no XP). Copies on the Review and final pages do not.
  function solved() {
    if (reviewPage || finalPage || !window.KQuiz || !window.KQuiz.solved) return;
    for (const q of $$(".kq-question[data-kq-id]")) {
      const r = state.questions[q.dataset.kqId];
      if (r && r.correct) window.KQuiz.solved(q, { when: r.last ? C.dayKey(new Date(r.last)) : "" });
    }
  }

  // ---- My progress: export, import, reset, set-aside copies ------------------------------------
  const dp = $('[data-kq-panel="data"]');
  let pending = null;
  const say = (text) => ($("[data-kq-status]", dp).textContent = text);
  const finish = (s) => {
    if (s) (state = s), render();
    pending = null;
    $("[data-kq-choice]", dp).hidden = true;
    say(s ? `Done: you now have ${fmt(C.total(state))} XP.` : "Nothing was changed.");
  };
  const download = (name, text) => {
    const a = make("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: name });
    document.body.appendChild(a).click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 5000);
  };
  // Reads a file or a set-aside copy: held to this course's rules. {state, note} or {error}.
  function readOther(text) {
    let p;
    try {
      p = C.parse(JSON.parse(text));
    } catch (err) {
      p = C.parse(); // not JSON: refused like any foreign file
    }
    if (p.error) return p;
    const { state: s, ignored } = C.adopt(p.state, course, today());
    const notes = [];
    if (ignored) notes.push(`${count(ignored, "question")} this course does not have ${ignored === 1 ? "was" : "were"} ignored.`);
    if (p.problems.length) notes.push(`${count(p.problems.length, "damaged part")} skipped (${p.problems[0]}).`);
    return { state: s, note: notes.join(" ") };
  }
  const merged = (other) => (s) => {
    const m = C.merge(s, other);
    return { state: m, gained: C.total(m) - C.total(s), achievements: C.unlock(m, course, today()) };
  };
  const acts = {
    export() {
      const name = `keras-quest-progress-${today()}.json`;
      download(name, JSON.stringify({ exported: new Date().toISOString(), ...C.encode(state) }, null, 1));
      say(`Saved ${fmt(C.total(state))} XP to ${name}.`);
    },
    reset: () => finish(store.replace(C.fresh(), "reset")),
    replace: () => finish(store.replace(pending, "replaced")),
    merge() {
      apply(merged(pending));
      finish(state);
    },
    cancel: () => finish(),
  };
  const WHY = { damaged: "damaged record", unreadable: "unreadable record", reset: "before a reset", replaced: "before an import replaced it" };
  // The set-aside copies, newest first, each with Restore, Download and Delete.
  function copies() {
    const box = dp && $("[data-kq-copies]", dp);
    if (!box) return;
    const list = $("[data-kq-copy-list]", box), all = store.backups();
    box.hidden = !all.length;
    list.replaceChildren(
      ...all.map((b) => {
        const raw = store.raw(b.key) || "", other = readOther(raw);
        const li = make("li", {}, make("span", {
          textContent: `${when(b.at)} (${WHY[b.why] || b.why}): ` +
            (other.error ? "cannot be read." : `${fmt(C.total(other.state))} XP from ${count(Object.keys(other.state.questions).length, "question")}.`),
        }), " ");
        const act = (text, fn, quiet) => {
          const btn = button(text, quiet);
          btn.addEventListener("click", fn);
          li.append(btn, " ");
        };
        if (!other.error)
          act("Restore", () => {
            apply(merged(other.state));
            say(`Restored: you now have ${fmt(C.total(state))} XP.`);
          });
        act("Download", () => download(`keras-quest-set-aside-${b.at}.json`, raw), true);
        act("Delete", () => {
          if (window.confirm("Delete this set-aside copy for good?")) store.forget(b.key), render(), notices(), say("Copy deleted.");
        }, true);
        return li;
      })
    );
  }
  if (dp) {
    dp.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-kq-act]"), ask = b && b.dataset.kqConfirm;
      if (b) ask && !window.confirm(ask) ? finish() : acts[b.dataset.kqAct]();
    });
    $("input[type=file]", dp).addEventListener("change", async (e) => {
      const f = e.target.files[0];
      e.target.value = "";
      if (!f) return;
      const other = readOther(await f.text());
      $("[data-kq-choice]", dp).hidden = !!other.error;
      if (other.error) return say(`“${f.name}”: ${other.error} Nothing was changed.`);
      pending = other.state;
      say("");
      $("[data-kq-summary]", dp).textContent =
        `“${f.name}” holds ${fmt(C.total(pending))} XP from ${count(Object.keys(pending.questions).length, "question")}, ` +
        ("counted by this course's rules. " + other.note).trim();
    });
  }

  // ---- questions copied from their pages (Review, final test) -----------------------------------
  const load = (href) =>
    href.split("#")[0] === location.href.split("#")[0]
      ? Promise.resolve(document)
      : fetch(href)
          .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
          .then((html) => new DOMParser().parseFromString(html, "text/html"));
  const trackOf = (id) => course.track[id];
  // Fills each slot with its question copied from its page; calls back with those it could not.
  function copyInto(slots, root, lost) {
    const pages = {};
    for (const [id, slot] of slots) (pages[course.page[id]] = pages[course.page[id]] || []).push([id, slot]);
    return Promise.all(
      Object.keys(pages).map((page) => {
        const href = url(page);
        return load(href).then(
          (doc) => {
            for (const [id, slot] of pages[page]) {
              let q = doc.querySelector(`.kq-question[data-kq-id="${CSS.escape(id)}"]`);
              if (!q) {
                lost(id, slot);
                continue;
              }
              q = document.importNode(q, true);
              // Links and images in the copy are relative to the page it comes from.
              for (const e of $$("[href],[src]", q)) {
                const attr = e.hasAttribute("href") ? "href" : "src";
                e.setAttribute(attr, new URL(e.getAttribute(attr), href).href);
              }
              slot.append(q);
              if (window.KQuiz) window.KQuiz.enhance(slot);
            }
          },
          // A page opened from file:// may not read the others: say why, link each question's page.
          () => {
            $("[data-kq-file]", root).hidden = location.protocol !== "file:";
            for (const [id, slot] of pages[page]) lost(id, slot);
          }
        );
      })
    );
  }
  const home = (id, slot) =>
    slot.append("Answer this question on ", link(course.page[id], trackOf(id) ? trackOf(id).title : "its page"), ".");

  // Review: due questions from every track, interleaved; where each comes from and what it pays.
  const rv = $('[data-kq-panel="review"]');
  if (rv) {
    const list = $("[data-kq-review-list]", rv), slots = [];
    for (const id of C.due(state, course, today())) {
      const t = trackOf(id), pays = C.paysNow(state, course, id);
      const from = make("p", { className: "kq-review__from" }, "From ", t ? link(t.page, t.title) : link(course.page[id], "another page"),
        " · " + (pays ? `pays ${fmt(pays)} XP now` : "review only, no XP (already earned or revealed)"));
      const slot = make("div", { className: "kq-quiz kq-review__item" });
      list.append(make("div", { className: "kq-review__entry" }, from, slot));
      slots.push([id, slot]);
    }
    copyInto(slots, rv, home);
    const groups = C.mistakes(state, course), box = $("[data-kq-mistakes]", rv);
    box.hidden = !groups.length;
    $("[data-kq-mistake-list]", rv).replaceChildren(
      ...groups.map((g) =>
        make("li", {}, link(g.page, g.title, g.anchor), ` — ${count(g.questions.length, "question")} missed: `,
          ...g.questions.flatMap((id, i) => [i ? ", " : "", link(course.page[id], trackOf(id) ? `Track ${trackOf(id).number}` : "question", "kq-" + id)]))
      )
    );
  }

  // The final test: one question from every track, then more at random, up to FINAL.
  const FINAL = 20;
  const fp = $('[data-kq-panel="final"]');
  if (fp) {
    const pick = () => {
      const shuffled = (a) => a.map((x) => [Math.random(), x]).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
      const first = tracks().map((t) => shuffled(t.questions)[0].id);
      const rest = shuffled(tracks().flatMap((t) => t.questions.map((q) => q.id)).filter((id) => !first.includes(id)));
      return first.concat(rest).slice(0, Math.max(FINAL, first.length));
    };
    $("[data-kq-final-about]", fp).textContent =
      `${Math.min(FINAL, Object.keys(course.track).length)} questions from all ${tracks().length} tracks, with no feedback until you finish. ` +
      "Questions you never answered pay their XP; the ones you miss come back for review.";
    $("[data-kq-act=final]", fp).addEventListener("click", (e) => {
      const list = $("[data-kq-final-list]", fp), slots = [];
      list.replaceChildren();
      e.target.disabled = true;
      for (const id of pick()) {
        const slot = list.appendChild(make("div", { className: "kq-quiz kq-final__item" }));
        slots.push([id, slot]);
      }
      const lost = [];
      copyInto(slots, fp, (id, slot) => (lost.push(id), slot.remove())).then(() => {
        e.target.disabled = false;
        e.target.textContent = "Start a new final test";
        if (list.querySelector(".kq-question") && window.KQuiz && window.KQuiz.startTest)
          window.KQuiz.startTest(list, { title: "Final test" });
      });
    });
  }

  render();
  notices();
  // Deferred scripts run in document order before DOMContentLoaded; the quiz script may come later.
  if (document.readyState === "complete") solved();
  else document.addEventListener("DOMContentLoaded", solved);
})();
