// The claim form of each code exercise: `form.kq-exercise-claim[data-kq-exercise]`, rendered
// hidden by extensions/exercises (label, input "code", button, status). Here it is shown and
// wired: the code `kq check` printed marks the exercise solved and pays its XP once; the code of
// another exercise, or a typo, is refused with a message in the form's status.

import { solveExercise } from "../actions.js";
import { claim } from "../exercises.js";
import { get } from "../values.js";
import { $, $$, asStatus, make } from "./dom.js";

const SOLVED = "kq-exercise-claim--solved";
const kqCheck = () => make("code", { textContent: "kq check" });

const formsOf = (app) =>
  $$("form.kq-exercise-claim[data-kq-exercise]").filter((form) =>
    app.course.exercises.has(form.dataset.kqExercise),
  );

function statusOf(form) {
  const status = $("[role=status]", form) || form.appendChild(asStatus(make("p")));
  status.id ||= `kq-claim-${form.dataset.kqExercise}-status`;
  return status;
}

// Why a pasted code is refused, in words (an empty one never gets here: the input is required).
function refusal(found) {
  if (found.outcome === "other") {
    const { title, track } = found.exercise;
    return [`That code is for “${title}” (Track ${track.number}), not this exercise.`];
  }
  return ["That is not a code ", kqCheck(), " printed for this exercise — check for a typo."];
}

function submit(app, form) {
  const id = form.dataset.kqExercise;
  const input = form.elements.code;
  const found = claim(app.course, id, input?.value);
  const status = statusOf(form);
  if (found.outcome === "right") {
    input?.removeAttribute("aria-invalid");
    // Drawn again (renderExercises): solved, with its day, even if another tab solved it first.
    app.apply((record) => solveExercise(record, app.course, id, app.today()));
    return;
  }
  input?.setAttribute("aria-invalid", "true");
  status.replaceChildren(...refusal(found));
  input?.focus();
}

/** Shows and wires every claim form of an exercise the course has (the others stay hidden). */
export function wireExercises(app) {
  for (const form of formsOf(app)) {
    const input = form.elements.code;
    if (input) {
      input.required = true;
      const notes = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", `${notes ? `${notes} ` : ""}${statusOf(form).id}`);
    }
    $("button", form)?.classList.add("kq-btn");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(app, form);
    });
    form.hidden = false;
  }
}

// What asks for a code: the label, the input and the button, or the parts of the form they are in
// (not its status, nor the note beside it).
const asking = (form) =>
  [...form.children].filter(
    (child) => child.matches("label, input, button") || $("input, button", child),
  );

/** Each form as the record has it: a solved exercise says when, and asks for no code. */
export function renderExercises(app) {
  for (const form of formsOf(app)) {
    const solved = get(app.record.exercises, form.dataset.kqExercise);
    const status = statusOf(form);
    const hadFocus = form.contains(document.activeElement) && document.activeElement !== status;
    for (const element of asking(form)) element.hidden = !!solved;
    form.classList.toggle(SOLVED, !!solved);
    if (solved) {
      status.textContent = `Solved ✓ on ${solved.day}`;
      status.dataset.kqSolved = "";
      if (hadFocus) {
        status.tabIndex = -1;
        status.focus(); // the button it was on is gone
      }
    } else if (status.dataset.kqSolved !== undefined) {
      status.textContent = ""; // solved no more: a reset, or a replaced record
      delete status.dataset.kqSolved;
    }
  }
}
