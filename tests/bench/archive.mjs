// The archive benchmark (issue 14, "Scale"): reply-widget's library beside Pagefind on the same
// generated archives of 100, 1,000 and 10,000 replies (tests/out/archive-N/, shared with
// tests/bench/pagefind.mjs). For each archive it builds our index with the command line
// (`reply-widget index`, into tests/out/archive-N/rw-index/) and measures, in headless Chromium:
//  - the index build (wall clock) and what it wrote;
//  - on a cold page (a new browser context: empty cache, nothing loaded), for word queries (the
//    ones Pagefind gets) and number queries (which Pagefind cannot answer): the bytes fetched from
//    the moment the page has loaded until the first results are shown — the library's JS and wasm
//    ("runtime") and the index files ("index") — and the time from issuing the query until the
//    status says the results are shown, and the number of results, checked against archive.json;
//  - on a warm page (everything the queries need loaded): p50/p95 query latency over 20 rounds of
//    10 queries, and the memory in use after them (JS heap and the wasm's linear memory);
//  - the same for Pagefind through measurePagefind (its own build is reused when there is one), on
//    pages whose title and reply carry data-pagefind-body (so both index the same text), and
//    every result of its queries checked: how many contain the query (pagefind.mjs, matching());
//  - the machine's 1-minute load average along the way (times depend on it, bytes do not).
// Everything twice: files as they are on disk ("raw") and through the test server's --gzip, as a
// CDN serves them. Pagefind compresses its index files itself (the server passes them through);
// our JSON and binary files, the wasm and both engines' JS are compressed only by the server.
// Prints one table (and the detail of every cold query), writes tests/out/archive-bench.json.
//   node tests/bench/archive.mjs [--quick] [--count N] [--rebuild-pagefind]
// --quick: 100 and 1,000 replies only (the 10,000 run takes several minutes).
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { launch, out, repo, startServer } from "../e2e/harness.mjs";
import {
  COLD_QUERIES, WARM_QUERIES, allWords, ensureArchive, expectedCounts, formatMatching, measurePagefind, median, openSearchPage, pagefindVersion,
  percentile, replyText, requestsDuring,
} from "./pagefind.mjs";

/** Word queries on a cold page: Pagefind's. */
export const WORD_QUERIES = COLD_QUERIES;
/** Number queries on a cold page: a sum, a year, a share (Pagefind cannot answer them). */
export const NUMBER_QUERIES = [">=100亿元", "2022年", "<20%"];
/** The warm page's 10 queries, words and numbers mixed (the slowest comparison, <20%, included). */
export const WARM_MIXED = ["中试平台", "科技金融", "人工智能 人才", "知识产权", "生物医药", ">=100亿元", "2022年", "<20%", "新型研发机构", "科技成果转化"];
const COLD_RUNS = 3; // cold pages per query: the time reported is their median, the bytes are the first's
const WARM_ROUNDS = 20;
const FIRST = 5; // results checked for containing every word of the query
const SIZES = [100, 1000, 10000];

const cli = join(repo, "target", "release", "reply-widget");

// ---------- our index ----------

/** Every file under a folder, with its size. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [{ path: join(dir, e.name), bytes: statSync(join(dir, e.name)).size }]);
}

let cliBuilt = false;
/** Builds the command line once per process (as www/column.mjs does). */
function buildCli() {
  if (cliBuilt) return;
  const run = spawnSync("cargo", ["build", "--quiet", "--release", "--bin", "reply-widget"], { cwd: repo, stdio: "inherit" });
  if (run.status !== 0) throw new Error("cannot build the command line (cargo build --release --bin reply-widget)");
  cliBuilt = true;
}

/**
 * Indexes the archive's reply pages (r*.html) with `reply-widget index` into DIR/rw-index/ (a new
 * folder, as a webmaster's first build), run from DIR so that each reply's URL is its file name,
 * relative to the search page beside it. Measures the build (wall clock) and what it wrote.
 */
