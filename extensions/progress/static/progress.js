// Keras Quest progress, the DOM layer: reads the course data from its script tag, listens to the
// quiz's kq:answer / kq:reveal events, saves through the store in progress-core.js and fills the
// header badge, course maps and the My progress and Review pages.
(() => {
  "use strict";
  const C = window.KQProgressCore, tag = document.querySelector("script[data-kq-progress]");
  if (!C || !tag) return;
  const { answer, dayKey, due, fresh, index, level, merge, parse, resume, reveal, store: open, streaks, total, trackStats, unlock, upcoming } = C;
  const data = JSON.parse(tag.dataset.kqProgress), ix = index(data);
  const $ = (s, r = document) => r.querySelector(s), $$ = (s, r = document) => [...r.querySelectorAll(s)];
  const fmt = (n) => n.toLocaleString("en"), count = (n, w) => fmt(n) + " " + w + (n === 1 ? "" : "s");
  const today = () => dayKey(new Date());
  // The script is always <root>/_static/progress.min.js; pages in the data are relative to <root>.
  const url = (page) => new URL("../" + page, tag.src).href;
  const make = (name, props) => Object.assign(document.createElement(name), props);
  const link = (p, text) => make("a", { href: url(data.pages[p]), textContent: text });
  let storage = null;
  try {
    storage = localStorage; // reading the property itself throws when storage is blocked
  } catch (e) {}
  const store = open(storage, data.key, Date.now);
  let state = store.read(), shown = 0;

  // "newer": saved by a newer version of the course; "unsaved-corrupt": unreadable, and no room to
  // set it aside. Either way the stored data stays as it is.
  const VISIT = " This visit's progress lasts until you close the page.";
  const UNTOUCHED = "This page cannot use your saved progress, so it is left untouched." + VISIT;
  const NOTES = {
    unavailable: "This browser does not let the course save progress." + VISIT,
    newer: UNTOUCHED,
    "unsaved-corrupt": UNTOUCHED,
    corrupt: "Your saved progress could not be read; it is kept in browser storage as “%”, and you start afresh.",
  };
  function notices() {
    for (; shown < store.notices.length; shown++) {
      const n = store.notices[shown];
      const p = make("p", { className: "kq-notice", textContent: NOTES[n.code].replace("%", n.detail) });
      p.setAttribute("role", "status");
      ($(".bd-article") || $("main") || document.body).prepend(p);
    }
  }

  function render() {
    const xp = total(state), lv = level(xp, data.levels), st = streaks(state.days, today());
    const up = upcoming(state, ix, today());
    const toNext = lv.next === null ? "" : fmt(lv.next - xp) + " XP to Lv " + (lv.n + 1);
    for (const b of $$("[data-kq-badge]")) {
      $(".kq-badge__text", b).textContent = `${fmt(xp)} XP · Lv ${lv.n} — ${lv.name}`;
      $(".kq-badge__fill", b).style.width = Math.round(lv.frac * 100) + "%";
      $("[data-kq-next]", b).textContent = ", " + (toNext || "top level");
      b.hidden = false;
    }
    const fields = {
      level: `Lv ${lv.n} — ${lv.name}`,
      xp: fmt(xp) + " XP" + (toNext && ` (${toNext})`),
      streak: count(st.current, "day"),
      longest: count(st.longest, "day"),
      due: count(due(state, ix, today()).length, "question"),
      next: up ? `${count(up.count, "question")} on ${up.day}` : "none scheduled",
    };
    for (const e of $$("[data-kq-f]")) e.textContent = fields[e.dataset.kqF];
    for (const e of $$("[data-kq-panel] .kq-nojs")) e.hidden = true;
    for (const e of $$("[data-kq-panel] .kq-js")) e.hidden = false;
    for (const t of ix.tracks) {
      const s = trackStats(state, t, data.bonus);
      for (const e of $$(`[data-kq-track="${t.id}"]`)) {
        e.textContent = `${s.done ? "✓ Done · " : ""}${s.answered}/${s.total} answered · ${fmt(s.earned)}/${fmt(s.available)} XP`;
        e.hidden = !s.total;
      }
    }
    const next = resume(state, ix), any = ix.tracks.some((t) => t.q.length);
    for (const e of $$("[data-kq-continue]")) {
      if (next) e.replaceChildren(Object.keys(state.q).length ? "Continue where you left off: " : "Start here: ", link(next.p, next.title));
      else e.textContent = "Every track is done!";
      e.hidden = !any;
    }
    const items = $$('[data-kq-panel="achievements"] li');
    data.ach.forEach((a, i) => {
      const li = items[i], when = state.ach[a[0]];
      if (!li) return;
      const tail = $(".kq-when", li) || li.appendChild(make("span", { className: "kq-when" }));
      tail.textContent = when ? " ✓ earned " + when : " (not yet)";
      li.classList.toggle("kq-earned", !!when);
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
    let before = 0;
    const res = store.update((s) => ((before = total(s)), fn(s)));
    state = res.state;
    render();
    notices();
    const was = level(before, data.levels), now = level(total(state), data.levels), words = [];
    if (res.gained) words.push(`+${fmt(res.gained)} XP${res.bonus.length ? ", track bonus included" : ""}.`);
    if (now.n > was.n) words.push(`Level up! You reached Lv ${now.n} — ${now.name}.`);
    for (const a of data.ach) if (res.ach.includes(a[0])) words.push(`Achievement unlocked: ${a[3]}.`);
    if (words.length) celebrate(words, now.n > was.n);
  }
  // A due question counts as reviewed wherever it is answered: the Review page or its own page.
  const on = (type, fn) =>
    document.addEventListener(type, (e) => {
      const d = e.detail || {}, ctx = { today: today(), now: Date.now() };
      if (d.id) apply((s) => fn(s, d, ctx));
    });
  on("kq:answer", (s, d, ctx) => answer(s, ix, d, ctx));
  on("kq:reveal", (s, d, ctx) => reveal(s, ix, d.id, ctx));
  // Another tab saved: show it here too (this tab re-reads storage before each change anyway).
  addEventListener("storage", (e) => {
    if (e.key === data.key || e.key === null) (state = store.read()), render();
  });

  // ---- My progress: export, import, reset (the sentences are in the page, see render.py) -------
  const dp = $('[data-kq-panel="data"]');
  let pending = null;
  const say = (text) => ($("[data-kq-status]", dp).textContent = text);
  const done = (s) => {
    if (s) (state = s), render();
    pending = null;
    $("[data-kq-choice]", dp).hidden = true;
    say(s ? `Done: you now have ${fmt(total(state))} XP.` : "Nothing was changed.");
  };
  const acts = {
    export() {
      const name = `keras-quest-progress-${today()}.json`;
      const json = JSON.stringify({ exported: new Date().toISOString(), ...state }, null, 1);
      const a = make("a", { href: URL.createObjectURL(new Blob([json], { type: "application/json" })), download: name });
      document.body.appendChild(a).click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
      say(`Saved ${fmt(total(state))} XP to ${name}.`);
    },
    reset: () => done(store.write(fresh())),
    replace: () => done(store.write(pending)),
    merge() {
      const file = pending;
      apply((s) => {
        const m = merge(s, file);
        return { state: m, gained: total(m) - total(s), bonus: [], ach: unlock(m, ix, today()) };
      });
      done(state);
    },
    cancel: () => done(),
  };
  if (dp) {
    dp.addEventListener("click", (e) => {
      const b = e.target.closest("button[data-kq-act]"), ask = b && b.dataset.kqConfirm;
      if (b) ask && !window.confirm(ask) ? done() : acts[b.dataset.kqAct]();
    });
    $("input[type=file]", dp).addEventListener("change", async (e) => {
      const f = e.target.files[0];
      e.target.value = "";
      if (!f) return;
      let p;
      try {
        p = parse(JSON.parse(await f.text()));
      } catch (err) {
        p = parse(); // not JSON: refused like any foreign file
      }
      $("[data-kq-choice]", dp).hidden = !!p.error;
      if (p.error) return say(`“${f.name}”: ${p.error} Nothing was changed.`);
      pending = p.state;
      say("");
      $("[data-kq-summary]", dp).textContent =
        `“${f.name}” holds ${fmt(total(pending))} XP from ${count(Object.keys(pending.q).length, "question")}.`;
    });
  }

  // ---- Review: due questions, copied from their pages on this origin ---------------------------
  const rv = $('[data-kq-panel="review"]');
  const load = (href) =>
    href.split("#")[0] === location.href.split("#")[0]
      ? Promise.resolve(document)
      : fetch(href)
          .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
          .then((html) => new DOMParser().parseFromString(html, "text/html"));
  const home = (id, slot) =>
    slot.append("Answer this question on ", link(data.pages.indexOf(ix.page[id]), ix.track[id] ? ix.track[id].title : "its page"), ".");
  if (rv) {
    const list = $("[data-kq-review-list]", rv), pages = {};
    for (const id of due(state, ix, today())) {
      const slot = list.appendChild(make("div", { className: "kq-quiz kq-review__item" }));
      (pages[ix.page[id]] = pages[ix.page[id]] || []).push([id, slot]);
    }
    for (const page in pages) {
      const href = url(page);
      load(href).then(
        (doc) => {
          for (const [id, slot] of pages[page]) {
            let q = doc.querySelector(`.kq-question[data-kq-id="${CSS.escape(id)}"]`);
            if (!q) {
              home(id, slot);
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
          $("[data-kq-file]", rv).hidden = location.protocol !== "file:";
          for (const [id, slot] of pages[page]) home(id, slot);
        }
      );
    }
  }

  render();
  notices();
})();
