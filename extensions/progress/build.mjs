// Builds static/dist/ from the readable sources in static/: progress.min.js (progress-core.js then
// progress.js, minified by terser) and progress.min.css (comments and spaces removed), so the site
// stays within its gzipped budget (ASSET_BUDGET in assets.py). progress.min.js starts with the
// SHA-256 (first 16 hex digits) of the three sources, this script and package-lock.json, so
// tests/test_progress_assets.py fails when any of them changed without a rebuild.
// Run from this folder after changing a source:  npm ci && npm run build
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { minify } from "terser";

const SOURCES = ["progress-core.js", "progress.js", "progress.css"];
const TOOLS = ["build.mjs", "package-lock.json"]; // beside this script
const here = new URL("./static/", import.meta.url);
const read = (name) => readFileSync(new URL(name, here), "utf8");

const digest = createHash("sha256");
for (const name of SOURCES) digest.update(read(name), "utf8");
for (const name of TOOLS) digest.update(readFileSync(new URL(name, import.meta.url), "utf8"), "utf8");
// Short, since every byte counts against the budget. The CSS, built in the same run, has none.
const header = `/* extensions/progress/build.mjs ${digest.digest("hex").slice(0, 16)} */\n`;

const js = await minify(read("progress-core.js") + "\n" + read("progress.js"), {
  compress: { passes: 3, unsafe_arrows: true },
  mangle: { toplevel: true },
  toplevel: true,
});
// The CSS is plain enough for this: no strings or urls that contain these characters.
const css = read("progress.css")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/\s*([{};:,>])\s*/g, "$1")
  .replace(/;}/g, "}")
  .replace(/ !important/g, "!important")
  .replace(/([:\s,(])0\./g, "$1.")
  .trim();

mkdirSync(new URL("dist/", here), { recursive: true });
writeFileSync(new URL("dist/progress.min.js", here), header + js.code + "\n");
writeFileSync(new URL("dist/progress.min.css", here), css + "\n");
console.log("built static/dist/progress.min.js and static/dist/progress.min.css");
