// Shared by the end-to-end suites: a server on a free loopback port and Debian's Chromium.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before } from "node:test";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

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
  before(async () => {
    env.server = await startServer();
    env.browser = await launch(extra);
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
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
 * the same for several frames in a row. */
export async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let last = null;
    let same = 0;
    const tick = () => {
      const now = `${scrollX},${scrollY}`;
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
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
