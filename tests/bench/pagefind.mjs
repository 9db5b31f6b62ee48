// Pagefind's side of the archive benchmark: what the usual static search would cost on the same
// archive of replies. Generates the archive (tests/archive/generate.mjs) into
// tests/out/archive-N/, with the title and the reply's container marked `data-pagefind-body`, as
// Pagefind's documentation asks ("tag your main content area with data-pagefind-body"), so that
// Pagefind indexes the text ours does (title, headings, paragraphs), not the site's header,
// navigation and footer. Indexes it with Pagefind's CLI, then measures in headless Chromium:
// bytes fetched and time until the first 5 results of a query on a cold page, the number of
// results, query latency on a warm page (p50, p95), and what Pagefind matched: every result of
// each query, whether its indexed text contains the query (every word, exactly), how Pagefind cut
// the query into words (Intl.Segmenter, as its search does) and which words its excerpts mark.
// Prints a table, writes tests/out/pagefind-N.json.   node tests/bench/pagefind.mjs [--count 100|1000|10000]
// The main benchmark can import measurePagefind(count) and print these figures beside its own.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED, generateArchive } from "../archive/generate.mjs";
import { launch, out, repo, startServer, watchedPage } from "../e2e/harness.mjs";

/** Queries measured on a cold page, one new browser context each. */
export const COLD_QUERIES = ["中试平台", "科技金融", "人工智能 人才"];
/** Queries of the warm page: 20 rounds of these 10. */
export const WARM_QUERIES = ["中试平台", "科技金融", "人工智能 人才", "知识产权", "生物医药", "数字经济", "新型研发机构", "光电子", "科技成果转化", "孵化器"];
/** Queries whose every result is read (matching()): the warm ones, and 中试平台 in quotes, which
 * Pagefind's documentation says matches the words in sequence ("exact"). */
export const MATCH_QUERIES = [...WARM_QUERIES.slice(0, 3), '"中试平台"', ...WARM_QUERIES.slice(3)];
const COLD_RUNS = 3; // cold pages per query: the time reported is their median, the bytes are the first's
const WARM_ROUNDS = 20;
const FIRST = 5; // results whose data (title, url) a results list shows first

const bin = join(repo, "tests", "node_modules", ".bin", "pagefind");
export const pagefindVersion = JSON.parse(readFileSync(join(repo, "tests", "node_modules", "pagefind", "package.json"), "utf8")).version;

// ---------- the archive and its index ----------

/** The archive of `count` replies in tests/out/archive-N/ (pages marked data-pagefind-body),
 * generated unless already there. */
export function ensureArchive(count) {
  const dir = join(out, `archive-${count}`);
  const manifest = join(dir, "archive.json");
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, "utf8"));
    if (m.count === count && m.seed === DEFAULT_SEED && m.pagefind_body === true) return { dir, generated: false, ms: 0 };
    // An archive of other pages: its Pagefind index is stale too.
    rmSync(join(dir, "pagefind-build.json"), { force: true });
  }
  const res = generateArchive({ count, out: dir, pagefindBody: true });
  return { dir, generated: true, ms: res.ms };
}

/** Every file under a folder, with its size. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [{ path: join(dir, e.name), bytes: statSync(join(dir, e.name)).size }]);
}

/**
 * Indexes the archive's reply pages (r*.html: not the column page, not the search page) with
 * Pagefind's CLI into DIR/pagefind-index/, and measures the build (wall clock, as a webmaster
 * waits for it) and what it wrote: every file, and the parts a search uses.
 */
