// Keras Quest progress rules, pure (no DOM): XP, levels, mastery, review, daily goal and streaks,
// imports, and the stored format. A classic script (window.KQProgressCore) so the site works from
// file://; CommonJS for node --test. Names are readable everywhere; the short keys of the stored
// record appear only in `encode` / `parse` (docs/authoring/progress-format.md).
((root, api) => {
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KQProgressCore = api;
})(this, (() => {
  "use strict";
  const SCHEMA = "keras-quest-progress";
  const VERSION = 2;
  const DAY = /^\d{4}-\d\d-\d\d$/;
  const own = (o, k) => o != null && Object.prototype.hasOwnProperty.call(o, k);
  const get = (o, k) => (own(o, k) ? o[k] : undefined);
  const isObj = (o) => o !== null && typeof o === "object" && !Array.isArray(o);
  const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
  const isDay = (d) => typeof d === "string" && DAY.test(d);
  const isBool = (b) => typeof b === "boolean";
  const okKey = (k) => typeof k === "string" && k.length > 0 && k.length <= 200 && k !== "__proto__";
  const isLabels = (a) => Array.isArray(a) && a.length <= 50 && a.every(okKey);
  const clone = (o) => JSON.parse(JSON.stringify(o));
  const keys = Object.keys;
  const sum = (a, f) => a.reduce((n, x) => n + f(x), 0);

  // Days are the learner's local calendar days; arithmetic runs on UTC so DST never bites.
  const pad = (n) => (n < 10 ? "0" : "") + n;
  const dayKey = (d) => d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  const dayNum = (k) => Date.UTC(+k.slice(0, 4), k.slice(5, 7) - 1, +k.slice(8)) / 864e5;
  const dayOf = (n) => new Date(n * 864e5).toISOString().slice(0, 10);
  const addDays = (k, n) => dayOf(dayNum(k) + n);
  // Weeks start on Monday; day 0 (1970-01-01) was a Thursday.
  const weekOf = (n) => Math.floor((n + 3) / 7);
  const addDay = (days, d) => {
    if (!days.includes(d)) days.push(d), days.sort();
  };

  // ---- rules that are not configurable (the build hands over the rest) ----------------------
  const GOAL = 5; // the daily goal until the learner sets one
  const GOAL_MAX = 50;
  const GRACE = 2; // days a review may wait past its due day before it counts as missed
  const KEEP_COUNTS = 30; // days of activity counts kept
  const MASTERY = ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"];

  // ---- the course, from the build's data (extensions/progress/assets.py) ---------------------
  function index(data) {
    const course = { data, tracks: [], xp: {}, track: {}, page: {}, misconceptions: data.mis || {} };
    const question = (q, track) => {
      const [id, xp, page] = q;
      course.xp[id] = xp;
      course.page[id] = data.pages[page];
      if (track) course.track[id] = track;
      return { id, xp, page: data.pages[page] };
    };
    for (const t of data.tracks) {
      const track = { id: t.id, number: t.n, title: t.title, page: data.pages[t.p], about: t.about || "" };
      track.questions = t.q.map((q) => question(q, track));
      course.tracks.push(track);
    }
    (data.extra || []).forEach((q) => question(q));
    return course;
  }
  const known = (course, id) => get(course.xp, id) !== undefined;

  // ---- the record -----------------------------------------------------------------------------
  const fresh = () => ({ questions: {}, bonus: {}, goalDays: [], counts: {}, achievements: {}, goal: GOAL });
  const fail = (code, error) => ({ code, error });

  // Stored key, readable name, check. The stored record keeps one-letter keys: it is written on
  // every answer and exported as is.
  const QUESTION = [
    ["x", "xp", isCount], // XP awarded, decided once
    ["c", "correct", isBool], // answered right at least once
    ["f", "firstTry", isBool], // right at the first attempt
    ["w", "wrong", isCount], // wrong attempts before the first right one
    ["r", "revealed", isBool], // answer revealed before it was right
    ["t", "last", isCount], // last answered, ms since 1970
    ["b", "box", (n) => isCount(n) && n > 0], // review box, while in review
    ["d", "due", isDay], // review due day (with box)
    ["k", "recalls", isCount], // right review answers on later days (mastery)
    ["m", "mistakes", isLabels], // misconceptions its wrong answers revealed
  ];

  function encode(s) {
    const q = {};
    for (const id of keys(s.questions)) {
      const r = s.questions[id], out = (q[id] = {});
      for (const [k, name] of QUESTION) if (r[name] !== undefined) out[k] = r[name];
    }
    return {
      schema: SCHEMA, v: VERSION, q, bonus: s.bonus, days: s.goalDays, ach: s.achievements,
      goal: s.goal, log: s.counts,
    };
  }

  // MIGRATIONS[n](obj) turns stored schema n into n+1 (pure; obj is a copy).
  const MIGRATIONS = {
    // 2 added the daily goal (`goal`, `log`), recalls (`k`) and misconceptions (`m`), and every
    // question answered right now enters review. Days with a right answer become days whose goal
    // was met (the old goal was one right answer), and questions answered right that were not in
    // review join it in box 2, due as if they had entered it when last answered.
    1: (o) => {
      for (const id of keys(isObj(o.q) ? o.q : {})) {
        const r = o.q[id];
        if (isObj(r) && r.c === true && r.b === undefined && isCount(r.t) && r.t > 0)
          (r.b = 2), (r.d = addDays(dayKey(new Date(r.t)), 2));
      }
      return { ...o, v: 2, goal: GOAL, log: {} };
    },
  };

  // Reads stored or imported data. Returns {state, problems} with every valid part kept and each
  // broken part named in `problems` (dropped), or {code, error} when nothing can be used.
  function parse(o, migrations = MIGRATIONS, target = VERSION) {
    if (!isObj(o) || o.schema !== SCHEMA) return fail("foreign", "This is not a Keras Quest progress file.");
    if (!isCount(o.v) || !o.v) return fail("invalid", "The progress data has no valid version.");
    if (o.v > target)
      return fail("newer", `This progress is from a newer version of Keras Quest (schema ${o.v}).`);
    o = clone(o);
    while (o.v < target) {
      if (!migrations[o.v]) return fail("invalid", `The progress data cannot be upgraded from schema ${o.v}.`);
      o = migrations[o.v](o);
    }
    const s = fresh(), problems = [];
    const each = (name, what, ok, put, list = false) => {
      const v = o[name];
      if (v === undefined && (name === "log" || name === "goal")) return;
      if (list ? !Array.isArray(v) : !isObj(v)) return problems.push(`"${name}" is missing`);
      for (const k of keys(v)) ok(k, v[k]) ? put(k, v[k]) : problems.push(what(k, v[k]) + " is not valid");
    };
    const okQuestion = (id, r) =>
      okKey(id) && isObj(r) && QUESTION.every(([k, , ok]) => !own(r, k) || ok(r[k])) && (!own(r, "b") || own(r, "d"));
    each("q", (k) => `question "${k}"`, okQuestion, (id, r) => {
      const q = (s.questions[id] = {});
      for (const [k, name] of QUESTION) if (own(r, k)) q[name] = r[k];
      if (q.box === undefined) delete q.due;
    });
    each("bonus", (k) => `track bonus "${k}"`, (k, n) => okKey(k) && isCount(n), (k, n) => (s.bonus[k] = n));
    each("days", (i, d) => `day "${d}"`, (i, d) => isDay(d), (i, d) => addDay(s.goalDays, d), true);
    each("ach", (k) => `achievement "${k}"`, (k, d) => okKey(k) && isDay(d), (k, d) => (s.achievements[k] = d));
    each("log", (k) => `day count "${k}"`, (k, n) => isDay(k) && isCount(n), (k, n) => (s.counts[k] = n));
    if (own(o, "goal")) {
      if (Number.isSafeInteger(o.goal) && o.goal >= 1 && o.goal <= GOAL_MAX) s.goal = o.goal;
      else problems.push("the daily goal is not valid");
    }
    return { state: s, problems };
  }

  // ---- XP and levels ----------------------------------------------------------------------------
  const total = (s) =>
    sum(keys(s.questions), (id) => s.questions[id].xp || 0) + sum(keys(s.bonus), (k) => s.bonus[k]);

  // levels: [[min XP, name], ...] rising from 0 (checked by the build).
  function level(xp, levels) {
    let i = 0;
    while (i + 1 < levels.length && xp >= levels[i + 1][0]) i++;
    const next = levels[i + 1], lo = levels[i][0];
    return { n: i + 1, name: levels[i][1], next: next ? next[0] : null, frac: next ? (xp - lo) / (next[0] - lo) : 1 };
  }

  // What a question pays: all of its XP for a right first attempt, half (rounded down) for a later
  // one, none once its answer was revealed; and only once.
  const award = (r, xp) => (r.revealed ? 0 : r.firstTry ? xp : Math.floor(xp / 2));
  const paysNow = (s, course, id) => {
    const r = get(s.questions, id) || {}, xp = get(course.xp, id) || 0;
    return r.xp !== undefined || r.revealed ? 0 : r.wrong ? Math.floor(xp / 2) : xp;
  };

  // ---- streaks: days the daily goal was met, with one rest day a week -----------------------
  // A streak runs over consecutive days on which the goal was met; one day a week (Monday to
  // Sunday) may be skipped without breaking it. Rest days keep a streak but do not count in it.
  // The current streak stays alive today even if today's goal is not met yet.
  function streaks(days, today) {
    let longest = 0, run = 0, prev = null, rests = new Set();
    const bridge = (from, to) => {
      // Can the days strictly between `from` and `to` all be rest days of this run?
      for (let n = from + 1; n < to; n++) {
        const w = weekOf(n);
        if (rests.has(w)) return false;
        rests.add(w);
      }
      return true;
    };
    for (const d of days) {
      const n = dayNum(d);
      if (prev === null || !bridge(prev, n)) (run = 0), (rests = new Set());
      run++;
      longest = Math.max(longest, run);
      prev = n;
    }
    const t = dayNum(today);
    let current = 0, restLeft = true;
    if (prev !== null && prev <= t && bridge(prev, t)) (current = run), (restLeft = !rests.has(weekOf(t)));
    return { current, longest, restLeft };
  }

  // ---- the daily goal ---------------------------------------------------------------------------
  // A learning answer: a question's first right answer, or the answer to a due review (right or
  // wrong). Practice on questions already learned and not due does not count.
  function count(s, today) {
    s.counts[today] = (get(s.counts, today) || 0) + 1;
    const old = addDays(today, -KEEP_COUNTS);
    for (const d of keys(s.counts)) if (d <= old) delete s.counts[d];
    meet(s, today);
  }
  const meet = (s, today) => {
    if ((get(s.counts, today) || 0) >= s.goal) addDay(s.goalDays, today);
  };
  function setGoal(state, course, n, today) {
    const s = clone(state);
    if (!Number.isSafeInteger(n) || n < 1 || n > GOAL_MAX) return { state: s, error: `Choose a goal from 1 to ${GOAL_MAX}.` };
    s.goal = n;
    meet(s, today); // lowering the goal can meet today's; met days are never taken back
    return { state: s, achievements: unlock(s, course, today) };
  }

  // ---- answers ----------------------------------------------------------------------------------
  function trackStats(s, track, bonus) {
    const recs = track.questions.map((q) => get(s.questions, q.id) || {});
    const answered = recs.filter((r) => r.correct).length, n = recs.length;
    return {
      answered,
      total: n,
      earned: (get(s.bonus, track.id) || 0) + sum(recs, (r) => r.xp || 0),
      available: sum(track.questions, (q) => q.xp) + (n ? bonus : 0),
      done: n > 0 && answered === n,
      perfect: n > 0 && recs.every((r) => r.firstTry),
    };
  }

  // d: the quiz's kq:answer detail {id, correct, attempt, revealed, misconceptions, test,
  // practice, skipped}; ctx: {today, now}. Attempts and reveals are remembered across visits, so reloading a
  // page never turns a second attempt into a first. A test answer follows the same rules.
  function answer(state, course, d, ctx) {
    const s = clone(state), xp = get(course.xp, d.id);
    const out = { state: s, gained: 0, bonus: [], achievements: [], known: xp !== undefined };
    // A question left blank in a test was not attempted: it changes nothing.
    if (!out.known || d.skipped) return out;
    const r = (s.questions[d.id] = get(s.questions, d.id) || {}), wasRight = !!r.correct;
    const wasDue = !!r.box && r.due <= ctx.today;
    let first = false;
    if (d.revealed && !wasRight) r.revealed = true;
    if (d.correct) {
      if (r.xp === undefined) {
        first = !r.wrong && !r.revealed && (d.attempt || 1) <= 1;
        if (first) r.firstTry = true;
        r.xp = out.gained = award(r, xp);
      }
      r.correct = true;
    } else {
      if (!wasRight) r.wrong = (r.wrong || 0) + 1;
      const labels = (d.misconceptions || []).filter((m) => own(course.misconceptions, m));
      if (labels.length) r.mistakes = [...new Set([...(r.mistakes || []), ...labels])].sort();
    }
    r.last = ctx.now;
    schedule(r, course, ctx.today, d.correct && !d.revealed, wasRight, wasDue);
    if ((d.correct && !wasRight) || wasDue) count(s, ctx.today);
    const t = get(course.track, d.id);
    if (d.correct && t && !own(s.bonus, t.id) && trackStats(s, t, 0).done) {
      out.gained += s.bonus[t.id] = course.data.bonus;
      out.bonus.push(t.id);
    }
    out.achievements = unlock(s, course, ctx.today);
    return out;
  }

  // Revealing the answer counts as a miss: no XP for the question any more, and into review.
  const reveal = (state, course, id, ctx) => answer(state, course, { id, correct: false, revealed: true }, ctx);

  // Spaced review (Leitner boxes by days, `progress_review_days`). Every question answered enters
  // review: right at the first attempt in box 2, otherwise in box 1. When it is due, its next
  // answer (on the Review page, in a test or on its own page) moves it once: right goes up a box
  // and counts as a recall (past the last box it leaves review), wrong goes back to box 1 and
  // takes one recall away. Answers on days it is not due are practice and move nothing.
  function schedule(r, course, today, right, wasRight, wasDue) {
    const days = course.data.review;
    if (wasDue) {
      if (right) (r.box += 1), (r.recalls = (r.recalls || 0) + 1);
      else (r.box = 1), (r.recalls = Math.max(0, (r.recalls || 0) - 1));
      if (r.box > days.length) return delete r.box, delete r.due;
    } else if (r.box && !wasRight && !right) r.box = 1;
    else if (!r.box && !wasRight) r.box = right && r.firstTry ? Math.min(2, days.length) : 1;
    else return;
    r.due = addDays(today, days[r.box - 1]);
  }

  const inReview = (s, course) => keys(s.questions).filter((id) => s.questions[id].box && known(course, id));

  // Due questions, interleaved: one from each track in turn (the track with the oldest due
  // question first), so a review session mixes the course instead of replaying one track.
  function due(s, course, today) {
    const groups = new Map();
    const ids = inReview(s, course)
      .filter((id) => s.questions[id].due <= today)
      .sort((a, b) => (s.questions[a].due + a < s.questions[b].due + b ? -1 : 1));
    for (const id of ids) {
      const t = get(course.track, id), g = t ? t.id : "";
      groups.has(g) || groups.set(g, []);
      groups.get(g).push(id);
    }
    const out = [], lists = [...groups.values()];
    for (let i = 0; out.length < ids.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
    return out;
  }

  // The next day something comes up for review, and how many questions then.
  function upcoming(s, course, today) {
    const later = inReview(s, course).filter((id) => s.questions[id].due > today).map((id) => s.questions[id].due).sort();
    return later.length ? { day: later[0], count: later.filter((d) => d === later[0]).length } : null;
  }

  // ---- mastery per track --------------------------------------------------------------------------
  // 1 Attempted: a question of the track answered. 2 Familiar: every question answered right.
  // 3 Proficient: every question also recalled right once on a later day in review. 4 Mastered:
  // every question recalled twice. A review left undone more than GRACE days after its due day
  // drops the track one level (not below Attempted) until it is done; a wrong review answer takes
  // a recall away, which can drop it too.
  function mastery(s, track, today) {
    const recs = track.questions.map((q) => get(s.questions, q.id));
    if (!recs.some((r) => r && (r.correct || r.wrong || r.revealed))) return { level: 0, name: MASTERY[0], slipped: false };
    let lv = 1;
    if (recs.every((r) => r && r.correct)) {
      lv = 2;
      const least = Math.min(...recs.map((r) => r.recalls || 0));
      lv += Math.min(least, 2);
    }
    const late = addDays(today, -GRACE - 1);
    const slipped = lv > 1 && recs.some((r) => r && r.box && r.due <= late);
    if (slipped) lv -= 1;
    return { level: lv, name: MASTERY[lv], slipped };
  }

  // The track to continue: the one answered in last, else the next unfinished one after it.
  function resume(s, course) {
    const tracks = course.tracks.filter((t) => t.questions.length);
    let last = null, at = -1;
    for (const id of keys(s.questions)) {
      const t = get(course.track, id), when = s.questions[id].last || 0;
      if (t && when > at) (at = when), (last = t);
    }
    const from = Math.max(0, tracks.indexOf(last));
    for (let i = 0; i < tracks.length; i++) {
      const t = tracks[(from + i) % tracks.length];
      if (!trackStats(s, t, 0).done) return t;
    }
    return null;
  }

  // The learner's mistakes grouped by the misconception they reveal, most frequent first:
  // [{label, title, page, anchor, questions: [ids]}]. Labels the course no longer has are skipped.
  function mistakes(s, course) {
    const groups = {};
    for (const id of keys(s.questions).sort())
      for (const m of s.questions[id].mistakes || [])
        if (own(course.misconceptions, m) && known(course, id)) (groups[m] = groups[m] || []).push(id);
    return keys(groups)
      .map((label) => {
        const [title, page, anchor] = course.misconceptions[label];
        return { label, title, page: course.data.pages[page], anchor, questions: groups[label] };
      })
      .sort((a, b) => b.questions.length - a.questions.length || (a.label < b.label ? -1 : 1));
  }

  // Achievements come from the build as [id, kind, n, title, description]; kinds are tested here.
  function unlock(s, course, today) {
    const tracks = course.tracks.filter((t) => t.questions.length);
    const stats = tracks.map((t) => trackStats(s, t, 0));
    const tests = {
      correct: () => keys(s.questions).some((id) => s.questions[id].correct),
      perfect: () => stats.some((t) => t.perfect),
      streak: (n) => streaks(s.goalDays, today).longest >= n,
      level: (n) => level(total(s), course.data.levels).n >= n,
      all: () => stats.length > 0 && stats.every((t) => t.done),
      mastered: () => tracks.some((t) => mastery(s, t, today).level === 4),
    };
    const got = (course.data.ach || []).filter((a) => !own(s.achievements, a[0]) && tests[a[1]] && tests[a[1]](a[2]));
    got.forEach((a) => (s.achievements[a[0]] = today));
    return got.map((a) => a[0]);
  }

  // ---- files from elsewhere ----------------------------------------------------------------------
  // An imported (or restored) record is held to this course's own rules: questions the course
  // does not have are ignored, and XP, track bonuses and review boxes are worked out again from
  // what the record says happened, whatever numbers it claims.
  function adopt(state, course, today) {
    const s = clone(state);
    let ignored = 0;
    for (const id of keys(s.questions)) {
      const r = s.questions[id];
      if (!known(course, id)) {
        delete s.questions[id], ignored++;
        continue;
      }
      if (!r.correct) delete r.firstTry, delete r.xp;
      else r.xp = award(r, course.xp[id]);
      if (r.firstTry) delete r.wrong, delete r.revealed;
      if (r.box > course.data.review.length) r.box = course.data.review.length;
      if (r.mistakes) r.mistakes = r.mistakes.filter((m) => own(course.misconceptions, m));
      if (r.mistakes && !r.mistakes.length) delete r.mistakes;
    }
    s.bonus = {};
    for (const t of course.tracks) if (trackStats(s, t, 0).done) s.bonus[t.id] = course.data.bonus;
    const ach = new Set((course.data.ach || []).map((a) => a[0]));
    for (const k of keys(s.achievements)) if (!ach.has(k)) delete s.achievements[k];
    unlock(s, course, today);
    return { state: s, ignored };
  }

  // Merging two records (import, another device): XP is never added up, a question keeps its larger
  // award, and the later answer decides its review box, so merging the same file twice is a no-op.
  function merge(a, b) {
    const s = clone(a);
    for (const id of keys(b.questions)) {
      const x = get(s.questions, id), y = b.questions[id];
      if (!x) {
        s.questions[id] = clone(y);
        continue;
      }
      const m = {}, later = (y.last || 0) > (x.last || 0) ? y : x, wrong = Math.max(x.wrong || 0, y.wrong || 0);
      if (x.xp !== undefined || y.xp !== undefined) m.xp = Math.max(x.xp || 0, y.xp || 0);
      if (wrong) m.wrong = wrong;
      for (const k of ["correct", "firstTry", "revealed"]) if (x[k] || y[k]) m[k] = true;
      if (later.last !== undefined) m.last = later.last;
      if (later.box) (m.box = later.box), (m.due = later.due);
      const recalls = Math.max(x.recalls || 0, y.recalls || 0);
      if (recalls) m.recalls = recalls;
      const labels = [...new Set([...(x.mistakes || []), ...(y.mistakes || [])])].sort();
      if (labels.length) m.mistakes = labels;
      s.questions[id] = m;
    }
    for (const k of keys(b.bonus)) s.bonus[k] = Math.max(get(s.bonus, k) || 0, b.bonus[k]);
    b.goalDays.forEach((d) => addDay(s.goalDays, d));
    for (const d of keys(b.counts)) s.counts[d] = Math.max(get(s.counts, d) || 0, b.counts[d]);
    for (const k of keys(b.achievements))
      if (!own(s.achievements, k) || b.achievements[k] < s.achievements[k]) s.achievements[k] = b.achievements[k];
    return s;
  }

  // ---- storage ------------------------------------------------------------------------------------
  // One namespaced key. Every change re-reads storage first, so two open tabs build on each other's
  // answers. Stored data that cannot be read whole is copied aside first ("<key>:backup:<ms>:<why>")
  // and only its readable parts are kept; at most KEEP_BACKUPS copies are kept, oldest dropped.
  // The notice about a damaged record stays until the learner dismisses it ("<key>:dismissed").
  const KEEP_BACKUPS = 3;
  const WARN = { damaged: 1, unreadable: 1 };
  function store(storage, key, now) {
    let mem = null;
    const notices = [];
    const prefix = key + ":backup:";
    const toMemory = (code, s) => {
      if (mem === null) notices.push({ code });
      return (mem = s);
    };
    function backups() {
      const out = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k && k.startsWith(prefix)) {
            const [at, why = "damaged"] = k.slice(prefix.length).split(":");
            out.push({ key: k, at: +at || 0, why });
          }
        }
      } catch (e) {
        return [];
      }
      return out.sort((a, b) => b.at - a.at || (a.key < b.key ? 1 : -1));
    }
    // Copies raw text aside; false when it cannot be saved.
    function setAside(raw, why) {
      try {
        storage.setItem(prefix + now() + ":" + why, raw);
      } catch (e) {
        return false;
      }
      for (const b of backups().slice(KEEP_BACKUPS)) forget(b.key);
      return true;
    }
    const forget = (k) => {
      try {
        storage.removeItem(k);
      } catch (e) {}
    };
    const dismissed = () => {
      try {
        return +storage.getItem(key + ":dismissed") || 0;
      } catch (e) {
        return 0;
      }
    };
    // The newest copy set aside because the record was damaged, unless dismissed.
    const warning = () => backups().find((b) => WARN[b.why] && b.at > dismissed()) || null;
    const dismiss = () => {
      const w = warning();
      if (w) write(null, key + ":dismissed", String(w.at));
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
        p = fail("unreadable", "");
      }
      if (p.state && !p.problems.length) return p.state;
      // Saved by a newer version of the site (another Read the Docs version on this origin).
      if (p.code === "newer") return toMemory("newer", fresh());
      const keep = p.state || fresh();
      if (!setAside(raw, p.state ? "damaged" : "unreadable")) return toMemory("unsaved-corrupt", keep);
      write(keep);
      return keep;
    }
    function write(s, k = key, text) {
      if (mem !== null && k === key) return (mem = s);
      try {
        storage.setItem(k, text === undefined ? JSON.stringify(encode(s)) : text);
      } catch (e) {
        if (k === key) toMemory("unavailable", s);
      }
      return s;
    }
    // fn(state) -> {state, ...}, applied to the freshest stored state, then saved.
    const update = (fn) => {
      const res = fn(read());
      write(res.state);
      return res;
    };
    // Replace or reset: the record being replaced is copied aside first, so it can be restored.
    const replace = (s, why) => {
      const cur = read();
      if (keys(cur.questions).length || total(cur)) setAside(JSON.stringify(encode(cur)), why);
      return write(s);
    };
    const rawOf = (k) => {
      try {
        return storage.getItem(k);
      } catch (e) {
        return null;
      }
    };
    return { read, write, update, replace, notices, backups, warning, dismiss, forget, raw: rawOf };
  }

  return {
    SCHEMA, VERSION, MIGRATIONS, GOAL, GOAL_MAX, GRACE, MASTERY, dayKey, addDays, index, fresh,
    encode, parse, total, level, paysNow, streaks, setGoal, trackStats, answer, reveal, due,
    upcoming, mastery, resume, mistakes, unlock, adopt, merge, store,
  };
})());