export function buildIndex(dir) {
  buildCli();
  const output = join(dir, "rw-index");
  rmSync(output, { recursive: true, force: true });
  const files = readdirSync(dir).filter((f) => /^r\d+\.html$/.test(f)).sort();
  const t0 = performance.now();
  const run = spawnSync(cli, ["index", "--out", "rw-index", ...files], { cwd: dir, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`reply-widget index failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const written = walk(output);
  const part = (test) => {
    const fs = written.filter((f) => test(relative(output, f.path)));
    return { bytes: fs.reduce((a, f) => a + f.bytes, 0), files: fs.length };
  };
  return {
    ms,
    bytes: written.reduce((a, f) => a + f.bytes, 0),
    files: written.length,
    parts: {
      manifest: part((p) => p === "manifest.json"),
      docs: part((p) => p === "docs.bin"),
      words: part((p) => p.startsWith("words/")),
      figures: part((p) => p.startsWith("figures/")),
      cards: part((p) => p.startsWith("replies/")),
    },
    summary: run.stdout.trim(),
    indexed: files.length,
  };
}

// ---------- the search page ----------

const SEARCH_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>reply-widget archive search (benchmark)</title>
  <link rel="icon" href="data:,">
  <script type="module" src="library-search.js"></script>
</head>
<body>
  <p>reply-widget's search page of the archive benchmark (tests/bench/archive.mjs).</p>
  <div id="library"><p><a href="index.html">全部答复</a></p></div>
</body>
</html>
`;

// Loads the library on the first query, as a search box would, so a cold query pays for all of
// it: the JS glue, the wasm, the manifest and docs.bin (fetched when it mounts), the pieces of
// the index the query needs and the cards of the results it shows.
const SEARCH_JS = `// Written by tests/bench/archive.mjs: reply-widget's search page of the archive benchmark.
const host = document.getElementById("library");
let library = null; // the module
let widget = null;  // the mounted library part

/** Resolves with the time when the status no longer says the search is under way: the results
 * (or "none", or why the query cannot be read) are shown. A search needing no file draws at once. */
function settled(status) {
  const done = () => !status.textContent.startsWith("正在");
  if (done()) return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (done()) {
        watch.disconnect();
        resolve(performance.now());
      }
    });
    watch.observe(status, { childList: true, characterData: true, subtree: true });
  });
}

window.rwBench = {
  /** Runs a query; resolves when the status says the results are shown. */
  async search(query, n) {
    const t0 = performance.now();
    const phases = {}; // on the first query: when the glue was imported, the wasm ready, the part mounted
    if (!widget) {
      library = await import("/pkg/library/reply_library.js");
      phases.imported = performance.now() - t0;
      await library.default();
      phases.instantiated = performance.now() - t0;
      widget = library.mountLibrary({ element: host, index: "rw-index/" });
      phases.mounted = performance.now() - t0;
    }
    const root = host.shadowRoot;
    const status = root.querySelector(".rw-status");
    widget.search(query);
    const t1 = await settled(status);
    const text = status.textContent;
    const found = /找到 (\\d+) 篇答复/.exec(text);
    const results = [...root.querySelectorAll(".rw-result")];
    return {
      ms: t1 - t0,
      phases,
      status: text,
      count: found ? Number(found[1]) : /没有找到/.test(text) ? 0 : null,
      shown: results.length,
      figures: root.querySelectorAll(".rw-result-figs .rw-val").length,
      first: results.slice(0, n).map((li) => ({ url: li.querySelector("h3 a")?.getAttribute("href") ?? null, title: li.querySelector("h3").textContent })),
    };
  },
  /** Memory in use: the JS heap (after a collection when the browser exposes gc) and the wasm's. */
  async memory() {
    if (window.gc) window.gc();
    const wasm = library ? (await library.default()).memory.buffer.byteLength : 0;
    return { heap: performance.memory.usedJSHeapSize, wasm };
  },
};
document.documentElement.dataset.ready = "1";
`;

/** Writes the search page into the archive (no inline script: the test server's CSP forbids it).
 * Its name must not match r*.html: Pagefind indexes the archive with that glob. */
export function writeSearchPage(dir) {
  writeFileSync(join(dir, "library-search.html"), SEARCH_HTML);
  writeFileSync(join(dir, "library-search.js"), SEARCH_JS);
}

// ---------- what the right answers are ----------

/**
 * Whether a count is right: a topic word must find exactly the replies archive.json lists, any
 * other words the pages holding them all (text scan); >=100亿元 at least the replies with a sum
 * of 100亿元 (archive.json counts 近150亿元 as below, the widget as possibly above). Other
 * number queries have no reference (null).
 */
function check(query, count, totals, scanned) {
  if (query === ">=100亿元") return { expected: `≥ ${totals.money_ge_100yi}`, ok: count >= totals.money_ge_100yi };
  if (query in totals.words) return { expected: totals.words[query], ok: count === totals.words[query] };
  if (query in scanned) return { expected: scanned[query], ok: count === scanned[query] };
  return { expected: null, ok: null };
}

// ---------- the browser ----------


/** What a request fetched: the library (JS glue, snippets, wasm), the index, or anything else. */
function partOf(path) {
  if (path.startsWith("pkg/")) return "runtime";
  if (path.includes("/rw-index/")) return "index";
  // Pagefind: its JS, worker and wasm are the runtime; entry, meta, index chunks and fragments the index.
  if (/\/pagefind-index\/(pagefind(-worker)?\.js|wasm\.[^/]*\.pagefind)$/.test(path)) return "runtime";
  if (path.includes("/pagefind-index/")) return "index";
  return "other";
}

/**
 * One query on a cold page. Bytes: every request the page starts after it has loaded, until the
 * results are shown; each counts its response's headers + encoded body (Network.loadingFinished,
 * through Playwright's request.sizes(): compressed when the server compressed it).
 */
async function coldQuery(browser, origin, path, query) {
  const page = await openSearchPage(browser, origin, path);
  const { result: res, requests: inQuery } = await requestsDuring(page, () =>
    page.evaluate(([q, n]) => window.rwBench.search(q, n), [query, FIRST]));
  const requests = [];
  for (const r of inQuery) {
    const s = await r.sizes();
    const p = decodeURIComponent(new URL(r.url()).pathname).slice(1);
    requests.push({ path: p, part: partOf(p), bytes: s.responseHeadersSize + s.responseBodySize, status: (await r.response())?.status() ?? null });
  }
  const problems = await page.problems();
  await page.context().close();
  return { ...res, requests, problems };
}

/** Sums a cold query's requests by part. */
function byPart(requests) {
  const sum = (part) => requests.filter((r) => r.part === part).reduce((a, r) => a + r.bytes, 0);
  const runtime = sum("runtime");
  const index = sum("index");
  const other = sum("other");
  return { runtime, index, other, total: runtime + index + other, files: requests.length, index_files: requests.filter((r) => r.part === "index").length };
}

/**
 * Query latency on a warm page (ms, in the page): the library loaded, one round of every query
 * (which fetches the index pieces and cards they need, not measured), then `rounds` rounds of
 * each set. Memory after them.
 */
async function warmQueries(browser, origin, path, sets, rounds) {
  const page = await openSearchPage(browser, origin, path);
  const before = await page.evaluate(() => window.rwBench.memory()); // the empty page
  const all = [...new Set(Object.values(sets).flat())];
  for (const q of all) await page.evaluate(([q, n]) => window.rwBench.search(q, n), [q, FIRST]);
  const out = {};
  for (const [name, queries] of Object.entries(sets)) {
    const times = [];
    const per = Object.fromEntries(queries.map((q) => [q, []]));
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        const { ms, status } = await page.evaluate(([q, n]) => window.rwBench.search(q, n), [q, FIRST]);
        if (status.startsWith("正在")) throw new Error(`warm query ${q} still fetching`);
        times.push(ms);
        per[q].push(ms);
      }
    }
    out[name] = {
      queries, rounds, samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times),
      per_query_p50: Object.fromEntries(Object.entries(per).map(([q, t]) => [q, median(t)])),
    };
  }
  const memory = await page.evaluate(() => window.rwBench.memory());
  const problems = await page.problems();
  await page.context().close();
  return { ...out, memory: { heap_bytes: memory.heap, wasm_bytes: memory.wasm, empty_page_heap_bytes: before.heap }, problems };
}

