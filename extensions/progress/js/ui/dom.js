// Small DOM and wording helpers shared by the progress UI.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** An element with properties and children. */
export function make(name, properties, ...children) {
  const element = Object.assign(document.createElement(name), properties);
  element.append(...children);
  return element;
}

export const button = (text, quiet) =>
  make("button", {
    type: "button",
    className: `kq-btn${quiet ? " kq-btn--quiet" : ""}`,
    textContent: text,
  });

// Numbers are whole XP and counts: grouped by hand, because the first Intl formatter a page creates
// loads locale data, about a tenth of a second on a phone, on every page.
export const formatNumber = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** "1 question", "2 questions". */
export const count = (n, word) => `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;

/** A time for people: "Mar 13, 2026, 11:00 AM". */
export const when = (ms) =>
  new Date(ms).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });

/** Makes an element a polite status message. */
export function asStatus(element) {
  element.setAttribute("role", "status");
  return element;
}
