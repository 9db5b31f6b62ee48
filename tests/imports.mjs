// Import circles (issue 21): in each crate of the workspace, no two top-level modules may use
// each other (`a` uses `crate::b` and `b` uses `crate::a`). Comments (doc links included) and
// test files (`tests.rs`, `tests/`) do not count. Run by tests/run.sh's lint step; prints the
// circles and exits 1 if there is one.
//   node tests/imports.mjs
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const src = join(fileURLToPath(new URL("..", import.meta.url)), "src");

/** Every `.rs` file under `dir`, test files left out. */
function files(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "tests") out.push(...files(path));
    } else if (name.endsWith(".rs") && name !== "tests.rs") out.push(path);
  }
  return out;
}

/** The top-level modules a file's code names after `crate::` (`crate::a::…`, `crate::{a, b::c}`). */
function uses(text) {
  const code = text.replace(/\/\/.*$/gm, "");
  const found = new Set();
  for (const m of code.matchAll(/crate::(\w+|\{[^}]*\})/g)) {
    const list = m[1].startsWith("{") ? m[1].slice(1, -1).split(",") : [m[1]];
    for (const item of list) {
      const name = item.trim().split("::")[0];
      if (/^\w+$/.test(name) && name !== "self") found.add(name);
    }
  }
  return found;
}

let circles = 0;
for (const crate of readdirSync(src).sort()) {
  const root = statSync(join(src, crate, "src"), { throwIfNoEntry: false }) ? join(src, crate, "src") : join(src, crate);
  if (!statSync(root).isDirectory()) continue;
  const deps = new Map();
  for (const file of files(root)) {
    const parts = relative(root, file).slice(0, -3).split(sep);
    const top = parts[0];
    if (parts.length === 1 && ["lib", "main"].includes(top)) continue;
    const set = deps.get(top) ?? new Set();
    for (const name of uses(readFileSync(file, "utf8"))) if (name !== top) set.add(name);
    deps.set(top, set);
  }
  for (const [a, set] of deps) {
    for (const b of set) {
      if (a < b && deps.get(b)?.has(a)) {
        console.error(`import circle in src/${crate}: ${a} <-> ${b}`);
        circles++;
      }
    }
  }
}
if (circles) process.exit(1);
console.log("no import circles between a crate's modules");
