// The indicator view at scale (issue 22): on a generated archive (tests/out/archive-N/, the one
// tests/bench/archive.mjs uses; built if missing), with our index built by the command line:
//  - the indicator files and the title table on disk: how many, in all, the largest (raw and
//    gzip -9), the median;
//  - `指标:KEY` on the column page's library for the largest indicator and a median one: cold
//    (a new browser context: KB fetched until the view is drawn, through a compressing server,
//    and ms), then warm (everything loaded: one unmeasured round, then ROUNDS rounds of both
//    keys: median and p95 ms until the status says the view is drawn; target ≤ 50 ms).
// Prints a table, writes tests/out/indicators-bench.json.
//   node tests/bench/indicators.mjs [--count N] [--reuse]
// --reuse: keep an index already built in tests/out/archive-N/rw-index/ (of this version).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launch, out, repo, startServer } from "../e2e/harness.mjs";
import { buildIndex, writeSearchPage } from "./archive.mjs";
import { ensureArchive, median, openSearchPage, percentile, requestsDuring } from "./pagefind.mjs";

const ROUNDS = 20;

/** The files of a folder of the index: count, bytes in all, the largest (raw, gzip), the median. */
function files(dir) {
  if (!existsSync(dir)) return { count: 0, bytes: 0, largest: 0, largest_gzip: 0, median: 0, largest_name: null };
  const all = readdirSync(dir).map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
  all.sort((a, b) => b.bytes - a.bytes);
  const big = all[0];
  return {
    count: all.length,
    bytes: all.reduce((a, f) => a + f.bytes, 0),
    largest: big?.bytes ?? 0,
    largest_name: big?.name ?? null,
    largest_gzip: big ? gzipSync(readFileSync(join(dir, big.name)), { level: 9 }).length : 0,
    median: all[Math.floor(all.length / 2)]?.bytes ?? 0,
  };
}

/** Runs `指标:KEY` on the page; resolves with its time and what the status says. */
const view = (page, key) => page.evaluate((q) => window.rwBench.search(q, 0), `指标:${key}`);

export async function measureIndicators(count, { reuse = false, log = () => {} } = {}) {
  const { dir } = ensureArchive(count);
  const index = join(dir, "rw-index");
  const manifestFile = join(index, "manifest.json");
  let build = null;
  const fresh = reuse && existsSync(manifestFile);
  if (!fresh) {
    log("indexing with reply-widget …");
    build = buildIndex(dir);
    log(build.summary);
  }
  writeSearchPage(dir);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  const indicators = files(join(index, "indicators"));
  const titles = files(join(index, "titles"));
  // The largest indicator and one of median size (by their value counts, as the manifest lists them).
  const keys = manifest.indicators.map(([key, n], k) => ({ key, n, k })).sort((a, b) => b.n - a.n);
  const picked = [keys[0], keys[Math.floor(keys.length / 2)]];
  const path = relative(repo, join(dir, "library-search.html"));
  const browser = await launch();
  const server = await startServer(["--gzip"]);
  const result = { count, version: manifest.version, indicators, titles, values: keys.reduce((a, k) => a + k.n, 0), keys: [] };
  try {
    for (const { key, n, k } of picked) {
      // Cold: a new context, the library loaded with the query.
      const page = await openSearchPage(browser, server.origin, path);
      const { result: first, requests } = await requestsDuring(page, () => view(page, key));
      let bytes = 0;
      let indexFiles = 0;
      for (const r of requests) {
        const s = await r.sizes();
        bytes += s.responseHeadersSize + s.responseBodySize;
        if (r.url().includes("/rw-index/")) indexFiles++;
      }
      await page.context().close();
      result.keys.push({ key, values: n, file: `indicators/${k}.bin`, cold_ms: first.ms, cold_kb_gzip: bytes / 1024, cold_index_files: indexFiles, status: first.status });
      log(`${key} (${n} values): cold ${Math.round(first.ms)} ms, ${(bytes / 1024).toFixed(1)} KB gzip, ${indexFiles} index files`);
    }
    // Warm: both keys loaded once, then ROUNDS rounds of both.
    const page = await openSearchPage(browser, server.origin, path);
    for (const { key } of picked) await view(page, key);
    const times = picked.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [i, { key }] of picked.entries()) times[i].push((await view(page, key)).ms);
    }
    await page.context().close();
    for (const [i, t] of times.entries()) Object.assign(result.keys[i], { warm_p50: median(t), warm_p95: percentile(t, 95) });
  } finally {
    server.close();
    await browser.close();
  }
  result.load = os.loadavg()[0];
  return result;
}

const kb = (b) => (b / 1024).toFixed(1);
const mb = (b) => (b / 1024 / 1024).toFixed(1);

export function formatIndicators(r) {
  const lines = [
    `${r.count} replies, index version ${r.version}: ${r.indicators.count} indicator files, ${r.values} values`,
    `indicators/: ${mb(r.indicators.bytes)} MB in all, largest ${kb(r.indicators.largest)} KB (${kb(r.indicators.largest_gzip)} KB gzip), median ${kb(r.indicators.median)} KB`,
    `titles/: ${r.titles.count} chunks, ${kb(r.titles.bytes)} KB in all, largest ${kb(r.titles.largest)} KB (${kb(r.titles.largest_gzip)} KB gzip)`,
    "| indicator | values | cold KB gzip (files) | cold ms | warm median / p95 ms |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const k of r.keys) {
    lines.push(`| ${k.key} | ${k.values} | ${kb(k.cold_kb_gzip * 1024)} (${k.cold_index_files}) | ${Math.round(k.cold_ms)} | ${k.warm_p50.toFixed(1)} / ${k.warm_p95.toFixed(1)} |`);
  }
  lines.push(`load (1 min) at the end: ${r.load.toFixed(2)}`);
  return lines.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = args.includes("--count") ? Number(args[args.indexOf("--count") + 1]) : 10000;
  const r = await measureIndicators(count, { reuse: args.includes("--reuse"), log: (s) => console.error(`[${count}] ${s}`) });
  console.log(formatIndicators(r));
  writeFileSync(join(out, "indicators-bench.json"), JSON.stringify(r, null, 2));
}
