// The benchmark: init, parse+mount and per-keystroke filter latency (p50, p95) of reply-widget
// (reading the page's own article in place, as reply pages use it, and drawing a reply object)
// and of the peer stack (tocbot + mark.js + a few lines), on the bundled reply and on a reply
// 100 times longer (a 1.5 MB article: issue 15 asks it to mount in under a second), in headless Chromium; native parse throughput. Prints a table, writes
// tests/out/bench.json, describes the machine.   node tests/bench/bench.mjs [--quick]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { launch, out, repo, startServer } from "../e2e/harness.mjs";

const quick = process.argv.includes("--quick");
const bundled = readFileSync(join(repo, "src", "core", "data", "reply-20230314.txt"), "utf8");

/** Chinese numerals for headings (一 … 四百). */
function cn(n) {
  const d = "零一二三四五六七八九";
  const h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, o = n % 10;
  let s = "";
  if (h) s += d[h] + "百";
  if (t) s += (t === 1 && !h ? "" : d[t]) + "十";
  else if (h && o) s += "零";
  if (o) s += d[o];
  return s;
}

/** A reply 100 times the bundled one: 400 top-level sections (一 … 四百), the bundled body repeated. */
function hundredfold() {
  const lines = bundled.split("\n").map((l) => l.trim()).filter(Boolean);
  const head = lines.slice(0, 3);
  const bodyStart = lines.findIndex((l) => l.startsWith("一、"));
  const closing = lines.findIndex((l) => l.startsWith("下一步"));
  const body = lines.slice(bodyStart, closing);
  const out = [...head];
  let top = 0;
  while (top < 400) {
    for (const l of body) {
      const m = /^[一二三四五六七八九十]+、(.*)$/.exec(l);
      if (m) {
        top += 1;
        if (top > 400) break;
        out.push(`${cn(top)}、${m[1]}`);
      } else {
        out.push(l);
      }
    }
  }
  out.push(lines[closing]);
  return out.join("\n");
}

const queries = [
  ["科", "科技", "科技金", "科技金融"],
  ["基", "基金"],
  ["亿", "亿元"],
  ["2023"],
  ["创新产品"],
];

const server = await startServer();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${server.origin}/tests/pages/bench.html`);
await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
const init = await page.evaluate(() => bench.init());
// Warm up both stacks once (fonts, JIT), so neither pays the page's first layout.
await page.evaluate(([t]) => { bench.widget(t, ["科"], 1); bench.peer(t, ["科"], 1); }, [bundled]);
const big = hundredfold();
// Rounds of all queries: the bundled reply's keystrokes take about a millisecond, so it gets
// more rounds for a steadier p95 (200 samples rather than 50).
const rounds = { bundled: quick ? 1 : 20, "100x": 5 };
const results = { init_ms: init, replies: {} };
for (const [name, text] of [["bundled", bundled], ["100x", big]]) {
  if (quick && name === "100x") continue;
  const qs = queries.flat();
  const widget = await page.evaluate(([t, q, r]) => bench.widget(t, q, r), [text, qs, rounds[name]]);
  const inPlace = await page.evaluate(([t, q, r]) => bench.page(t, q, r), [text, qs, rounds[name]]);
  const peer = await page.evaluate(([t, q, r]) => bench.peer(t, q, r), [text, qs, rounds[name]]);
  results.replies[name] = { chars: [...text].length, bytes: Buffer.byteLength(text), widget, page: inPlace, peer };
}
const version = await browser.version();
await browser.close();
server.close();

// Native parse throughput, from the release build of the parser.
let native = null;
if (!quick) {
  const outText = execFileSync("cargo", ["test", "--quiet", "--release", "--test", "parse", "--", "--ignored", "--nocapture", "parse_throughput"], { cwd: repo, encoding: "utf8" });
  const m = /parse throughput: ([\d.]+) MB\/s/.exec(outText);
  native = m ? Number(m[1]) : null;
}
results.native_parse_mb_s = native;
results.machine = {
  cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gib: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
  browser: `Chromium ${version} (headless)`, node: process.version, date: new Date().toISOString(),
};

const f = (x) => (x == null ? "–" : x < 10 ? x.toFixed(2) : x.toFixed(1));
console.log(`machine: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memory_gib} GiB, ${results.machine.os}, ${results.machine.browser}`);
console.log(`init (fetch + compile + instantiate): ${f(init)} ms;  native parse: ${f(native)} MB/s`);
console.log("| reply | chars (UTF-8) | stack | parse+mount ms | filter p50 ms | filter p95 ms | marks |");
console.log("|---|---:|---|---:|---:|---:|---:|");
for (const [name, r] of Object.entries(results.replies)) {
  const size = `${r.chars} (${(r.bytes / 2 ** 20).toFixed(2)} MB)`;
  const stacks = [["reply-widget, the page's article in place", r.page], ["reply-widget, reply object drawn", r.widget], ["tocbot + mark.js", r.peer]];
  for (const [stack, m] of stacks) {
    console.log(`| ${name} | ${size} | ${stack} | ${f(m.mount)} | ${f(m.p50)} | ${f(m.p95)} | ${m.marks} |`);
  }
}
writeFileSync(join(out, quick ? "bench-quick.json" : "bench.json"), JSON.stringify(results, null, 2));
