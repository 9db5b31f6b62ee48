// The slow-phone benchmark: the demo page on an emulated slow phone (Chromium's 4× CPU
// slowdown, 1.6 Mbps down / 750 kbps up, 150 ms latency, cache off, 375×667 touch), the time
// until the outline is usable (the widget mounted: its summary answers a tap), with the
// breakdown of where the time goes, beside the same page without the widget.
//   node tests/bench/phone.mjs [--runs 3] [--gzip] [--root DIR]
// --gzip: the server compresses as a CDN does; --root: serve another checkout (before/after).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, out, startServer } from "../e2e/harness.mjs";

const PROFILE = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One cold load of `path` on the slow phone; `widget: false` blocks the embed script. */
async function load(browser, origin, path, widget) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: PROFILE.latency, downloadThroughput: PROFILE.down, uploadThroughput: PROFILE.up });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpu });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => { bytes += e.encodedDataLength; });
  if (!widget) await page.route("**/embed.js", (r) => r.abort());
  // Usable: the outline part mounted (its host marked), seen when the mount's task ends.
  await page.addInitScript(() => {
    new MutationObserver((records, observer) => {
      if (records.some((r) => r.target.getAttribute("data-reply-widget-mounted") === "outline")) {
        window.__mounted = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributeFilter: ["data-reply-widget-mounted"] });
  });
  await page.goto(`${origin}${path}`, { waitUntil: "load" });
  if (widget) await page.waitForFunction(() => window.__mounted !== undefined, null, { timeout: 60000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const res = (end) => {
      const r = performance.getEntriesByType("resource").find((e) => e.name.endsWith(end));
      return r ? { start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize } : null;
    };
    const markAt = (m) => performance.getEntriesByName("reply-widget:" + m)[0]?.startTime ?? null;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
    return {
      html: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fcp,
      embed: res("embed.js"), glue: res("reply_widget.js"), wasm: res("reply_widget_bg.wasm.gz") ?? res("reply_widget_bg.wasm"),
      start: markAt("start"), module: markAt("module"), compiled: markAt("compiled"), mounted: window.__mounted ?? null,
    };
  });
  await context.close();
  return { ...t, bytes };
}

export async function measurePhone({ runs = 3, gzip = false, root = null, path = "/www/" } = {}) {
  const server = await startServer([...(gzip ? ["--gzip"] : []), ...(root ? ["--root", root] : [])]);
  const browser = await launch();
  const withWidget = [];
  const without = [];
  for (let i = 0; i < runs; i++) {
    withWidget.push(await load(browser, server.origin, path, true));
    without.push(await load(browser, server.origin, path, false));
  }
  await browser.close();
  server.close();
  const m = (list, f) => median(list.map(f).filter((x) => x !== null && x !== undefined));
  return {
    profile: PROFILE, gzip, runs, path,
    page: { fcp: m(without, (r) => r.fcp), load: m(without, (r) => r.load), bytes: m(without, (r) => r.bytes) },
    widget: {
      usable: m(withWidget, (r) => r.mounted),
      fcp: m(withWidget, (r) => r.fcp),
      html: m(withWidget, (r) => r.html),
      embedDone: m(withWidget, (r) => r.embed?.end),
      glueDone: m(withWidget, (r) => r.glue?.end),
      wasmStart: m(withWidget, (r) => r.wasm?.start),
      wasmDone: m(withWidget, (r) => r.wasm?.end),
      wasmBytes: m(withWidget, (r) => r.wasm?.bytes),
      compiled: m(withWidget, (r) => r.compiled),
      mounted: m(withWidget, (r) => r.mounted),
      bytes: m(withWidget, (r) => r.bytes),
    },
  };
}

export function formatPhone(r) {
  const f = (x) => (x == null ? "–" : Math.round(x));
  const w = r.widget;
  return [
    `slow phone (${r.profile.cpu}× CPU, ${r.profile.down * 8 / 1e6} Mbps, ${r.profile.latency} ms; ${r.gzip ? "gzip" : "no compression"}; median of ${r.runs})`,
    "| page | first paint ms | outline usable ms | bytes |",
    "|---|---:|---:|---:|",
    `| without the widget | ${f(r.page.fcp)} | – (load ${f(r.page.load)}) | ${f(r.page.bytes)} |`,
    `| with the widget | ${f(w.fcp)} | ${f(w.usable)} | ${f(w.bytes)} |`,
    `breakdown (ms from navigation): HTML ${f(w.html)} → embed.js ${f(w.embedDone)} → wasm request ${f(w.wasmStart)}, glue ${f(w.glueDone)} → wasm in ${f(w.wasmDone)} (${f(w.wasmBytes)} B) → compiled ${f(w.compiled)} → mounted ${f(w.mounted)}`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
  const root = args.includes("--root") ? args[args.indexOf("--root") + 1] : null;
  const result = await measurePhone({ runs, gzip: args.includes("--gzip"), root });
  console.log(formatPhone(result));
  writeFileSync(join(out, `phone${result.gzip ? "-gzip" : ""}.json`), JSON.stringify(result, null, 2));
}
