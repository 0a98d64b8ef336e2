/* Search excerpts from a page's text, not from its interface (extensions/compat/search.py).
 *
 * Sphinx's search page fetches each result page and shows text around the search words, taken
 * from the page's [role=main] element after removing ".headerlink", <script> and <style>. In
 * the book theme that element also holds the article header (the XP badge, the theme switch,
 * the sidebar toggles), the page's table of contents and the previous/next links, so an excerpt
 * read "0 XP · Lv 1 — Layer Novice System Settings" instead of the page's own words. This
 * removes those parts too, then lets Sphinx's own htmlToText do the rest.
 */
"use strict";
(() => {
  const script = document.currentScript;
  const interfaceParts = script ? script.dataset.kqInterface : "";
  if (typeof Search === "undefined" || !interfaceParts) return;
  const sphinxHtmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    for (const el of doc.querySelectorAll(interfaceParts)) el.remove();
    return sphinxHtmlToText(doc.documentElement.outerHTML, anchor);
  };
})();