/**
 * Pagefind on a warm page measured as ours is: its search page (written by pagefind.mjs), one
 * round of the queries first (not measured), then the rounds. (measurePagefind's own warm figures
 * count that first round, which fetches index chunks and fragments.)
 */
async function pagefindWarm(browser, origin, path, queries, rounds) {
  const page = await openSearchPage(browser, origin, path);
  await page.evaluate(([n]) => window.pagefindBench.search("科技", n), [FIRST]);
  for (const q of queries) await page.evaluate(([q, n]) => window.pagefindBench.search(q, n), [q, FIRST]);
  const times = [];
  const per = Object.fromEntries(queries.map((q) => [q, []]));
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const { ms } = await page.evaluate(([q, n]) => window.pagefindBench.search(q, n), [q, FIRST]);
      times.push(ms);
      per[q].push(ms);
    }
  }
  const memory = await page.evaluate(() => {
    if (window.gc) window.gc();
    return performance.memory.usedJSHeapSize;
  });
  await page.context().close();
  // Its index and wasm live in a Web Worker: the page's heap does not show them.
  return {
    queries, rounds, samples: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), page_heap_bytes: memory,
    per_query_p50: Object.fromEntries(Object.entries(per).map(([q, t]) => [q, median(t)])),
  };
}

/**
 * Pagefind's worker script: Chromium sends no loadingFinished for a dedicated worker's own
 * script, so pagefind.mjs counts its headers + its size on disk. Through the --gzip server the
 * worker came compressed: count its gzip size instead (level 6, as the server compresses).
 */
