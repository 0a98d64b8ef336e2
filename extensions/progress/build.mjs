// Bundles the progress modules in js/ into the files the site serves, with esbuild (the exact
// version is pinned in package.json and package-lock.json):
//   static/dist/progress.min.js   one classic script (an IIFE, so the site works from file://),
//   static/dist/progress.min.css  js/progress.css, imported by js/main.js.
// The output depends only on the sources, this script and the esbuild version: the same inputs
// give the same bytes.
//
//   npm ci && npm run build      rebuild after changing a source (commit static/dist/)
//   node build.mjs --check       fail if the committed static/dist/ is not what the sources give
//                                (tests/test_progress_assets.py runs it)
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = fileURLToPath(new URL(".", import.meta.url));
const BANNER =
  "/* Keras Quest progress: built by extensions/progress/build.mjs from js/; do not edit. */";

const options = {
  absWorkingDir: here,
  entryPoints: ["js/main.js"],
  outfile: "static/dist/progress.min.js",
  bundle: true,
  format: "iife",
  target: ["es2020"],
  minify: true,
  charset: "utf8",
  legalComments: "none",
  banner: { js: BANNER, css: BANNER },
  logLevel: "warning",
  write: false,
};

const result = await build(options);
const outputs = result.outputFiles.map((file) => ({ path: file.path, text: `${file.text}\n` }));

if (process.argv.includes("--check")) {
  const stale = outputs.filter((file) => {
    try {
      return readFileSync(file.path, "utf8") !== file.text;
    } catch {
      return true;
    }
  });
  if (stale.length) {
    const names = stale.map((file) => relative(here, file.path)).join(", ");
    console.error(
      `extensions/progress: ${names} is not what the sources in js/ give. ` +
        "Rebuild and commit it: cd extensions/progress && npm ci && npm run build",
    );
    process.exit(1);
  }
  console.log("extensions/progress: static/dist/ is what the sources give");
} else {
  for (const file of outputs) writeFileSync(file.path, file.text);
  console.log(`built ${outputs.map((file) => relative(here, file.path)).join(" and ")}`);
}
