// Quiz DOM glue (rules: kq-quiz-core.js; events and window.KQuiz: extensions/quiz/__init__.py).
(() => {
  "use strict";
  const $ = (el, sel) => el.querySelector(sel);
  const $$ = (el, sel) => [...el.querySelectorAll(sel)];
  let seed = "";
  try {
    seed = localStorage.getItem("kq-quiz-seed") || "";
    if (!seed) localStorage.setItem("kq-quiz-seed", (seed = Math.random().toString(36).slice(2)));
  } catch (e) {
    seed = ""; // storage blocked: shuffle by question id alone
  }

  const core = window.KQuizCore; // loaded just before
  const make = (tag, cls, text) => {
    const el = document.createElement(tag);
    el.className = cls;
    if (text) el.textContent = text;
    if (tag === "button") el.type = "button";
    return el;
  };

  const wire = (q) => {
    if (q.kqWired) return; // an expando, so a clone of a wired question gets wired again
    q.kqWired = true;
    q.classList.add("kq-ready");
    const id = q.dataset.kqId;
    const kind = q.dataset.kqKind;
    const list = $(q, ".kq-options, .kq-order");
    const text = $(q, ".kq-typed input");
    const live = $(q, ".kq-feedback");
    const check = $(q, ".kq-check");
    const retry = $(q, ".kq-retry");
    const answer = $(q, ".kq-answer");
    const hint = $(q, ".kq-hint");
    const pos = (el) => +(el.dataset.kqPos ?? $(el, "input").value);
    const fire = (type, detail) => q.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
    const boxes = () => (list && kind !== "order" ? $$(list, "input") : []);
    const controls = () => $$(q, ".kq-options input, .kq-typed input, .kq-order button");
    // From the authored order, so a copy shuffles the same way.
    const items = list ? [...list.children].sort((a, b) => pos(a) - pos(b)) : [];
    let attempt = 0;
    let revealed = false;
    let practice = false;
    let testing = false;
    let moved = false;
    let solvedOn = null; // the date of the earlier right answer while shown as solved

    const shuffle = () => {
      if (list && (kind === "order" || q.hasAttribute("data-kq-shuffle"))) {
        list.append(...core.shuffle(items, seed + "|" + id, kind === "order"));
      }
    };
    shuffle();

    const say = (cls, icon, words, extra = []) => {
      const p = make("p", cls);
      const mark = make("span", "kq-icon", icon);
      mark.setAttribute("aria-hidden", "true");
      p.append(mark, " " + words);
      live.replaceChildren(p, ...extra);
    };
    const lock = (on) => {
      controls().forEach((el) => {
        el.disabled = on;
      });
      check.hidden = on || testing;
      retry.hidden = !on || testing;
    };
    const fresh = () => {
      boxes().forEach((b) => {
        b.checked = false;
      });
      if (text) text.value = "";
      moved = false;
      shuffle();
      live.replaceChildren();
    };
    const evaluate = () => {
      if (kind === "order") return core.checkOrder($$(list, "li").map(pos));
      if (kind === "typed") {
        const d = q.dataset;
        const accept = JSON.parse(d.kqAccept || "[]");
        return core.checkTyped(text.value, { accept, number: d.kqNumber, tolerance: d.kqTolerance });
      }
      const b = boxes();
      return core.checkChoice(
        b.map((x) => x.checked),
        b.map((x) => x.hasAttribute("data-kq-correct")),
      );
    };
    const detail = (correct) => {
      const b = boxes();
      const misconceptions = core.misconceptions(
        b.map((x) => x.checked),
        b.map((x) => x.hasAttribute("data-kq-correct")),
        b.map((x) => x.dataset.kqMisconception || ""),
      );
      const d = { id, correct, attempt, revealed, misconceptions, test: testing };
      if (practice) d.practice = true;
      return d;
    };
    const notes = () =>
      $$(list || q, "input:checked")
        .map((b) => answer && $(answer, `.kq-fb[data-kq-for="${b.value}"]`))
        .filter(Boolean)
        .map((fb) => fb.cloneNode(true));
    // The answer and explanation, without the option feedback.
    const solution = () => {
      const body = $(answer, ".kq-body").cloneNode(true);
      $(body, ".kq-fbs")?.remove();
      return [...body.children];
    };

    check.addEventListener("click", () => {
      if (testing) return;
      const correct = evaluate();
      if (correct === null) {
        say("kq-need", "!", kind === "typed" ? "Type an answer first." : "Choose an answer first.");
        return;
      }
      attempt += 1;
      say(correct ? "kq-ok" : "kq-no", correct ? "✓" : "✗", correct ? "Correct!" : "Not quite.", notes());
      lock(true);
      retry.textContent = correct ? "Answer again" : "Try again";
      retry.focus();
      fire("kq:answer", detail(correct));
    });
    retry.addEventListener("click", () => {
      if (solvedOn) {
        // Practice: fresh and unselected.
        solvedOn = null;
        practice = true;
        fresh();
      }
      lock(false);
      live.replaceChildren();
      ($(q, "input:checked") || controls()[0]).focus();
    });
    text?.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        check.click();
      }
    });
    if (kind === "order") {
      list.addEventListener("click", (e) => {
        const button = e.target.closest("button");
        if (!button) return;
        const item = button.closest("li");
        const up = button.classList.contains("kq-up");
        const other = up ? item.previousElementSibling : item.nextElementSibling;
        if (other) up ? other.before(item) : other.after(item);
        moved = true;
        button.focus(); // moving the item in the DOM drops focus
        const at = [...list.children].indexOf(item) + 1;
        live.textContent = `${$(item, ".kq-item-text").textContent.trim()}: position ${at} of ${list.children.length}`;
      });
    }
    q.kqReveal = () => {
      revealed = true;
      fire("kq:reveal", { id });
    };
    answer?.addEventListener("toggle", () => answer.open && q.kqReveal());

    q.kqSolved = (when) => {
      if (testing) return;
      solvedOn = when || "an earlier visit";
      boxes().forEach((b) => {
        b.checked = b.hasAttribute("data-kq-correct");
      });
      if (list && kind === "order") list.append(...items);
      if (text) text.value = q.dataset.kqAnswer || "";
      lock(true);
      retry.textContent = "Practice again";
      // The live region announces it; focus stays where it is.
      say("kq-ok", "✓", `You answered this correctly on ${solvedOn}.`, [
        ...$$(answer, ".kq-expl").map((el) => el.cloneNode(true)),
      ]);
    };
    q.kqAnswered = () =>
      core.answered(kind, { ticked: boxes().map((b) => b.checked), typed: text?.value, moved });
    q.kqTest = (on) => {
      const before = q.kqBefore;
      q.kqBefore = on ? solvedOn : null;
      testing = on;
      solvedOn = null;
      q.classList.remove("kq-right", "kq-wrong");
      if (answer) answer.hidden = on;
      if (hint) hint.hidden = on;
      fresh();
      lock(false);
      if (!on && before) q.kqSolved(before);
    };
    q.kqGrade = () => {
      const correct = evaluate() === true;
      // Left blank: graded wrong in the score, but reported as skipped (no attempt was made).
      const d = { ...detail(correct), attempt: 1, skipped: !q.kqAnswered() };
      lock(true);
      q.classList.add(correct ? "kq-right" : "kq-wrong");
      say(correct ? "kq-ok" : "kq-no", correct ? "✓" : "✗", correct ? "Right." : "Wrong.", [
        ...notes(),
        ...solution(),
      ]);
      fire("kq:answer", d);
      return correct;
    };
    lock(false); // a copied question may arrive in its checked state
    live.replaceChildren();
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

  // No feedback until "Finish test"; then one kq:answer {test: true, attempt: 1} per question.
  const startTest = (root, { title = "Test yourself", onFinish } = {}) => {
    enhance(root);
    root.kqLeave?.();
    const questions = $$(root, ".kq-question");
    const bar = $(root, ".kq-testbar");
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
    const update = () => {
      count.textContent = core.counter(questions.filter((q) => q.kqAnswered()).length, questions.length);
    };
    root.prepend(head);
    root.append(foot);
    if (bar) bar.hidden = true;
    questions.forEach((q) => q.kqTest(true));
    root.addEventListener("input", update);
    root.addEventListener("click", update);
    update();
    root.kqLeave = () => {
      root.removeEventListener("input", update);
      root.removeEventListener("click", update);
      head.remove();
      foot.remove();
      questions.forEach((q) => q.kqTest(false));
      if (bar) bar.hidden = false;
      root.kqLeave = null;
    };
    finish.addEventListener("click", () => {
      const results = questions.map((q) => q.kqGrade());
      const result = core.score(results);
      score.textContent = `${title}: ${result.text}.`;
      foot.remove();
      const retake = make("button", "kq-retake", "Retake test");
      const leave = make("button", "kq-leave", "Leave test");
      retake.addEventListener("click", () => startTest(root, { title, onFinish }));
      leave.addEventListener("click", () => {
        root.kqLeave();
        (bar ? $(bar, "button") : root).focus();
      });
      head.append(retake, leave);
      score.focus();
      onFinish?.({
        right: result.right,
        total: result.total,
        results: questions.map((q, i) => ({ id: q.dataset.kqId, correct: results[i] })),
      });
    });
    score.focus();
  };

  const wireBar = (bar) => {
    if (bar.kqWired) return;
    bar.kqWired = true;
    bar.hidden = false;
    $(bar, "button").addEventListener("click", () => startTest(bar.parentElement));
  };

  const enhance = (root = document) => {
    const questions = root.matches?.(".kq-question") ? [root] : $$(root, ".kq-question");
    questions.forEach(wire);
    $$(root, ".kq-key").forEach(wireKey);
    $$(root, ".kq-testbar").forEach(wireBar);
  };
  const solved = (question, { when } = {}) => {
    wire(question);
    question.kqSolved(when);
  };
  window.KQuiz = { enhance, solved, startTest };
  enhance();
})();
