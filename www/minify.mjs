// Shrinks what wasm-bindgen generates, without changing what it does (run by www/build.sh):
//  1. renames the wasm's imports from the glue (`__wbg_setAttribute_f75317b2b5cabfb4` …, about
//     300 names with random-looking hashes that gzip cannot compress) to short names, in the
//     wasm's import section and in the glue's import object alike;
//  2. minifies the glue and the snippets with esbuild (the `.d.ts` keeps the documentation).
//   node www/minify.mjs --file IN OUT   (one script: the embed script)
//   node www/minify.mjs DIR [NAME]   (DIR holds NAME_bg.wasm, NAME.js, snippets/; NAME
//                                     defaults to reply_widget, the library is reply_library)
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(join(fileURLToPath(new URL(".", import.meta.url)), "..", "tests", "package.json"));
const esbuild = require("esbuild");
const minify = (code) => esbuild.transformSync(code, { minify: true, format: "esm" }).code;

// node www/minify.mjs --file IN OUT: one script minified (the embed script: src/widget/embed.js
// keeps its comments for readers of the source; pkg/embed.js is what every reply page loads
// first, 4.2 KB gzip with them, 1.6 KB without).
if (process.argv[2] === "--file") {
  writeFileSync(process.argv[4], minify(readFileSync(process.argv[3], "utf8")));
  process.exit(0);
}

const dir = process.argv[2];
const NAME = process.argv[3] || "reply_widget";
if (!dir) {
  console.error("usage: node www/minify.mjs DIR [NAME] | --file IN OUT");
  process.exit(1);
}
const GLUE_MODULE = `./${NAME}_bg.js`;
const wasmPath = join(dir, `${NAME}_bg.wasm`);
const jsPath = join(dir, `${NAME}.js`);

// ---- wasm: rewrite the import section ---------------------------------------------------------
const wasm = readFileSync(wasmPath);
let p = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = wasm[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return r;
};
const encodeLeb = (n) => {
  const out = [];
  do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
};
const name = () => { const n = leb(); const s = wasm.subarray(p, p + n).toString("utf8"); p += n; return s; };
const encodeName = (s) => { const b = Buffer.from(s, "utf8"); return Buffer.concat([encodeLeb(b.length), b]); };

/** Short names: a … z, A … Z, then two letters; never `__proto__` or anything else special. */
const short = (i) => {
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do { s = abc[i % 52] + s; i = Math.floor(i / 52) - 1; } while (i >= 0);
  return s;
};

const renames = new Map();
const parts = [wasm.subarray(0, 8)];
while (p < wasm.length) {
  const start = p;
  const id = wasm[p++];
  const len = leb();
  const body = p;
  const end = body + len;
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    p = end;
    continue;
  }
  const count = leb();
  const entries = [encodeLeb(count)];
  for (let i = 0; i < count; i++) {
    const module = name();
    const field = name();
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) leb(); // function: type index
    else if (kind === 1) { p++; const f = leb(); leb(); if (f & 1) leb(); } // table
    else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } // memory
    else if (kind === 3) p += 2; // global
    else if (kind === 4) { p++; leb(); } // tag
    else throw new Error(`minify: unknown import kind ${kind}`);
    let renamed = field;
    if (module === GLUE_MODULE && kind === 0) {
      renamed = short(renames.size);
      renames.set(field, renamed);
    }
    entries.push(encodeName(module), encodeName(renamed), wasm.subarray(descStart, p));
  }
  if (p !== end) throw new Error("minify: import section misread");
  const section = Buffer.concat(entries);
  parts.push(Buffer.from([2]), encodeLeb(section.length), section);
}
writeFileSync(wasmPath, Buffer.concat(parts));

// ---- glue: the same names in its import object --------------------------------------------------
let js = readFileSync(jsPath, "utf8");
for (const [from, to] of renames) {
  const key = new RegExp(`^(\\s+)${from}: function`, "m");
  if (!key.test(js)) throw new Error(`minify: the glue has no import ${from}`);
  js = js.replace(key, `$1${to}: function`);
}
if (/__wbg_\w+_[0-9a-f]{16}: function/.test(js)) throw new Error("minify: an import of the glue was not renamed");

// ---- the page module's init: it also loads the extras module -------------------------------------
// A page that calls init() of reply_widget.js itself gets every result as before the split of
// the page module (issue 21): init() resolves once the extras module (pkg/extras/: targets and
// results) is loaded too. The embed script passes `extras: "later"`, and the first screen does
// not wait for it (src/widget/extras.rs). Should the extras module fail to load, init() still
// resolves: the figures then have no stances.
if (/\nexport function loadExtras\(/.test(js)) {
  const END = "export { initSync, __wbg_init as default };";
  if (!js.includes(END)) throw new Error("minify: the glue's exports are not where they were");
  js = js.replace(END, `async function __rw_init(options) {
    const wasm = await __wbg_init(options);
    if (!(options && options.extras === "later")) await loadExtras().catch(() => {});
    return wasm;
}

export { initSync, __rw_init as default };`);
}

// ---- minify the glue and the snippets -------------------------------------------------------------
writeFileSync(jsPath, minify(js));
const files = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
try {
  for (const f of files(join(dir, "snippets"))) writeFileSync(f, minify(readFileSync(f, "utf8")));
} catch (e) {
  if (e.code !== "ENOENT") throw e;
}
