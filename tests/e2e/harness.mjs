// Shared by the end-to-end suites: a server on a free loopback port and Debian's Chromium.
//
// Load mode: the suites must hold on a slow, busy machine. Every read that follows an action
// waits for the state it expects (`until`), with deadlines that scale with the load asked for:
//   RW_E2E_CPU_THROTTLE=4  every page the suites open runs with Chromium's CPU throttling at 4×
//                          (Emulation.setCPUThrottlingRate; .ci/run sets it)
//   RW_E2E_BUSY=N          N busy sibling processes spin on the CPU while each suite runs
// Browsers launched by the benchmarks (`launch`, `watchedPage` without `useBrowser`) are never
// throttled: their timings stay what they measure.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect, isDeepStrictEqual } from "node:util";
import { chromium } from "playwright-core";

/** The load the run was asked to hold under (see the top of this file). */
export const load = {
  throttle: Math.max(1, Number(process.env.RW_E2E_CPU_THROTTLE) || 1),
  busy: Math.max(0, Math.floor(Number(process.env.RW_E2E_BUSY) || 0)),
};
/** How many times slower than an idle machine a run may be: every deadline is multiplied by it. */
export const slowdown = load.throttle * (load.busy ? 2 : 1);
/** A deadline of `ms` on an idle machine, scaled to the load mode. */
export const deadline = (ms) => Math.round(ms * slowdown);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the page to reach a state, and returns what was read: calls `probe` (an async read
 * of the page: a count, a text, an attribute, an evaluation) every `interval` ms until its value
 * matches `expected` — a value (deep equality), a RegExp (a string matching it) or a predicate —
 * or the deadline passes (`timeout` ms on an idle machine, scaled by the load mode). The failure
 * says what was expected and what was seen last. Polling is fast, deadlines are generous.
 *   await until(() => list.getByRole("listitem").count(), 48, { message: "every figure listed" });
 */
export async function until(probe, expected, { timeout = 5000, interval = 20, message = "" } = {}) {
  const matches = typeof expected === "function" ? expected
    : expected instanceof RegExp ? (v) => typeof v === "string" && expected.test(v)
    : (v) => isDeepStrictEqual(v, expected);
  const limit = deadline(timeout);
  const end = Date.now() + limit;
  let seen = "nothing";
  let last;
  let problem = null;
  for (;;) {
    try {
      last = await probe();
      seen = inspect(last, { depth: 6, breakLength: Infinity, maxArrayLength: 60, maxStringLength: 400 });
      problem = null;
      if (matches(last)) return last;
    } catch (e) {
      problem = e;
    }
    if (Date.now() >= end) break;
    await sleep(interval);
  }
  const want = typeof expected === "function" ? `a value for which ${expected.toString()}` : inspect(expected, { depth: 6, breakLength: Infinity });
  throw new assert.AssertionError({
    message: `${message ? message + ": " : ""}waited ${limit} ms for ${want}; last seen ${seen}` +
      (problem ? ` (the last read failed: ${String(problem.message).split("\n")[0]})` : ""),
    actual: last,
    expected: typeof expected === "function" ? expected.toString() : expected,
    operator: "until",
  });
}

/** Browsers started by `useBrowser` (the suites'): their pages get the load mode's throttling. */
const suiteBrowsers = new WeakSet();

/** Applies the load mode's CPU throttling to a page (none without RW_E2E_CPU_THROTTLE). */
async function throttle(page) {
  if (load.throttle <= 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: load.throttle });
}

/** `n` processes that spin on the CPU until stopped (or until the process that started them
 * is gone: they check their parent ten times a second). */
function busySiblings(n) {
  const spin = "const p=process.ppid;for(;;){const t=Date.now()+100;while(Date.now()<t);if(process.ppid!==p)process.exit(0)}";
  const procs = Array.from({ length: n }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
  return () => procs.forEach((p) => p.kill());
}

export const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const out = join(repo, "tests", "out");
mkdirSync(out, { recursive: true });

/** The demo server on a free loopback port. `extra`: more flags (`--gzip`, `--root DIR`). */
export async function startServer(extra = []) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc = spawn(process.execPath, [join(repo, "www", "serve.mjs"), "--port", String(port), "--quiet", ...extra], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    proc.stdout.on("data", (d) => String(d).includes("127.0.0.1") && resolve());
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    setTimeout(() => reject(new Error("server did not start")), 10000);
  });
  return { origin: `http://127.0.0.1:${port}`, close: () => proc.kill() };
}

export async function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--font-render-hinting=none", ...extra,
    ],
  });
}

/** A page that records console errors, CSP violations and requests leaving the origin. */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  if (suiteBrowsers.has(browser)) {
    // Playwright's own waits (clicks, waitFor, waitForFunction) get deadlines scaled like `until`.
    context.setDefaultTimeout(deadline(30000));
    await throttle(page);
    context.on("page", (other) => other !== page && throttle(other).catch(() => {}));
  }
  const problems = { console: [], violations: [], foreign: [], pageErrors: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.console.push(m.text());
  });
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== "data:") problems.foreign.push(r.url());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("reply-widget:ready", (e) => { window.__rwReady = e.detail || {}; });
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.problems = async () => ({ ...problems, violations: await page.evaluate(() => window.__violations) });
  return page;
}

/** Waits until the embed script has mounted the widget (on a phone its tree is in a closed
 * sheet: mounted, not visible). */
export async function ready(page) {
  await page.waitForFunction(() => window.__rwReady && window.__rwReady.widget);
}

/** Registers a server and a browser for the calling test file; read them after `before` ran. */
export function useBrowser(extra = []) {
  const env = { server: null, browser: null };
  let stopBusy = null;
  before(async () => {
    if (load.busy) stopBusy = busySiblings(load.busy);
    env.server = await startServer();
    env.browser = await launch(extra);
    suiteBrowsers.add(env.browser);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
    stopBusy?.();
  });
  return env;
}

/** Asserts a page logged no error, broke no CSP rule and asked no other origin for anything.
 * `counts` picks the console errors that count (default: all). */
export async function assertClean(page, counts = () => true) {
  const p = await page.problems();
  assert.deepEqual(p.console.filter(counts), [], "no console errors");
  assert.deepEqual(p.pageErrors, [], "no uncaught errors");
  assert.deepEqual(p.violations, [], "no CSP violations");
  assert.deepEqual(p.foreign, [], "no request outside the page's origin");
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.2 AA violations, evaluated through the debugger protocol so the page's
 * CSP does not block it. */
export async function axeViolations(page, include = null) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((include) =>
    window.axe.run(include ? { include } : document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }), include);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/** Waits until the page stops scrolling (a smooth scroll has ended): the scroll position is
 * the same for several frames in a row. Fails if it still moves at the deadline. */
export async function settled(page, { timeout = 10000 } = {}) {
  const moving = await page.evaluate((ms) => new Promise((resolve) => {
    const end = performance.now() + ms;
    let last = null;
    let same = 0;
    const tick = () => {
      const now = `${scrollX},${scrollY}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5) resolve(null);
      else if (performance.now() > end) resolve(now);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), deadline(timeout));
  assert.equal(moving, null, `the page was still scrolling after ${deadline(timeout)} ms (at ${moving})`);
}

/** Waits until the embed script is done (mounted, or gave up with its one warning), and
 * returns what it reported: { error } or { widget }. */
export async function embedDone(page) {
  await page.waitForFunction(() => window.__rwReady !== undefined);
  return page.evaluate(() => ({ error: window.__rwReady.error ?? null, mounted: Boolean(window.__rwReady.widget) }));
}

/** Minimal RFC 4180 reader, enough for the export. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
