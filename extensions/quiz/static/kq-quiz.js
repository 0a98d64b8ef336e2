// Quiz DOM glue (rules: kq-quiz-core.js). Fires bubbling `kq:answer` {id, correct, attempt,
// revealed} and `kq:reveal` {id}; no XP. window.KQuiz.enhance(root) wires new questions.
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
    const pos = (el) => +(el.dataset.kqPos ?? $(el, "input").value);
    const fire = (type, detail) => q.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
    let attempt = 0;
    let revealed = false;

    if (list && (kind === "order" || q.hasAttribute("data-kq-shuffle"))) {
      // From the authored order, so a copy shuffles the same way.
      const items = [...list.children].sort((a, b) => pos(a) - pos(b));
      list.append(...core.shuffle(items, seed + "|" + id, kind === "order"));
    }

    const say = (cls, icon, words, extra = []) => {
      const p = document.createElement("p");
      const mark = document.createElement("span");
      mark.className = "kq-icon";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = icon;
      p.className = cls;
      p.append(mark, " " + words);
      live.replaceChildren(p, ...extra);
    };
    const lock = (on) => {
      $$(q, ".kq-options input, .kq-typed input, .kq-order button").forEach((el) => {
        el.disabled = on;
      });
      check.hidden = on;
      retry.hidden = !on;
    };
    const evaluate = () => {
      if (kind === "order") return core.checkOrder($$(list, "li").map(pos));
      if (kind === "typed") {
        const d = q.dataset;
        const accept = JSON.parse(d.kqAccept || "[]");
        return core.checkTyped(text.value, { accept, number: d.kqNumber, tolerance: d.kqTolerance });
      }
      const boxes = $$(list, "input");
      return core.checkChoice(
        boxes.map((b) => b.checked),
        boxes.map((b) => b.hasAttribute("data-kq-correct")),
      );
    };

    check.addEventListener("click", () => {
      const correct = evaluate();
      if (correct === null) {
        say("kq-need", "!", kind === "typed" ? "Type an answer first." : "Choose an answer first.");
        return;
      }
      attempt += 1;
      const notes = list && kind !== "order" ? $$(list, "input:checked") : [];
      const extra = notes
        .map((b) => answer && $(answer, `.kq-fb[data-kq-for="${b.value}"]`))
        .filter(Boolean)
        .map((fb) => fb.cloneNode(true));
      say(correct ? "kq-ok" : "kq-no", correct ? "✓" : "✗", correct ? "Correct!" : "Not quite.", extra);
      lock(true);
      retry.textContent = correct ? "Answer again" : "Try again";
      retry.focus();
      fire("kq:answer", { id, correct, attempt, revealed });
    });
    retry.addEventListener("click", () => {
      lock(false);
      live.replaceChildren();
      ($(q, "input:checked") || $(q, ".kq-options input, .kq-typed input, .kq-order button")).focus();
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

  const enhance = (root = document) => {
    const questions = root.matches?.(".kq-question") ? [root] : $$(root, ".kq-question");
    questions.forEach(wire);
    $$(root, ".kq-key").forEach(wireKey);
  };
  window.KQuiz = { enhance };
  enhance();
})();
