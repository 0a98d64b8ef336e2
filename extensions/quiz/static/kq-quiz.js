// Quiz DOM glue (rules: kq-quiz-core.js; events and window.KQuiz: extensions/quiz/__init__.py).
(() => {
  "use strict";
  const $ = (el, sel) => el.querySelector(sel);
  const $$ = (el, sel) => [...el.querySelectorAll(sel)];
  const core = window.KQuizCore; // loaded just before

  // One seed per browser: a learner sees the same shuffle on every visit.
  const readSeed = () => {
    try {
      let seed = localStorage.getItem("kq-quiz-seed");
      if (!seed) {
        seed = Math.random().toString(36).slice(2);
        localStorage.setItem("kq-quiz-seed", seed);
      }
      return seed;
    } catch {
      return ""; // storage blocked: shuffle by question id alone
    }
  };
  const seed = readSeed();

  const make = (tag, cls, text) => {
    const el = document.createElement(tag);
    el.className = cls;
    if (text) el.textContent = text;
    if (tag === "button") el.type = "button";
    return el;
  };

  // One question: its parts and its state, the `s` every function below takes.
  const position = (el) => +(el.dataset.kqPos ?? $(el, "input").value);
  const parts = (q) => {
    const list = $(q, ".kq-options, .kq-order");
    return {
      q,
      id: q.dataset.kqId,
      kind: q.dataset.kqKind,
      list,
      text: $(q, ".kq-typed input"),
      live: $(q, ".kq-feedback"),
      check: $(q, ".kq-check"),
      retry: $(q, ".kq-retry"),
      answer: $(q, ".kq-answer"),
      cost: $(q, ".kq-cost"), // "(the question then earns no XP)"
      hint: $(q, ".kq-hint"),
      // From the authored order, so a copy shuffles the same way.
      items: list ? [...list.children].sort((a, b) => position(a) - position(b)) : [],
      attempt: 0,
      revealed: false,
      practice: false,
      testing: false,
      moved: false,
      solvedOn: null, // the date of the earlier right answer while shown as solved
    };
  };
  const fire = (s, type, detail) =>
    s.q.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
  const boxes = (s) => (s.list && s.kind !== "order" ? $$(s.list, "input") : []);
  const controls = (s) => $$(s.q, ".kq-options input, .kq-typed input, .kq-order button");
  const ticked = (s) => boxes(s).map((b) => b.checked);
  const marked = (s) => boxes(s).map((b) => b.hasAttribute("data-kq-correct"));

  const shuffle = (s) => {
    if (s.list && (s.kind === "order" || s.q.hasAttribute("data-kq-shuffle"))) {
      s.list.append(...core.shuffle(s.items, `${seed}|${s.id}`, s.kind === "order"));
    }
  };
  const say = (s, cls, icon, words, extra = []) => {
    const p = make("p", cls);
    const mark = make("span", "kq-icon", icon);
    mark.setAttribute("aria-hidden", "true");
    p.append(mark, ` ${words}`);
    s.live.replaceChildren(p, ...extra);
  };
  const verdict = (s, correct, right, wrong, extra) =>
    say(s, correct ? "kq-ok" : "kq-no", correct ? "✓" : "✗", correct ? right : wrong, extra);

  // Marks in place after a check, with words for screen readers. A wrong multiple-answer choice
  // only says "your choice" (ticking all would show the answer) and a wrong order marks no row,
  // unless the answer is `shown` anyway (a test's grade, a solved question).
  const WORDS = { "✓": "right", "✗": "wrong" };
  const mark = (where, icon, words) => {
    const el = make("span", `kq-mark kq-mark-${WORDS[icon] || "chosen"}`);
    const i = make("span", "", icon);
    i.setAttribute("aria-hidden", "true");
    el.append(" ", i, icon ? make("span", "kq-sr", `(${words})`) : `(${words})`);
    where.append(el);
    // The row's edge takes the mark's colour (a class, not :has(): EPUBCheck refuses :has()).
    const row = WORDS[icon] && where.closest(".kq-option, .kq-item, .kq-typed");
    if (row) row.classList.add(`kq-marked-${WORDS[icon]}`);
  };
  const markAnswer = (s, correct, shown) => {
    const right = marked(s);
    for (const [i, box] of boxes(s).entries()) {
      const label = box.labels?.[0];
      if (!label || !(box.checked || (shown && right[i]))) continue;
      if (!box.checked) mark(label, "✓", "a right option, not chosen");
      else if (shown || correct || s.kind === "single")
        mark(label, right[i] ? "✓" : "✗", `your choice, ${right[i] ? "right" : "wrong"}`);
      else mark(label, "", "your choice");
    }
    const yes = correct ? "✓" : "✗";
    if (s.text) mark(s.text.parentElement, yes, `your answer, ${WORDS[yes]}`);
    if (s.kind === "order" && (shown || correct)) {
      for (const [i, row] of $$(s.list, "li").entries()) {
        const ok = position(row) === i;
        mark($(row, ".kq-item-text"), ok ? "✓" : "✗", `in the ${ok ? "right" : "wrong"} place`);
      }
    }
    // Answered right, the question has paid (or never will): "Show answer" stops warning.
    if (correct && s.cost) s.cost.hidden = true;
  };
  const explanation = (s) => $$(s.answer || s.q, ".kq-expl").map((el) => el.cloneNode(true));
  // "Not quite. 2 of 3 right options chosen, 1 wrong one.": naming no option.
  const wrongly = (s, words, correct) =>
    s.kind === "multiple" && !correct ? `${words} ${core.tally(ticked(s), marked(s))}` : words;
  const lock = (s, on) => {
    for (const el of controls(s)) el.disabled = on;
    if (!on) {
      for (const el of $$(s.q, ".kq-mark")) el.remove();
      for (const el of $$(s.q, ".kq-marked-right, .kq-marked-wrong"))
        el.classList.remove("kq-marked-right", "kq-marked-wrong");
    }
    s.check.hidden = on || s.testing;
    s.retry.hidden = !on || s.testing;
  };
  const fresh = (s) => {
    for (const b of boxes(s)) b.checked = false;
    if (s.text) s.text.value = "";
    s.moved = false;
    shuffle(s);
    s.live.replaceChildren();
  };

  // true, false, or null when nothing is answered yet.
  const evaluate = (s) => {
    if (s.kind === "order") return core.checkOrder($$(s.list, "li").map(position));
    if (s.kind === "typed") {
      const d = s.q.dataset;
      const accept = JSON.parse(d.kqAccept || "[]");
      return core.checkTyped(s.text.value, {
        accept,
        number: d.kqNumber,
        tolerance: d.kqTolerance,
      });
    }
    return core.checkChoice(ticked(s), marked(s));
  };
  // The detail of a kq:answer event.
  const detail = (s, correct) => {
    const tags = boxes(s).map((b) => b.dataset.kqMisconception || "");
    const misconceptions = core.misconceptions(ticked(s), marked(s), tags);
    const { id, attempt, revealed } = s;
    const d = { id, correct, attempt, revealed, misconceptions, test: s.testing };
    if (s.practice) d.practice = true;
    return d;
  };
  // The feedback of the ticked options.
  const notes = (s) =>
    $$(s.list || s.q, "input:checked")
      .map((b) => s.answer && $(s.answer, `.kq-fb[data-kq-for="${b.value}"]`))
      .filter(Boolean)
      .map((fb) => fb.cloneNode(true));
  // The answer and explanation, without the option feedback.
  const solution = (s) => {
    const body = $(s.answer, ".kq-body").cloneNode(true);
    $(body, ".kq-fbs")?.remove();
    return [...body.children];
  };

  const onCheck = (s) => {
    if (s.testing) return;
    const correct = evaluate(s);
    if (correct === null) {
      say(
        s,
        "kq-need",
        "!",
        s.kind === "typed" ? "Type an answer first." : "Choose an answer first.",
      );
      return;
    }
    s.attempt += 1;
    // A right answer shows its explanation at once.
    const extra = correct ? [...notes(s), ...explanation(s)] : notes(s);
    verdict(s, correct, "Correct!", wrongly(s, "Not quite.", correct), extra);
    markAnswer(s, correct, correct);
    lock(s, true);
    s.retry.textContent = correct ? "Answer again" : "Try again";
    s.retry.focus();
    fire(s, "kq:answer", detail(s, correct));
  };
  const onRetry = (s) => {
    if (s.solvedOn) {
      // Practice: fresh and unselected.
      s.solvedOn = null;
      s.practice = true;
      fresh(s);
    }
    lock(s, false);
    s.live.replaceChildren();
    ($(s.q, "input:checked") || controls(s)[0]).focus();
  };
  // An up or down button of an ordering item.
  const onMove = (s, e) => {
    const button = e.target.closest("button");
    if (!button) return;
    const item = button.closest("li");
    const up = button.classList.contains("kq-up");
    const other = up ? item.previousElementSibling : item.nextElementSibling;
    if (other && up) other.before(item);
    else if (other) other.after(item);
    s.moved = true;
    button.focus(); // moving the item in the DOM drops focus
    const at = [...s.list.children].indexOf(item) + 1;
    const label = $(item, ".kq-item-text").textContent.trim();
    s.live.textContent = `${label}: position ${at} of ${s.list.children.length}`;
  };
  const listen = (s) => {
    s.check.addEventListener("click", () => onCheck(s));
    s.retry.addEventListener("click", () => onRetry(s));
    s.text?.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        s.check.click();
      }
    });
    if (s.kind === "order") s.list.addEventListener("click", (e) => onMove(s, e));
    s.answer?.addEventListener("toggle", () => {
      if (s.answer.open) s.q.kqReveal();
    });
  };

  // Shown as answered right on an earlier visit (`when`), with the explanation.
  const showSolved = (s, when) => {
    if (s.testing) return;
    s.solvedOn = when || "an earlier visit";
    for (const b of boxes(s)) b.checked = b.hasAttribute("data-kq-correct");
    if (s.list && s.kind === "order") s.list.append(...s.items);
    if (s.text) s.text.value = s.q.dataset.kqAnswer || "";
    lock(s, true);
    markAnswer(s, true, true);
    s.retry.textContent = "Practice again";
    // The live region announces it; focus stays where it is.
    say(s, "kq-ok", "✓", `You answered this correctly on ${s.solvedOn}.`, explanation(s));
  };
  // Into the test mode (no answer, no hint, no feedback) or back out of it.
  const setTesting = (s, on) => {
    const { q } = s;
    const before = q.kqBefore;
    q.kqBefore = on ? s.solvedOn : null;
    s.testing = on;
    s.solvedOn = null;
    q.classList.remove("kq-right", "kq-wrong");
    if (s.answer) s.answer.hidden = on;
    if (s.hint) s.hint.hidden = on;
    fresh(s);
    lock(s, false);
    if (!on && before) q.kqSolved(before);
  };
  const grade = (s) => {
    const correct = evaluate(s) === true;
    // Left blank: graded wrong in the score, but reported as skipped (no attempt was made).
    const d = { ...detail(s, correct), attempt: 1, skipped: !s.q.kqAnswered() };
    lock(s, true);
    s.q.classList.add(correct ? "kq-right" : "kq-wrong");
    verdict(s, correct, "Right.", wrongly(s, "Wrong.", correct), [...notes(s), ...solution(s)]);
    markAnswer(s, correct, true);
    fire(s, "kq:answer", d);
    return correct;
  };
  // What the progress script and the test mode call on the question element.
  const expose = (s) => {
    const { q } = s;
    q.kqReveal = () => {
      s.revealed = true;
      fire(s, "kq:reveal", { id: s.id });
    };
    q.kqSolved = (when) => showSolved(s, when);
    q.kqAnswered = () =>
      core.answered(s.kind, { ticked: ticked(s), typed: s.text?.value, moved: s.moved });
    q.kqTest = (on) => setTesting(s, on);
    q.kqGrade = () => grade(s);
  };

  const wire = (q) => {
    if (q.kqWired) return; // an expando, so a clone of a wired question gets wired again
    q.kqWired = true;
    q.classList.add("kq-ready");
    const s = parts(q);
    shuffle(s);
    listen(s);
    expose(s);
    lock(s, false); // a copied question may arrive in its checked state
    s.live.replaceChildren();
  };

  // Opening a page's answer key reveals every question it answers.
  const wireKey = (key) => {
    if (key.kqWired) return;
    key.kqWired = true;
    key.addEventListener("toggle", () => {
      if (!key.open) return;
      for (const id of key.dataset.kqIds.split(" ")) {
        document.querySelector(`.kq-question[data-kq-id="${id}"]`)?.kqReveal?.();
      }
    });
  };

  // The test's frame: a score line above the questions, a counter and "Finish test" below.
  const testFrame = (title) => {
    const head = make("div", "kq-test");
    head.setAttribute("role", "group");
    head.setAttribute("aria-label", title);
    const score = make("p", "kq-score", `${title}: answer every question, then finish the test.`);
    score.tabIndex = -1;
    head.append(score);
    const foot = make("div", "kq-test");
    const count = make("p", "kq-count");
    count.setAttribute("aria-live", "polite");
    const finish = make("button", "kq-finish", "Finish test");
    foot.append(count, finish);
    return { head, score, foot, count, finish };
  };
  const finishTest = (t) => {
    const { root, questions, frame, title, onFinish } = t;
    const results = questions.map((q) => q.kqGrade());
    const result = core.score(results);
    frame.score.textContent = `${title}: ${result.text}.`;
    frame.foot.remove();
    const retake = make("button", "kq-retake", "Retake test");
    const leave = make("button", "kq-leave", "Leave test");
    retake.addEventListener("click", () => startTest(root, { title, onFinish }));
    leave.addEventListener("click", () => {
      root.kqLeave();
      (t.bar ? $(t.bar, "button") : root).focus();
    });
    frame.head.append(retake, leave);
    frame.score.focus();
    onFinish?.({
      right: result.right,
      total: result.total,
      results: questions.map((q, i) => ({ id: q.dataset.kqId, correct: results[i] })),
    });
  };
  // No feedback until "Finish test"; then one kq:answer {test: true, attempt: 1} per question.
  const startTest = (root, { title = "Test yourself", onFinish } = {}) => {
    enhance(root);
    root.kqLeave?.();
    const questions = $$(root, ".kq-question");
    const t = {
      root,
      questions,
      title,
      onFinish,
      bar: $(root, ".kq-testbar"),
      frame: testFrame(title),
    };
    const { head, foot, count, finish } = t.frame;
    const update = () => {
      count.textContent = core.counter(
        questions.filter((q) => q.kqAnswered()).length,
        questions.length,
      );
    };
    root.prepend(head);
    root.append(foot);
    if (t.bar) t.bar.hidden = true;
    for (const q of questions) q.kqTest(true);
    root.addEventListener("input", update);
    root.addEventListener("click", update);
    update();
    root.kqLeave = () => {
      root.removeEventListener("input", update);
      root.removeEventListener("click", update);
      head.remove();
      foot.remove();
      for (const q of questions) q.kqTest(false);
      if (t.bar) t.bar.hidden = false;
      root.kqLeave = null;
    };
    finish.addEventListener("click", () => finishTest(t));
    t.frame.score.focus();
  };

  const wireBar = (bar) => {
    if (bar.kqWired) return;
    bar.kqWired = true;
    bar.hidden = false;
    $(bar, "button").addEventListener("click", () => startTest(bar.parentElement));
  };

  const enhance = (root = document) => {
    const questions = root.matches?.(".kq-question") ? [root] : $$(root, ".kq-question");
    for (const q of questions) wire(q);
    for (const key of $$(root, ".kq-key")) wireKey(key);
    for (const bar of $$(root, ".kq-testbar")) wireBar(bar);
  };
  const solved = (question, { when } = {}) => {
    wire(question);
    question.kqSolved(when);
  };
  window.KQuiz = { enhance, solved, startTest };
  enhance();
  // While a quiz control has focus, <html> says so, and the stylesheet keeps the theme's "Back to
  // top" pill off the feedback (a class, not html:has(): EPUBCheck refuses :has()).
  const focused = () =>
    document.documentElement.classList.toggle(
      "kq-quiz-focus",
      !!document.activeElement?.closest?.(".kq-question"),
    );
  document.addEventListener("focusin", focused);
  document.addEventListener("focusout", () => setTimeout(focused));
})();