function pagefindGzipWorker(res) {
  for (const c of res.cold) {
    for (const r of c.fetched) {
      if (r.source !== "headers + file size") continue;
      const file = join(repo, res.archive.dir, r.path);
      r.bytes += gzipSync(readFileSync(file), { level: 6 }).length - statSync(file).size;
      r.source = "headers + gzip size of the file";
    }
    c.bytes = c.fetched.reduce((a, r) => a + r.bytes, 0);
  }
}

// ---------- the whole measurement ----------

/**
 * Both engines on an archive of `count` replies, raw and gzip. `browser`: share the caller's
 * (launched with --enable-precise-memory-info and --expose-gc for the memory figures); `log`
 * receives progress lines; `rebuildPagefind: true` rebuilds Pagefind's index even if one is there.
 */
export async function measureArchive(count, { browser = null, log = () => {}, rebuildPagefind = false } = {}) {
  const archive = ensureArchive(count);
  const { dir } = archive;
  log(archive.generated ? `generated ${count} replies in ${Math.round(archive.ms)} ms` : `archive of ${count} replies already in ${relative(repo, dir)}`);
  const totals = JSON.parse(readFileSync(join(dir, "archive.json"), "utf8")).totals;
  const html = walk(dir).filter((f) => /\/r\d+\.html$/.test(f.path)).reduce((a, f) => a + f.bytes, 0);

  const load = { start: os.loadavg()[0] }; // 1-minute load average: the machine is shared
  log(`load ${load.start.toFixed(2)}; indexing with reply-widget …`);
  const index = buildIndex(dir);
  load.after_our_build = os.loadavg()[0];
  log(`${index.summary} (${Math.round(index.ms)} ms wall clock)`);
  writeSearchPage(dir);
  const scanned = expectedCounts(dir, WORD_QUERIES.filter((q) => !(q in totals.words)));

  const ownBrowser = !browser;
  browser ??= await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
  const path = relative(repo, join(dir, "library-search.html"));
  const ours = {};
  const pagefind = {};
  try {
    for (const [mode, flags] of [["raw", []], ["gzip", ["--gzip"]]]) {
      const server = await startServer(flags);
      try {
        // Ours, cold.
        const cold = [];
        for (const query of [...WORD_QUERIES, ...NUMBER_QUERIES]) {
          const runs = [];
          for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldQuery(browser, server.origin, path, query));
          const first = runs[0];
          const kind = WORD_QUERIES.includes(query) ? "word" : "number";
          const exact = kind === "word" ? first.first.filter((r) => r.url && allWords(replyText(join(dir, basename(r.url))), query)).length : null;
          cold.push({
            query, kind, results: first.count, shown: first.shown, figures_shown: first.figures, ...check(query, first.count, totals, scanned),
            first_exact: exact, bytes: byPart(first.requests), ms: median(runs.map((r) => r.ms)), runs_ms: runs.map((r) => r.ms),
            phases_ms: first.phases, counts_agree: runs.every((r) => r.count === first.count), status: first.status, fetched: first.requests, first: first.first, problems: first.problems,
          });
          const c = cold.at(-1);
          log(`${mode} ours cold ${query}: ${c.results} results, ${c.bytes.total} bytes (${c.bytes.files} files), ${Math.round(c.ms)} ms`);
        }
        // Ours, warm: the mixed set, and Pagefind's own 10 words for a like-for-like figure.
        const warm = await warmQueries(browser, server.origin, path, { mixed: WARM_MIXED, words: WARM_QUERIES }, WARM_ROUNDS);
        log(`${mode} ours warm: mixed p50 ${warm.mixed.p50.toFixed(2)} p95 ${warm.mixed.p95.toFixed(2)} ms; words p50 ${warm.words.p50.toFixed(2)} p95 ${warm.words.p95.toFixed(2)} ms`);
        ours[mode] = { cold, warm };

        // Pagefind, through the same server and browser.
        load[`${mode}_ours_done`] = os.loadavg()[0];
        const pf = await measurePagefind(count, {
          browser, server, log: (s) => log(`${mode} pagefind: ${s}`), rebuild: rebuildPagefind && mode === "raw", matchResults: mode === "raw",
        });
        if (pf.index.pages !== count) throw new Error(`Pagefind's index holds ${pf.index.pages} pages, not ${count}: rerun with --rebuild-pagefind`);
        if (mode === "gzip") pagefindGzipWorker(pf);
        for (const c of pf.cold) c.parts = byPart(c.fetched.map((r) => ({ ...r, part: partOf(join(pf.archive.dir, r.path)) })));
        pf.warm_loaded = await pagefindWarm(browser, server.origin, relative(repo, join(dir, "pagefind-search.html")), WARM_QUERIES, WARM_ROUNDS);
        log(`${mode} pagefind warm (loaded): p50 ${pf.warm_loaded.p50.toFixed(2)} p95 ${pf.warm_loaded.p95.toFixed(2)} ms`);
        load[`${mode}_pagefind_done`] = os.loadavg()[0];
        pagefind[mode] = pf;
      } finally {
        server.close();
      }
    }
  } finally {
    if (ownBrowser) await browser.close();
  }
  return {
    count, archive: { dir: relative(repo, dir), html_bytes: html, totals }, load,
    ours: { tool: "reply-widget (pkg/library)", index, raw: ours.raw, gzip: ours.gzip },
    pagefind: { tool: `pagefind ${pagefindVersion}`, index: pagefind.raw.index, raw: pagefind.raw, gzip: pagefind.gzip },
  };
}

