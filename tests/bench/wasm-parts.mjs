// What the page module's code is made of: each function's body bytes (and a gzip of a group's
// bodies together) by its Rust path, read from the name section of the release wasm before
// wasm-bindgen and wasm-opt (www/build.sh leaves it in target/pkg-build/).
//   node tests/bench/wasm-parts.mjs target/pkg-build/wasm32-unknown-unknown/release/reply_widget.wasm [DEPTH] [ROWS]
// What ships, counted after wasm-bindgen and wasm-opt with the names kept (README, "Size"):
//   wasm-bindgen --target web --keep-debug --out-dir /tmp/wb --out-name rw THAT.wasm
//   wasm-opt -Oz --converge -g (the other options of www/build.sh) /tmp/wb/rw_bg.wasm -o /tmp/wb/opt.wasm
//   node tests/bench/wasm-parts.mjs /tmp/wb/opt.wasm 2
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
const buf = readFileSync(process.argv[2]);
const depth = Number(process.argv[3] || 3);
let p = 8;
const u = () => { let r = 0, s = 0, b; do { b = buf[p++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
let imports = 0, bodies = [], names = new Map();
while (p < buf.length) {
  const id = buf[p++]; const size = u(); const end = p + size;
  if (id === 2) { const n = u(); for (let i = 0; i < n; i++) { let l = u(); p += l; l = u(); p += l; const k = buf[p++]; if (k === 0) { u(); imports++; } else if (k === 1) { p++; const f = u(); u(); if (f & 1) u(); } else if (k === 2) { const f = u(); u(); if (f & 1) u(); } else if (k === 3) { p += 2; } } }
  if (id === 10) { const n = u(); for (let i = 0; i < n; i++) { const s = u(); bodies.push([p, s]); p += s; } }
  if (id === 0) { const l = u(); const nm = buf.slice(p, p + l).toString(); p += l; if (nm === "name") { while (p < end) { const sid = buf[p++]; const ss = u(); const se = p + ss; if (sid === 1) { const n = u(); for (let i = 0; i < n; i++) { const idx = u(); const l2 = u(); names.set(idx, buf.slice(p, p + l2).toString()); p += l2; } } p = se; } } }
  p = end;
}
/** A demangled name (`wasm-opt -g` keeps names demangled: `reply_core[hash]::parse::x`,
 *  `<reply_widget[hash]::dom::State>::paint`): its path to `depth`, of the type for a method. */
function demangled(name) {
  const n = name.replace(/\[[0-9a-f]{16}\]/g, "");
  const m = n.match(/^<&?(?:mut )?(.+?)(?: as .+?)?>::/);
  return (m ? m[1] : n).replace(/<.*$/, "").split("::").slice(0, depth).join("::");
}
function path(name) {
  if (!name) return "?";
  if (/\[[0-9a-f]{16}\]/.test(name)) return demangled(name);
  if (name.startsWith("_R")) {
    const c = name.indexOf("_", 2 + name.slice(2).search(/Cs/) + 2);
    const idents = [];
    let i = name.search(/Cs[0-9A-Za-z]+_/);
    if (i < 0) return name.slice(0, 30);
    i = name.indexOf("_", i) + 1;
    while (i < name.length && idents.length < depth) {
      const d = name.slice(i).match(/^(\d+)(_?)/);
      if (!d) { i++; continue; }
      const n = Number(d[1]);
      const start = i + d[1].length + (d[2] ? 1 : 0);
      const id = name.slice(start, start + n);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) idents.push(id);
      i = start + n;
    }
    return idents.join("::");
  }
  let m = name.match(/^_ZN(.*)E$/) || name.match(/^_ZN(.*)$/);
  if (!m) return name.split(/[<(]/)[0].slice(0, 40);
  let s = m[1], out = [], i = 0;
  while (i < s.length) { const d = s.slice(i).match(/^(\d+)/); if (!d) break; i += d[1].length; out.push(s.slice(i, i + Number(d[1]))); i += Number(d[1]); }
  out = out.filter((x) => !/^h[0-9a-f]{16}$/.test(x)).map((x) => x.replace(/\$LT\$.*/, "<…>"));
  if (out[0] && out[0].startsWith("_$LT$")) { const inner = decodeURIComponent(out[0].replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$u20\$/g, " ").replace(/\.\./g, "::")); const mm = inner.match(/<([a-z_0-9]+::[a-z_0-9]+(::[a-z_0-9]+)?)/); return mm ? mm[1] + " (impl)" : "impl"; }
  return out.slice(0, depth).join("::");
}
const groups = new Map();
bodies.forEach(([off, size], i) => { const g = path(names.get(imports + i)); const e = groups.get(g) || { raw: 0, parts: [] }; e.raw += size; e.parts.push(buf.slice(off, off + size)); groups.set(g, e); });
const total = bodies.reduce((a, [, s]) => a + s, 0);
const rows = [...groups].map(([g, e]) => [g, e.raw, gzipSync(Buffer.concat(e.parts), { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
console.log(`code ${total} B raw in ${bodies.length} functions; file ${buf.length} B, gzip ${gzipSync(buf, { level: 9 }).length} B`);
for (const [g, raw, gz] of rows.slice(0, Number(process.argv[4] || 40))) console.log(`${String(raw).padStart(8)} ${String(gz).padStart(7)}  ${g}`);