export function buildIndex(dir) {
  const output = join(dir, "pagefind-index");
  rmSync(output, { recursive: true, force: true });
  const t0 = performance.now();
  const run = spawnSync(bin, ["--site", dir, "--output-subdir", "pagefind-index", "--glob", "r*.html"], { cwd: repo, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`pagefind failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const files = walk(output);
  const sum = (test) => files.filter((f) => test(basename(f.path), relative(output, f.path))).reduce((a, f) => a + f.bytes, 0);
  const count = (test) => files.filter((f) => test(basename(f.path), relative(output, f.path))).length;
  const ui = (n) => /-ui\.|highlight/.test(n); // the ready-made UIs, which a custom search page does not load
  return {
    ms,
    bytes: sum(() => true),
    files: files.length,
    parts: {
      runtime_bytes: sum((n, p) => !ui(n) && !p.includes("/")), // pagefind.js, the worker, the wasm, entry and meta
      index_bytes: sum((n) => n.endsWith(".pf_index")),
      index_files: count((n) => n.endsWith(".pf_index")),
      fragment_bytes: sum((n) => n.endsWith(".pf_fragment")),
      fragment_files: count((n) => n.endsWith(".pf_fragment")),
      ui_bytes: sum((n) => ui(n)),
    },
    pages: Number(/Indexed (\d+) pages/.exec(run.stdout)?.[1]),
    words: Number(/Indexed (\d+) words/.exec(run.stdout)?.[1]),
    languages: /Discovered \d+ languages?: (.*)/.exec(run.stdout)?.[1] ?? null,
  };
}

// ---------- the search page ----------

const SEARCH_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>Pagefind search (benchmark)</title>
  <link rel="icon" href="data:,">
  <script type="module" src="pagefind-search.js"></script>
</head>
<body><p>Pagefind search page of the archive benchmark (tests/bench/pagefind.mjs).</p></body>
</html>
`;

// Loads Pagefind on the first query, as a search box would, so a cold query pays for all of it.
const SEARCH_JS = `// Written by tests/bench/pagefind.mjs: the search page of the archive benchmark.
let pagefind = null;

window.pagefindBench = {
  /** Runs a query; resolves when the first n results' data (url, title) are there. */
  async search(query, n) {
    const t0 = performance.now();
    if (!pagefind) {
      pagefind = await import("./pagefind-index/pagefind.js");
      // Result urls relative to where the archive is served.
      await pagefind.options({ baseUrl: new URL(".", location.href).pathname });
    }
    const res = await pagefind.search(query);
    const data = await Promise.all(res.results.slice(0, n).map((r) => r.data()));
    const ms = performance.now() - t0;
    return { ms, count: res.results.length, first: data.map((d) => ({ url: d.url, title: d.meta.title })) };
  },
  /** Every result of a query (url, the words its excerpt marks), and the words the query was cut
   * into: Pagefind's search cuts a query in a zh/ja/th language with Intl.Segmenter (granularity
   * "word") and looks each piece up as a word prefix. Not timed. */
  async all(query) {
    const res = await pagefind.search(query);
    const data = await Promise.all(res.results.map((r) => r.data()));
    const lang = document.documentElement.lang;
    const pieces = [...new Intl.Segmenter(lang, { granularity: "word" }).segment(query)].filter((s) => s.isWordLike).map((s) => s.segment);
    const marks = (html) => [...html.matchAll(/<mark>(.*?)<\\/mark>/g)].map((m) => m[1]);
    return { lang, pieces, results: data.map((d) => ({ url: d.url, marked: [...new Set(marks(d.excerpt))] })) };
  },
};
document.documentElement.dataset.ready = "1";
`;

/** Writes the search page into the archive (no inline script: the test server's CSP forbids it). */
export function writeSearchPage(dir) {
  writeFileSync(join(dir, "pagefind-search.html"), SEARCH_HTML);
  writeFileSync(join(dir, "pagefind-search.js"), SEARCH_JS);
}

// ---------- what the right answers are ----------

/** The text both engines index: the title and the reply (the elements marked data-pagefind-body,
 * which hold no other element of their kind), without tags. */
export function replyText(file) {
  const html = readFileSync(file, "utf8");
  const parts = [...html.matchAll(/<(h1|div)\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]);
  if (parts.length !== 2) throw new Error(`${file}: ${parts.length} elements marked data-pagefind-body, not 2 (title and reply)`);
  return parts.join("\n").replace(/<[^>]*>/g, "");
}
/** Whether the text holds every word of the query. */
export const allWords = (text, query) => query.split(/\s+/).filter(Boolean).every((w) => text.includes(w));

/** How many replies contain every word of each query in their title and reply (the count an
 * exact search would give). */
export function expectedCounts(dir, queries) {
  const counts = Object.fromEntries(queries.map((q) => [q, 0]));
  for (const f of readdirSync(dir)) {
    if (!/^r\d+\.html$/.test(f)) continue;
    const text = replyText(join(dir, f));
    for (const q of queries) if (allWords(text, q)) counts[q] += 1;
  }
  return counts;
}

// ---------- the browser ----------

export const median = (xs) => percentile(xs, 50);
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** A search page of either engine, on a new context (empty cache), once it says it is ready. */
export async function openSearchPage(browser, origin, path) {
  const page = await watchedPage(browser, origin); // a new context: empty cache, nothing loaded
  await page.goto(`${origin}/${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  return page;
}

/**
 * Runs `run()` on the page and returns its result with every request the page (and its workers)
 * started meanwhile, once they have all finished or failed (at most 5 s after `run` settles).
 */
export async function requestsDuring(page, run) {
  const started = [];
  const done = new Set();
  page.on("request", (r) => started.push(r));
  page.on("requestfinished", (r) => done.add(r));
  page.on("requestfailed", (r) => done.add(r));
  const result = await run();
  const requests = [...started];
  for (let t = 0; t < 100 && !requests.every((r) => done.has(r)); t++) await new Promise((ok) => setTimeout(ok, 50));
  return { result, requests };
}

/**
 * One query on a cold page. Bytes: every request the page and Pagefind's worker start after the
 * page has loaded, until the first results are there; each counts its response's
 * encodedDataLength (Network.loadingFinished, which Playwright reads from the page's and the
 * worker's DevTools sessions: response headers + body size). Chromium sends no
 * loadingFinished for a dedicated worker's own script, so that one counts its headers + its
 * size on disk (the test server sends files as they are, uncompressed).
 */
async function coldQuery(browser, origin, path, dir, query) {
  const page = await openSearchPage(browser, origin, path);
  const { result: res, requests: inQuery } = await requestsDuring(page, () =>
    page.evaluate(([q, n]) => window.pagefindBench.search(q, n), [query, FIRST]));
  const requests = [];
  for (const r of inQuery) {
    const s = await r.sizes();
    const url = new URL(r.url());
    let body = s.responseBodySize;
    let source = "loadingFinished";
    if (body === 0 && (await r.response())?.status() === 200) {
      body = statSync(join(repo, decodeURIComponent(url.pathname))).size;
      source = "headers + file size";
    }
    requests.push({ path: relative(dir, join(repo, decodeURIComponent(url.pathname))), bytes: s.responseHeadersSize + body, source });
  }
  const problems = await page.problems();
  await page.context().close();
  return { ...res, bytes: requests.reduce((a, r) => a + r.bytes, 0), requests, problems };
}

/**
 * What Pagefind matched for each query: every result, split into those whose title and reply
 * contain the query (every word, exactly) and those that do not; for the latter, which words
 * Pagefind's excerpts mark (what it matched instead), most frequent first. One page, not timed.
 */
export async function matching(browser, origin, path, dir, queries, expected) {
  const page = await openSearchPage(browser, origin, path);
  await page.evaluate(([n]) => window.pagefindBench.search("科技", n), [FIRST]); // loads Pagefind
  const res = [];
  for (const query of queries) {
    const all = await page.evaluate((q) => window.pagefindBench.all(q), query);
    const exact = [];
    const other = [];
    const words = query.replaceAll('"', "");
    const texts = all.results.map((r) => replyText(join(dir, basename(r.url))));
    const holds = texts.map((t) => allWords(t, words));
    all.results.forEach((r, i) => (holds[i] ? exact : other).push(r));
    // Of those not containing the query, how many contain each piece somewhere (apart).
    const apart = texts.filter((t, i) => !holds[i] && all.pieces.every((p) => t.includes(p))).length;
    const marked = {};
    for (const r of other) for (const w of r.marked) marked[w] = (marked[w] ?? 0) + 1;
    res.push({
      query, lang: all.lang, pieces: all.pieces, results: all.results.length, containing: exact.length, not_containing: other.length,
      replies_containing: expected[words], // in the archive: Pagefind found them all when this equals `containing`
      containing_ranked_first: holds.every((h, i) => h || !holds.slice(i).some(Boolean)),
      last_containing_rank: holds.lastIndexOf(true) + 1, // 1-based; 0 when none
      not_containing_with_every_piece: apart,
      marked_in_others: Object.entries(marked).sort((a, b) => b[1] - a[1]).slice(0, 20),
      others: other.slice(0, 10).map((r) => ({ url: r.url, marked: r.marked })),
    });
  }
  await page.context().close();
  return res;
}

/** Query latency on a warm page: Pagefind loaded, then rounds of the queries (ms, in the page). */
async function warmQueries(browser, origin, path, queries, rounds) {
  const page = await openSearchPage(browser, origin, path);
  await page.evaluate(([n]) => window.pagefindBench.search("科技", n), [FIRST]); // loads Pagefind
  const times = [];
  const firstRound = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const { ms } = await page.evaluate(([q, n]) => window.pagefindBench.search(q, n), [q, FIRST]);
      times.push(ms);
      if (r === 0) firstRound.push(ms);
    }
  }
  const problems = await page.problems();
  await page.context().close();
  return {
    p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length,
    first_round_p50: median(firstRound), // the round that still fetches index chunks and fragments
    problems,
  };
}

// ---------- the whole measurement ----------

/**
 * Pagefind on an archive of `count` replies: index build and size, cold queries, warm latency.
 * Pass `browser` and `server` to share the caller's; `log` receives progress lines;
 * `rebuild: false` reuses the index (and its measured build) of an earlier run if there is one;
 * `matchResults: false` skips reading every result (matching()).
 */
export async function measurePagefind(count, { browser = null, server = null, log = () => {}, rebuild = true, matchResults = true } = {}) {
  const archive = ensureArchive(count);
  const { dir } = archive;
  log(archive.generated ? `generated ${count} replies in ${Math.round(archive.ms)} ms` : `archive of ${count} replies already in ${relative(repo, dir)}`);
  const html = walk(dir).filter((f) => /\/r\d+\.html$/.test(f.path)).reduce((a, f) => a + f.bytes, 0);
  const built = join(dir, "pagefind-build.json");
  let index;
  if (!rebuild && existsSync(built) && existsSync(join(dir, "pagefind-index", "pagefind.js"))) {
    index = JSON.parse(readFileSync(built, "utf8"));
    log(`reusing the Pagefind index built in ${Math.round(index.ms)} ms`);
  } else {
    log("indexing with Pagefind …");
    index = buildIndex(dir);
    writeFileSync(built, JSON.stringify(index, null, 2));
    log(`indexed ${index.pages} pages in ${Math.round(index.ms)} ms`);
  }
  writeSearchPage(dir);
  const expected = expectedCounts(dir, [...new Set([...COLD_QUERIES, ...WARM_QUERIES])]);
  const load = [os.loadavg()[0]];

  const ownServer = !server;
  const ownBrowser = !browser;
  server ??= await startServer();
  browser ??= await launch();
  const path = relative(repo, join(dir, "pagefind-search.html"));
  const cold = [];
  let warm, version, matched;
  try {
    for (const query of COLD_QUERIES) {
      const runs = [];
      for (let i = 0; i < COLD_RUNS; i++) runs.push(await coldQuery(browser, server.origin, path, dir, query));
      const first = runs[0];
      // Of the first results, how many contain every word of the query.
      const exact = first.first.filter((r) => allWords(replyText(join(dir, basename(r.url))), query)).length;
      cold.push({
        query, results: first.count, expected: expected[query], first_exact: exact,
        bytes: first.bytes, requests: first.requests.length, ms: median(runs.map((r) => r.ms)),
        runs_ms: runs.map((r) => r.ms), fetched: first.requests, first: first.first, problems: first.problems,
      });
      log(`cold ${query}: ${first.count} results, ${first.bytes} bytes, ${Math.round(median(runs.map((r) => r.ms)))} ms`);
    }
    warm = await warmQueries(browser, server.origin, path, WARM_QUERIES, WARM_ROUNDS);
    matched = matchResults ? await matching(browser, server.origin, path, dir, MATCH_QUERIES, expected) : null;
    version = await browser.version();
    load.push(os.loadavg()[0]);
  } finally {
    if (ownBrowser) await browser.close();
    if (ownServer) server.close();
  }
  return {
    tool: `pagefind ${pagefindVersion}`, count, archive: { dir: relative(repo, dir), html_bytes: html },
    index, cold, warm: { ...warm, queries: WARM_QUERIES, rounds: WARM_ROUNDS, expected }, matching: matched,
    machine: {
      load_1min: load, // the 1-minute load average before and after the browser measurements
      cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gib: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`, browser: `Chromium ${version} (headless)`, node: process.version, date: new Date().toISOString(),
    },
  };
}

/** The figures as the small table the command prints. */
export function formatPagefind(r) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MB`;
  const f = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  const p = r.index.parts;
  const lines = [
    `${r.tool} on ${r.count} replies (${mb(r.archive.html_bytes)} of HTML); ${r.machine.browser}, ${r.machine.cpus} × ${r.machine.cpu}`,
    `index: built in ${Math.round(r.index.ms)} ms; ${r.index.files} files, ${r.index.bytes} bytes (${mb(r.index.bytes)}): ` +
      `runtime ${kb(p.runtime_bytes)}, ${p.index_files} index chunks ${kb(p.index_bytes)}, ${p.fragment_files} fragments ${mb(p.fragment_bytes)}, UI bundles ${kb(p.ui_bytes)}`,
    "| query (cold page) | results | replies with every word | of first 5, with every word | bytes fetched | requests | ms to first 5 |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...r.cold.map((c) => `| ${c.query} | ${c.results} | ${c.expected} | ${c.first_exact} | ${c.bytes} | ${c.requests} | ${f(c.ms)} |`),
    `warm page: p50 ${f(r.warm.p50)} ms, p95 ${f(r.warm.p95)} ms over ${r.warm.samples} queries (${r.warm.rounds} rounds of ${r.warm.queries.length}; first round p50 ${f(r.warm.first_round_p50)} ms)`,
    `load (1 min) ${r.machine.load_1min.map((x) => x.toFixed(2)).join(" → ")}`,
    ...(r.matching ? ["", formatMatching(r.matching)] : []),
  ];
  const problems = [...r.cold.map((c) => c.problems), r.warm.problems].flatMap((x) => [...x.console, ...x.pageErrors, ...x.violations, ...x.foreign]);
  if (problems.length) lines.push(`problems on the search page: ${problems.join("; ")}`);
  return lines.join("\n");
}

/** What Pagefind matched, as a table. */
export function formatMatching(matched) {
  return [
    "| query | cut into (Intl.Segmenter) | results | containing the query (of the replies that do) | not containing it | of those, with every piece apart | last rank of one containing it | marked in the excerpts of those not containing it (results) |",
    "|---|---|---:|---:|---:|---:|---:|---|",
    ...matched.map((m) => `| ${m.query} | ${m.pieces.join(" / ")} | ${m.results} | ${m.containing} (${m.replies_containing}) | ${m.not_containing} | ` +
      `${m.not_containing_with_every_piece} | ${m.last_containing_rank} | ` +
      `${m.marked_in_others.slice(0, 8).map(([w, n]) => `${w} ${n}`).join(", ")} |`),
  ].join("\n");
}

// ---------- command line ----------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const count = args.includes("--count") ? Number(args[args.indexOf("--count") + 1]) : 1000;
  if (!Number.isInteger(count) || count < 1) {
    console.error("usage: node tests/bench/pagefind.mjs [--count 100|1000|10000]");
    process.exit(1);
  }
  const res = await measurePagefind(count, { log: (s) => console.error(s) });
  console.log(formatPagefind(res));
  writeFileSync(join(out, `pagefind-${count}.json`), JSON.stringify(res, null, 2));
}
