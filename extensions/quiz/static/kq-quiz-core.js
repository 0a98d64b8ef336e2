// Quiz rules, pure (no DOM), for kq-quiz.js and node --test (tests/js/quiz.test.mjs).
((root, api) => {
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KQuizCore = api;
})(
  this,
  (() => {
    "use strict";
    // FNV-1a of the key seeds mulberry32: one stable sequence per key.
    const random = (key) => {
      let a = 2166136261;
      for (let i = 0; i < key.length; i++) a = Math.imul(a ^ key.charCodeAt(i), 16777619);
      return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    };
    // Fisher-Yates driven by `key`; `unsolved` rotates an order that came out as authored.
    const shuffle = (items, key, unsolved) => {
      const out = [...items];
      const next = random(key);
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      if (unsolved && out.every((x, i) => x === items[i])) out.push(out.shift());
      return out;
    };
    // Same rule as validate.normalise_answer in Python.
    const normalise = (s) => s.normalize().toLowerCase().replace(/\s+/g, "");
    const toNumber = (s) => Number(String(s).trim().replace(",", "."));
    const near = (x, target, tolerance) =>
      Math.abs(x - target) <= tolerance + 1e-9 * Math.max(1, Math.abs(target));
    // null: nothing typed. q = {accept: [normalised], number?, tolerance?}
    const checkTyped = (typed, q) => {
      const s = typed.trim();
      if (!s) return null;
      return (
        (q.accept || []).includes(normalise(s)) ||
        (q.number != null && near(toNumber(s), +q.number, +q.tolerance || 0))
      );
    };
    // null: nothing ticked.
    const checkChoice = (ticked, correct) =>
      ticked.some(Boolean) ? ticked.every((on, i) => on === correct[i]) : null;
    const checkOrder = (positions) => positions.every((p, i) => p === i);
    // Tags ("" = none) of the ticked wrong options, once each.
    const misconceptions = (ticked, correct, tags) => [
      ...new Set(tags.filter((tag, i) => tag && ticked[i] && !correct[i])),
    ];
    // How a multiple-answer choice went, without naming options: "2 of 3 right options chosen, 1
    // wrong one." ("" when nothing is ticked).
    const tally = (ticked, correct) => {
      const right = ticked.filter((on, i) => on && correct[i]).length;
      const wrong = ticked.filter((on, i) => on && !correct[i]).length;
      const of = correct.filter(Boolean).length;
      if (!right && !wrong) return "";
      const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
      const chosen = `${right} of ${plural(of, "right option", "right options")} chosen`;
      return wrong ? `${chosen}, ${plural(wrong, "wrong one", "wrong ones")}.` : `${chosen}.`;
    };
    // An ordering counts as answered once an item was moved.
    const answered = (kind, { ticked = [], typed = "", moved = false }) =>
      kind === "order" ? moved : kind === "typed" ? !!typed.trim() : ticked.some(Boolean);
    // results: [true|false|null, ...]; null (unanswered) is wrong
    const score = (results) => {
      const right = results.filter((r) => r === true).length;
      return { right, total: results.length, text: `${right} of ${results.length} right` };
    };
    const counter = (done, total) => `${done} of ${total} answered`;

    return {
      random,
      shuffle,
      normalise,
      toNumber,
      near,
      checkTyped,
      checkChoice,
      checkOrder,
      misconceptions,
      tally,
      answered,
      score,
      counter,
    };
  })(),
);