// ---------- the table ----------

const kb = (b) => `${(b / 1024).toFixed(1)}`;
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
const ms = (x) => (x == null ? "–" : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const secs = (x) => `${(x / 1000).toFixed(1)} s`;

/** How many of Pagefind's results for a query contain it (measured on the raw run). */
const containing = (r, query) => r.pagefind.raw.matching?.find((m) => m.query === query)?.containing ?? "–";

/** The figures as markdown: one table of both engines, then every cold query. */
export function formatArchive(results, machine = null) {
  const lines = [];
  if (machine) lines.push(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memory_gib} GiB, ${machine.os}, ${machine.browser}`);
  lines.push(
    "raw: files as they are on disk; gzip: through the test server's --gzip, as a CDN serves them (Pagefind's index files are gzipped by Pagefind " +
      "itself either way; our JSON and binary index files, the wasm and both engines' JS are compressed by the server only).",
    "Cold: a new browser context, the engine loaded on the first query; KB fetched after the page loaded until the first results show " +
      "(runtime = JS + wasm, index = everything else); ms = median of 3. Warm: after one unmeasured round, 20 rounds of 10 queries (words: " +
      "Pagefind's 10 words; mixed: 7 words + 3 number queries).",
    "",
    "| replies | engine | transfer | index build | index size | cold 中试平台 KB (runtime + index = total) | ms | cold >=100亿元 KB | ms | warm p50 / p95 ms: words | mixed | memory after warm | 中试平台 results (containing it; replies containing it) |",
    "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of results) {
    for (const mode of ["raw", "gzip"]) {
      const o = r.ours[mode];
      const ow = o.cold.find((c) => c.query === WORD_QUERIES[0]);
      const on = o.cold.find((c) => c.query === NUMBER_QUERIES[0]);
      const m = o.warm.memory;
      lines.push(`| ${r.count} | reply-widget | ${mode} | ${secs(r.ours.index.ms)} | ${mb(r.ours.index.bytes)} (${r.ours.index.files} files) | ` +
        `${kb(ow.bytes.runtime)} + ${kb(ow.bytes.index)} = **${kb(ow.bytes.total)}** | ${ms(ow.ms)} | ` +
        `${kb(on.bytes.runtime)} + ${kb(on.bytes.index)} = **${kb(on.bytes.total)}** | ${ms(on.ms)} | ` +
        `${ms(o.warm.words.p50)} / ${ms(o.warm.words.p95)} | ${ms(o.warm.mixed.p50)} / ${ms(o.warm.mixed.p95)} | ` +
        `heap ${mb(m.heap_bytes)} + wasm ${mb(m.wasm_bytes)} | ${ow.results} (${ow.expected}${ow.ok ? " ✓" : " ✗"}) |`);
      const p = r.pagefind[mode];
      const pw = p.cold.find((c) => c.query === WORD_QUERIES[0]);
      lines.push(`| ${r.count} | ${r.pagefind.tool} | ${mode} | ${secs(p.index.ms)} | ${mb(p.index.bytes)} (${p.index.files} files) | ` +
        `${kb(pw.parts.runtime)} + ${kb(pw.parts.index)} = **${kb(pw.parts.total)}** | ${ms(pw.ms)} | cannot | – | ` +
        `${ms(p.warm_loaded.p50)} / ${ms(p.warm_loaded.p95)} | cannot | (in a worker) | ${pw.results} (${containing(r, WORD_QUERIES[0])}; ${pw.expected}) |`);
    }
  }
  lines.push(
    "",
    "Every cold query (KB: runtime + index = total; files fetched; ms median of 3):",
    "",
    "| replies | engine | transfer | query | results (expected) | files | KB | ms |",
    "|---:|---|---|---|---:|---:|---:|---:|",
  );
  for (const r of results) {
    for (const mode of ["raw", "gzip"]) {
      for (const c of r.ours[mode].cold) {
        const mark = c.ok == null ? "" : c.ok ? " ✓" : " ✗";
        lines.push(`| ${r.count} | reply-widget | ${mode} | ${c.query} | ${c.results} (${c.expected ?? "–"}${mark}) | ${c.bytes.files} | ` +
          `${kb(c.bytes.runtime)} + ${kb(c.bytes.index)} = ${kb(c.bytes.total)} | ${ms(c.ms)} |`);
      }
      for (const c of r.pagefind[mode].cold) {
        lines.push(`| ${r.count} | ${r.pagefind.tool} | ${mode} | ${c.query} | ${c.results} (${c.expected}) | ${c.requests} | ` +
          `${kb(c.parts.runtime)} + ${kb(c.parts.index)} = ${kb(c.parts.total)} | ${ms(c.ms)} |`);
      }
    }
  }
  lines.push("", "Warm medians per query (raw; ms), reply-widget / Pagefind:", "");
  for (const r of results) {
    const o = r.ours.raw.warm.words.per_query_p50;
    const p = r.pagefind.raw.warm_loaded.per_query_p50;
    lines.push(`${r.count}: ${WARM_QUERIES.map((q) => `${q} ${ms(o[q])} / ${ms(p[q])}`).join(", ")}; max ${ms(r.ours.raw.warm.words.max)} / ${ms(r.pagefind.raw.warm_loaded.max)}`);
  }
  for (const r of results) {
    if (!r.pagefind.raw.matching) continue;
    lines.push("", `What Pagefind matched on ${r.count} replies: every result, checked against the title and reply it indexed (data-pagefind-body):`, "", formatMatching(r.pagefind.raw.matching));
  }
  lines.push("");
  for (const r of results) {
    lines.push(`${r.count} replies: load (1 min) ${Object.entries(r.load).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
  }
  for (const r of results) {
    const i = r.ours.index.parts;
    lines.push(`${r.count} replies (${mb(r.archive.html_bytes)} of HTML): our index ${secs(r.ours.index.ms)}, manifest ${kb(i.manifest.bytes)} KB, ` +
      `docs.bin ${kb(i.docs.bytes)} KB, words ${mb(i.words.bytes)} / ${i.words.files}, figures ${mb(i.figures.bytes)} / ${i.figures.files}, ` +
      `cards ${mb(i.cards.bytes)} / ${i.cards.files}; Pagefind's warm p50 / p95 as measurePagefind counts them (its first, fetching round included): ` +
      `raw ${ms(r.pagefind.raw.warm.p50)} / ${ms(r.pagefind.raw.warm.p95)}, gzip ${ms(r.pagefind.gzip.warm.p50)} / ${ms(r.pagefind.gzip.warm.p95)} ms`);
  }
  const problems = results.flatMap((r) => ["raw", "gzip"].flatMap((mode) => [
    ...r.ours[mode].cold.map((c) => c.problems), r.ours[mode].warm.problems, ...r.pagefind[mode].cold.map((c) => c.problems), r.pagefind[mode].warm.problems,
  ])).flatMap((x) => [...x.console, ...x.pageErrors, ...x.violations, ...x.foreign]);
  if (problems.length) lines.push(`problems on the search pages: ${[...new Set(problems)].join("; ")}`);
  const wrong = results.flatMap((r) => ["raw", "gzip"].flatMap((mode) => r.ours[mode].cold.filter((c) => c.ok === false).map((c) => `${r.count} ${mode} ${c.query}: ${c.results}, expected ${c.expected}`)));
  if (wrong.length) lines.push(`WRONG COUNTS: ${wrong.join("; ")}`);
  return lines.join("\n");
}

// ---------- command line ----------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  let sizes = quick ? SIZES.filter((n) => n < 10000) : SIZES;
  if (args.includes("--count")) sizes = [Number(args[args.indexOf("--count") + 1])];
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) {
    console.error("usage: node tests/bench/archive.mjs [--quick] [--count N] [--rebuild-pagefind]");
    process.exit(1);
  }
  const browser = await launch(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
  const results = [];
  let version;
  try {
    for (const n of sizes) {
      results.push(await measureArchive(n, { browser, log: (s) => console.error(`[${n}] ${s}`), rebuildPagefind: args.includes("--rebuild-pagefind") }));
    }
    version = await browser.version();
  } finally {
    await browser.close();
  }
  const machine = {
    cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gib: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    browser: `Chromium ${version} (headless)`, node: process.version, date: new Date().toISOString(),
  };
  console.log(formatArchive(results, machine));
  // A partial run does not overwrite the full one.
  const file = args.includes("--count") ? `archive-bench-${sizes[0]}.json` : quick ? "archive-bench-quick.json" : "archive-bench.json";
  writeFileSync(join(out, file), JSON.stringify({ machine, results }, null, 2));
}
