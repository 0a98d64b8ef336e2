// Keras Quest progress rules, pure (no DOM): XP, levels, streaks, review boxes, the stored format.
// A classic script (window.KQProgressCore) so the site works from file://; CommonJS for node --test.
((root, api) => {
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KQProgressCore = api;
})(this, (() => {
  "use strict";
  const SCHEMA = "keras-quest-progress";
  const VERSION = 1;
  // MIGRATIONS[n](obj) turns schema n into n+1. Schema 1 is the first shipped, so it is empty.
  const MIGRATIONS = {};
  const DAY = /^\d{4}-\d\d-\d\d$/;
  const own = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const get = (o, k) => (own(o, k) ? o[k] : undefined);
  const isObj = (o) => o !== null && typeof o === "object" && !Array.isArray(o);
  const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
  const isDay = (d) => typeof d === "string" && DAY.test(d);
  const clone = (o) => JSON.parse(JSON.stringify(o));
  const keys = Object.keys;
  const sum = (a, f) => a.reduce((n, x) => n + f(x), 0);

  // Days are the learner's local calendar days; arithmetic runs on UTC so DST never bites.
  const pad = (n) => (n < 10 ? "0" : "") + n;
  const dayKey = (d) => d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  const dayNum = (k) => Date.UTC(+k.slice(0, 4), k.slice(5, 7) - 1, +k.slice(8)) / 864e5;
  const addDays = (k, n) => new Date((dayNum(k) + n) * 864e5).toISOString().slice(0, 10);
  const addDay = (days, d) => {
    if (!days.includes(d)) days.push(d), days.sort();
  };

  // Course data from the build (extensions/progress/assets.py).
  function index(data) {
    const ix = { data, tracks: data.tracks, xp: {}, track: {}, page: {} };
    const add = (q, t) => {
      ix.xp[q[0]] = q[1];
      ix.page[q[0]] = data.pages[q[2]];
      if (t) ix.track[q[0]] = t;
    };
    data.tracks.forEach((t) => t.q.forEach((q) => add(q, t)));
    (data.extra || []).forEach((q) => add(q));
    return ix;
  }

  const fresh = () => ({ schema: SCHEMA, v: VERSION, q: {}, bonus: {}, days: [], ach: {} });
  const fail = (code, error) => ({ code, error });

  const isBool = (b) => typeof b === "boolean";
  const TYPES = { x: isCount, w: isCount, b: isCount, t: isCount, d: isDay, c: isBool, f: isBool, r: isBool };
  const okKey = (k) => k && k.length <= 200 && k !== "__proto__";
  const okRec = (id, r) =>
    okKey(id) && isObj(r) && keys(r).every((k) => !TYPES[k] || TYPES[k](r[k])) && (!r.b || isDay(r.d));

  // Checks stored or imported data; returns {state} (a clean copy in the current schema, unknown
  // fields dropped) or {code, error} with a message a learner can act on.
  function parse(o, migrations = MIGRATIONS, target = VERSION) {
    if (!isObj(o) || o.schema !== SCHEMA) return fail("foreign", "This is not a Keras Quest progress file.");
    if (!isCount(o.v) || !o.v) return fail("invalid", "The progress data has no valid version.");
    if (o.v > target)
      return fail("newer", `This progress is from a newer version of Keras Quest (schema ${o.v}).`);
    while (o.v < target) {
      if (!migrations[o.v]) return fail("invalid", `The progress data cannot be upgraded from schema ${o.v}.`);
      o = migrations[o.v](clone(o));
    }
    const s = fresh(), bad = [];
    const each = (name, what, ok, put) => {
      const v = o[name];
      if (name === "days" ? !Array.isArray(v) : !isObj(v)) return bad.push(`"${name}" is missing`);
      for (const k of keys(v)) ok(k, v[k]) ? put(k, v[k]) : bad.push(what(k, v[k]) + " is not valid");
    };
    each("q", (k) => `question "${k}"`, okRec, (id, r) => {
      s.q[id] = {};
      for (const k in TYPES) if (own(r, k)) s.q[id][k] = r[k];
    });
    each("bonus", (k) => `track bonus "${k}"`, (k, n) => okKey(k) && isCount(n), (k, n) => (s.bonus[k] = n));
    each("days", (i, d) => `day "${d}"`, (i, d) => isDay(d), (i, d) => addDay(s.days, d));
    each("ach", (k) => `achievement "${k}"`, (k, d) => okKey(k) && isDay(d), (k, d) => (s.ach[k] = d));
    s.v = target;
    return bad.length ? fail("invalid", `The progress data is damaged: ${bad[0]}.`) : { state: s };
  }

  const total = (s) => sum(keys(s.q), (id) => s.q[id].x || 0) + sum(keys(s.bonus), (k) => s.bonus[k]);

  // levels: [[min XP, name], ...] rising from 0 (checked by the build).
  function level(xp, levels) {
    let i = 0;
    while (i + 1 < levels.length && xp >= levels[i + 1][0]) i++;
    const next = levels[i + 1], lo = levels[i][0];
    return { n: i + 1, name: levels[i][1], next: next ? next[0] : null, frac: next ? (xp - lo) / (next[0] - lo) : 1 };
  }

  function streaks(days, today) {
    let longest = 0, run = 0, prev = null;
    for (const d of days) {
      const n = dayNum(d);
      run = n === prev + 1 ? run + 1 : 1;
      longest = Math.max(longest, run);
      prev = n;
    }
    // A streak stays alive until the day after its last active day is over.
    let cur = 0, end = days.includes(today) ? today : addDays(today, -1);
    while (days.includes(end)) cur++, end = addDays(end, -1);
    return { current: cur, longest };
  }

  function trackStats(s, t, bonus) {
    const recs = t.q.map((q) => get(s.q, q[0]) || {});
    const answered = recs.filter((r) => r.c).length, n = t.q.length;
    return {
      answered,
      total: n,
      earned: (get(s.bonus, t.id) || 0) + sum(recs, (r) => r.x || 0),
      available: sum(t.q, (q) => q[1]) + (n ? bonus : 0),
      done: n > 0 && answered === n,
      perfect: n > 0 && recs.every((r) => r.f),
    };
  }

  // d: the quiz's kq:answer detail {id, correct, attempt, revealed}; ctx: {today, now}.
  // XP is decided once per question: all of it for a right first attempt, half (rounded down) for
  // a later one, none once the answer was revealed. Attempts and reveals are remembered across
  // visits, so reloading a page never turns a second attempt into a first.
  function answer(state, ix, d, ctx) {
    const s = clone(state), xp = get(ix.xp, d.id);
    const out = { state: s, gained: 0, bonus: [], ach: [], known: xp !== undefined };
    if (!out.known) return out;
    const r = (s.q[d.id] = get(s.q, d.id) || {}), wasRight = !!r.c;
    let first = false;
    if (d.revealed && !wasRight) r.r = true;
    if (d.correct) {
      if (r.x === undefined) {
        first = !r.w && !r.r && (d.attempt || 1) <= 1;
        r.x = out.gained = r.r ? 0 : first ? xp : Math.floor(xp / 2);
        if (first) r.f = true;
      }
      r.c = true;
      addDay(s.days, ctx.today);
    } else if (!wasRight) r.w = (r.w || 0) + 1;
    r.t = ctx.now;
    box(r, ix, ctx.today, d.correct && !d.revealed, !wasRight && !first);
    const t = get(ix.track, d.id);
    if (d.correct && t && !own(s.bonus, t.id) && trackStats(s, t, 0).done) {
      out.gained += s.bonus[t.id] = ix.data.bonus;
      out.bonus.push(t.id);
    }
    out.ach = unlock(s, ix, ctx.today);
    return out;
  }

  // Revealing the answer counts as a miss: no XP for the question any more, and into review.
  const reveal = (state, ix, id, ctx) => answer(state, ix, { id, correct: false, revealed: true }, ctx);

  // Leitner boxes by days. A missed question goes to box 1. Once due, its next answer (on the
  // Review page or its own page) moves it: right goes up a box (past the last it leaves review),
  // wrong back to box 1. It moves at most once per due day, so retries cannot climb boxes.
  function box(r, ix, today, right, missed) {
    const days = ix.data.review;
    if (r.b && r.d <= today) {
      r.b = right ? r.b + 1 : 1;
      if (r.b > days.length) return delete r.b, delete r.d;
    } else if (missed) r.b = 1;
    else return;
    r.d = addDays(today, days[r.b - 1]);
  }

  const inReview = (s, ix) => keys(s.q).filter((id) => s.q[id].b && get(ix.xp, id) !== undefined);
  const byDue = (s) => (a, b) => (s.q[a].d + a < s.q[b].d + b ? -1 : 1);
  const due = (s, ix, today) => inReview(s, ix).filter((id) => s.q[id].d <= today).sort(byDue(s));

  // The next day something comes up for review, and how many questions then.
  function upcoming(s, ix, today) {
    const later = inReview(s, ix).filter((id) => s.q[id].d > today).map((id) => s.q[id].d).sort();
    return later.length ? { day: later[0], count: later.filter((d) => d === later[0]).length } : null;
  }

  // The track to continue: the one answered in last, else the next unfinished one after it.
  function resume(s, ix) {
    const tracks = ix.tracks.filter((t) => t.q.length);
    let last = null, at = -1;
    for (const id of keys(s.q)) {
      const t = get(ix.track, id);
      if (t && (s.q[id].t || 0) > at) (at = s.q[id].t || 0), (last = t);
    }
    const from = Math.max(0, tracks.indexOf(last));
    for (let i = 0; i < tracks.length; i++) {
      const t = tracks[(from + i) % tracks.length];
      if (!trackStats(s, t, 0).done) return t;
    }
    return null;
  }

  // Achievements come from the build as [id, kind, n, title, description]; kinds are tested here.
  function unlock(s, ix, today) {
    const stats = ix.tracks.filter((t) => t.q.length).map((t) => trackStats(s, t, 0));
    const tests = {
      correct: () => keys(s.q).some((id) => s.q[id].c),
      perfect: () => stats.some((t) => t.perfect),
      streak: (n) => streaks(s.days, today).longest >= n,
      level: (n) => level(total(s), ix.data.levels).n >= n,
      all: () => stats.length > 0 && stats.every((t) => t.done),
    };
    const got = (ix.data.ach || []).filter((a) => !own(s.ach, a[0]) && tests[a[1]] && tests[a[1]](a[2]));
    got.forEach((a) => (s.ach[a[0]] = today));
    return got.map((a) => a[0]);
  }

  // Merging two records (import, another device): XP is never added up, a question keeps its larger
  // award, and the later answer decides its review box, so merging the same file twice is a no-op.
  function merge(a, b) {
    const s = clone(a);
    for (const id of keys(b.q)) {
      const x = get(s.q, id), y = b.q[id];
      if (!x) {
        s.q[id] = clone(y);
        continue;
      }
      const m = {}, later = (y.t || 0) > (x.t || 0) ? y : x, w = Math.max(x.w || 0, y.w || 0);
      if (x.x !== undefined || y.x !== undefined) m.x = Math.max(x.x || 0, y.x || 0);
      if (w) m.w = w;
      for (const k of "cfr") if (x[k] || y[k]) m[k] = true;
      if (later.t !== undefined) m.t = later.t;
      if (later.b) (m.b = later.b), (m.d = later.d);
      s.q[id] = m;
    }
    for (const k of keys(b.bonus)) s.bonus[k] = Math.max(get(s.bonus, k) || 0, b.bonus[k]);
    b.days.forEach((d) => addDay(s.days, d));
    for (const k of keys(b.ach)) if (!own(s.ach, k) || b.ach[k] < s.ach[k]) s.ach[k] = b.ach[k];
    return s;
  }

  // One namespaced key. Every change re-reads storage first, so two open tabs build on each other's
  // answers. What cannot be read is set aside under a backup key, never deleted or overwritten.
  function store(storage, key, now) {
    let mem = null;
    const notices = [];
    const toMemory = (code, s) => {
      if (mem === null) notices.push({ code, detail: "" });
      return (mem = s);
    };
    function read() {
      if (mem !== null) return mem;
      let raw, p;
      try {
        raw = storage.getItem(key);
      } catch (e) {
        return toMemory("unavailable", fresh());
      }
      if (raw === null) return fresh();
      try {
        p = parse(JSON.parse(raw));
      } catch (e) {
        p = fail("invalid", "");
      }
      if (p.state) return p.state;
      // Saved by a newer version of the site (another Read the Docs version on this origin).
      if (p.code === "newer") return toMemory("newer", fresh());
      const backup = key + ":backup:" + now();
      try {
        storage.setItem(backup, raw);
        storage.setItem(key, JSON.stringify(fresh()));
      } catch (e) {
        return toMemory("unsaved-corrupt", fresh());
      }
      notices.push({ code: "corrupt", detail: backup });
      return fresh();
    }
    function write(s) {
      if (mem !== null) return (mem = s);
      try {
        storage.setItem(key, JSON.stringify(s));
      } catch (e) {
        toMemory("unavailable", s);
      }
      return s;
    }
    // fn(state) -> {state, ...}, applied to the freshest stored state, then saved.
    const update = (fn) => {
      const res = fn(read());
      write(res.state);
      return res;
    };
    return { read, write, update, notices };
  }

  return {
    SCHEMA, VERSION, MIGRATIONS, dayKey, addDays, index, fresh, parse, total, level,
    streaks, trackStats, answer, reveal, due, upcoming, resume, unlock, merge, store,
  };
})());
