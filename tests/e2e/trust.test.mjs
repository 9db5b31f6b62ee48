// Trust: what an outside review attacked. Exports that cannot attack a spreadsheet, links that
// survive a <base href>, queries that are understood or said not to be, re-entrant calls from
// the page's own listeners, transactional mounts, a pending copy outliving its widget, bad reply
// objects (wrong cross references, cycles, 20,000 levels, broken UTF-16), a server that keeps
// serving after a malformed URL.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, embedDone, out, parseCsv, ready, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function lab(init) {
  const page = await watchedPage(env.browser, env.server.origin, { acceptDownloads: true });
  if (init) await page.addInitScript(init);
  await page.goto(`${env.server.origin}/tests/pages/lab.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
  return page;
}

describe("trust", () => {
  test("1. the CSV export of a hostile reply opens in a spreadsheet as text, the JSON export stays exact", async () => {
    const page = await lab();
    await page.evaluate(() => {
      const reply = rw.parseReply("答复\n一、第一部分\n=HYPERLINK(\"evil\"&B2)点击查看详情投入5亿元。\n@SUM(1+1)增长30%。\n+cmd新增3项。");
      window.w = rw.mount({ figures: "#f1", article: "#a1", reply, hash: false });
    });
    const panel = page.getByRole("region", { name: "数据一览" });
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "导出 CSV" }).click()]);
    await download.saveAs(join(out, "hostile.csv"));
    const rows = parseCsv(readFileSync(join(out, "hostile.csv"), "utf8").slice(1));
    assert.equal(rows.length, 4, "header and three figures");
    for (const cell of rows.flat()) assert.doesNotMatch(cell, /^ *[=+\-@\t\r]/, `cell ${JSON.stringify(cell)} is not a formula`);
    // Readable: each clause as written, behind a leading '.
    assert.deepEqual(rows.slice(1).map((r) => r[10]), [
      "'=HYPERLINK(\"evil\"&B2)点击查看详情投入5亿元", "'@SUM(1+1)增长30%", "'+cmd新增3项",
    ]);
    const [json] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "导出 JSON" }).click()]);
    await json.saveAs(join(out, "hostile.json"));
    const figures = JSON.parse(readFileSync(join(out, "hostile.json"), "utf8"));
    assert.equal(figures[1].context, "@SUM(1+1)增长30%", "JSON keeps the clause exactly");
    await page.evaluate(() => w.destroy());
    await assertClean(page);
    await page.close();
  });

  test("1b. the CSV export stays text for a spreadsheet that splits on ; or tabs, with invisible characters before =", async () => {
    const page = await lab();
    await page.evaluate(() => {
      const reply = rw.parseReply("答复\n一、总体情况;=cmd|' /C calc'!A0\n\ufeff=SUM(1)投入5亿元。\n（一）分项情况\t=1+2\n新增3项，\u200b@A1增长30%。");
      window.w = rw.mount({ figures: "#f1", article: "#a1", reply, hash: false });
    });
    const panel = page.getByRole("region", { name: "数据一览" });
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "导出 CSV" }).click()]);
    await download.saveAs(join(out, "hostile-split.csv"));
    const text = readFileSync(join(out, "hostile-split.csv"), "utf8").slice(1);
    const rows = parseCsv(text);
    assert.equal(rows.length, 4, "header and three figures");
    // A run-in heading's title ends at its first ; (the rest, =cmd…, is its paragraph's text, in
    // no cell); a tab inside a title stays, with its formula made inert. (A ; inside a cell is
    // covered by the export's property test, tests/export.rs.)
    assert.deepEqual(rows.slice(1).map((r) => r[9]), ["总体情况", "分项情况\t'=1+2", "分项情况\t'=1+2"]);
    // Excel with ; as its list separator, or a tab import, starts a cell after every ; or tab,
    // whatever the quotes: no piece, past white space, quotes and invisible characters, opens a formula.
    for (const piece of text.split(/[,;\t\r\n]/)) {
      const bare = piece.replace(/^[\s"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+/, "");
      assert.doesNotMatch(bare, /^[=+\-@]/, `piece ${JSON.stringify(piece)} is not a formula`);
    }
    await page.evaluate(() => w.destroy());
    await assertClean(page);
    await page.close();
  });

  test("2. under <base href> a selection writes #f… to the page's own address", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/fixtures/pages/base-href-list.html?x=1`);
    const before = new URL(page.url());
    const after = await page.evaluate(async () => {
      const rw = await import("/pkg/reply_widget.js");
      await rw.default();
      const w = rw.mount({ article: ".detail-content" });
      w.select("f1");
      const hashed = location.href;
      w.select("s1");
      const section = location.href;
      w.destroy();
      return { hashed, section, base: document.baseURI };
    });
    assert.match(after.base, /\/cms\/static\/$/, "the page sets a base");
    const hashed = new URL(after.hashed);
    assert.equal(hashed.pathname, before.pathname, "still this page, not /cms/static/");
    assert.equal(hashed.search, "?x=1");
    assert.equal(hashed.hash, "#f1");
    assert.equal(new URL(after.section).hash, "#s1");
    await page.close();
  });

  test("3. a bare or compound multiplier is understood; an unknown unit is said not to be", async () => {
    const page = await lab();
    const seen = await page.evaluate(() => {
      const w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: rw.bundledReply(), hash: false });
      const out = {};
      for (const q of [">=100亿元", ">=100亿", ">=1百亿元", ">=1千亿元", ">=10百亿元"]) {
        w.filter(q);
        out[q] = w.visibleFigures().length;
      }
      w.filter(">=5栋楼");
      out.status = document.querySelector("#o1").shadowRoot.querySelector("[role=status]").textContent;
      w.destroy();
      return out;
    });
    assert.deepEqual(seen, {
      ">=100亿元": 4, ">=100亿": 4, ">=1百亿元": 4, ">=1千亿元": 2, ">=10百亿元": 2,
      status: seen.status,
    });
    assert.match(seen.status, /无法理解/);
    await page.close();
  });

  test("4. the page's listeners may call every method from inside every event the widget dispatches", async () => {
    const page = await watchedPage(env.browser, env.server.origin, { acceptDownloads: true });
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.origin });
    await page.addInitScript(() => {
      window.__calls = { ok: 0, busy: 0, other: [] };
      const call = (f) => {
        try {
          f();
          window.__calls.ok++;
        } catch (e) {
          if (/busy/.test(e.message)) window.__calls.busy++;
          else if (!/no figure or section|destroyed/.test(e.message)) window.__calls.other.push(e.message);
        }
      };
      // Every kind of event the widget makes happen while it works (focus moves, the download
      // link's click, the reader's own keys and clicks it handles). Not scroll: a listener
      // that selects on every scroll scrolls again, forever, whoever the widget is.
      for (const type of ["focus", "blur", "focusin", "focusout", "click", "keydown", "keyup", "input", "change", "mouseover", "mouseout", "hashchange", "reply-widget:ready"]) {
        document.addEventListener(type, () => {
          const w = window.__rwReady && window.__rwReady.widget;
          if (!w || window.__inside || window.__stop) return;
          window.__inside = true; // one level: the calls themselves move focus too
          call(() => w.visibleFigures());
          call(() => w.filter(w.visibleFigures().length % 2 ? "" : "科技"));
          call(() => w.select("f13"));
          call(() => w.filter(""));
          window.__inside = false;
        }, true);
      }
    });
    await page.goto(`${env.server.origin}/www/`);
    await ready(page);
    await embedDone(page);
    // Drive it: keys in the tree (focus moves), clicks on figures, typing, the download click,
    // the clipboard.
    await page.getByRole("treeitem").first().focus();
    for (const k of ["ArrowDown", "ArrowDown", "End", "Home", "Enter"]) await page.keyboard.press(k);
    await page.getByRole("button", { name: /^361亿元\s*，/ }).click();
    await page.getByRole("searchbox").fill("基金");
    await page.getByRole("button", { name: "按章节" }).click();
    await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出 CSV" }).click()]);
    await page.getByRole("button", { name: "复制引用" }).click();
    const figure = page.getByRole("button", { name: /^1415亿元\s*，/ });
    await figure.focus();
    await page.keyboard.press("ArrowDown");
    const calls = await page.evaluate(() => window.__calls);
    assert.ok(calls.ok > 20, `calls made from inside events: ${JSON.stringify(calls)}`);
    assert.deepEqual(calls.other, [], "no call failed but by a clear busy Error");
    // Still working.
    await page.evaluate(() => { window.__stop = true; });
    await page.getByRole("searchbox").fill(">=100亿元");
    await until(() => page.evaluate(() => window.__rwReady.widget.visibleFigures().length), 4, { message: "the filter still works" });
    const p = await page.problems();
    assert.deepEqual(p.pageErrors, [], "nothing trapped, nothing thrown into the page");
    assert.deepEqual(p.console, []);
    await page.close();
  });

  test("5 and 11. a mount that fails leaves every host as it was, and a retry works", async () => {
    // (a) A Trusted Types policy object without createHTML, on a page enforcing the types.
    let page = await watchedPage(env.browser, env.server.origin);
    await page.addInitScript(() => { if (window.trustedTypes) trustedTypes.createPolicy = () => ({}); });
    await page.goto(`${env.server.origin}/www/?tt=allow`);
    let r = await embedDone(page);
    assert.match(r.error, /Trusted Types/);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("[data-reply-widget]")].map((h) => [Boolean(h.shadowRoot), h.hasAttribute("data-reply-widget-mounted")])),
      [[false, false], [false, false], [false, false]]);
    await page.close();
    // (b) No CSSStyleSheet constructor (Safari before 16.4).
    page = await watchedPage(env.browser, env.server.origin);
    await page.addInitScript(() => { delete window.CSSStyleSheet; });
    await page.goto(`${env.server.origin}/www/`);
    r = await embedDone(page);
    assert.match(r.error, /constructable stylesheets/);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll("[data-reply-widget]")].map((h) => [Boolean(h.shadowRoot), h.hasAttribute("data-reply-widget-mounted")])),
      [[false, false], [false, false], [false, false]]);
    await page.close();
    // (c) A step failing after the hosts were touched (no IntersectionObserver): rolled back.
    page = await lab();
    const rolled = await page.evaluate(() => {
      const article = document.querySelector("#a3");
      const before = article.innerHTML;
      const io = window.IntersectionObserver;
      window.IntersectionObserver = function () { throw new Error("no observer here"); };
      let error = "";
      try {
        rw.mount({ outline: "#o1", figures: "#f1", article: "#a3", hash: false });
      } catch (e) {
        error = e.message;
      }
      const state = {
        error,
        same: article.innerHTML === before,
        marked: [...document.querySelectorAll("[data-reply-widget-mounted]")].length,
        bar: document.querySelectorAll("[data-reply-widget-bar]").length,
        slots: ["#o1", "#f1"].map((s) => document.querySelector(s).shadowRoot?.querySelector("slot") !== null),
        sheets: document.adoptedStyleSheets.length,
      };
      window.IntersectionObserver = io;
      const w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a3", hash: false });
      state.retried = w.visibleFigures().length;
      w.destroy();
      return state;
    });
    assert.match(rolled.error, /no observer here/);
    assert.deepEqual({ ...rolled, error: "" }, { error: "", same: true, marked: 0, bar: 0, slots: [true, true], sheets: 0, retried: rolled.retried });
    assert.ok(rolled.retried > 0, "the retry mounts");
    await page.close();
  });

  test("6. destroy() while a copy is pending: nothing is thrown when it settles", async () => {
    const page = await lab(() => {
      // The copy stays pending until the test settles it (`__settleCopy()`); `__copySettled`
      // once the widget's own handlers of it have run (a task after the promise resolved).
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => new Promise((resolve) => {
          window.__settleCopy = () => {
            resolve();
            setTimeout(() => { window.__copySettled = true; }, 0);
          };
        }) },
      });
    });
    await page.evaluate(() => {
      window.w = rw.mount({ figures: "#f1", reply: rw.bundledReply(), hash: false });
      w.select("f13");
    });
    await page.getByRole("button", { name: "复制引用" }).click();
    await page.waitForFunction(() => window.__settleCopy); // the copy was asked for, and waits
    await page.evaluate(() => w.destroy());
    await page.evaluate(() => window.__settleCopy());
    await page.waitForFunction(() => window.__copySettled); // it settles after destroy(): that is the test
    const p = await page.problems();
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.console, []);
    await page.close();
  });

  test("7, 9, 10. bad reply objects get an Error naming the field; every widget keeps working", async () => {
    const page = await lab();
    const seen = await page.evaluate(() => {
      const good = rw.mount({ outline: "#o2", reply: rw.bundledReply(), hash: false });
      const copy = () => structuredClone(rw.bundledReply());
      const tries = {
        section: () => { const r = copy(); r.figures[12].section = "s4"; return r; },
        offsets: () => { const r = copy(); r.figures[12].start += 1; r.figures[12].end += 1; return r; },
        cycle: () => { const r = copy(); r.sections[0].children[0].children = [r.sections[0]]; return r; },
        deep: () => {
          const r = copy();
          let s = { id: "d", number: "1", title: "t", paragraphs: [], children: [] };
          for (let i = 0; i < 20000; i++) s = { id: "d" + i, number: "1", title: "t", paragraphs: [], children: [s] };
          r.sections.push(s);
          return r;
        },
        surrogate: () => { const r = copy(); r.sections[1].title = "科技\uD800金融"; return r; },
      };
      const out = {};
      for (const [name, make] of Object.entries(tries)) {
        try {
          rw.mount({ outline: "#o1", reply: make(), hash: false }).destroy();
          out[name] = "no error";
        } catch (e) {
          out[name] = `${e instanceof Error}:${e.message}`;
        }
      }
      good.filter("基金");
      out.goodStill = good.visibleFigures().length;
      out.parseStill = rw.parseReply("答复\n一、甲\n投入5亿元。").figures.length;
      good.destroy();
      return out;
    });
    assert.match(seen.section, /^true:options\.reply\.figures\[12\]\.section: "s4" does not hold paragraph/);
    assert.match(seen.offsets, /^true:options\.reply\.figures\[12\]\.text: "361亿元" is not the text at/);
    assert.match(seen.cycle, /^true:options\.reply\.sections\[0\]\.children\[0\]\.children\[0\]: cycle/);
    assert.match(seen.deep, /^true:options\.reply\.sections\[4\](\.children\[0\])+: nested too deep/);
    assert.match(seen.surrogate, /^true:options\.reply\.sections\[1\]\.title: the string holds a lone surrogate/);
    assert.ok(seen.goodStill > 0, "the other widget still works");
    assert.equal(seen.parseStill, 1);
    await assertClean(page);
    await page.close();
  });

  test("12. a column page with the archive search and a reply's parts runs both under Trusted Types with one policy", async () => {
    // Both modules are on the page, one embed script starts them; the page allows the policy
    // by name once. The second module takes the policy the first created: no violation.
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/pages/column-reply.html?tt=allow`);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    const search = page.getByRole("region", { name: "答复检索" });
    await search.getByRole("searchbox").fill("中试平台");
    await until(() => search.getByRole("status").textContent(), /找到 \d+ 篇答复/, { timeout: 15000, message: "the archive search answers" });
    await until(() => page.locator("#outline").getByRole("treeitem").count(), (n) => n >= 3, { message: "the reply's outline" });
    await page.locator("#outline").getByRole("searchbox").fill("数字");
    await until(() => page.locator("#article mark").count(), (n) => n > 0, { message: "matches marked in the article" });
    // The shared policy passes only markup the widget writes, and is no enumerable global.
    const shared = await page.evaluate(() => {
      const p = window[Symbol.for("reply-widget.trusted-types-policy")];
      const refuses = (s) => { try { p.createHTML(s); return false; } catch (e) { return true; } };
      return {
        name: p.name,
        hidden: (({ enumerable, writable, configurable }) => ({ enumerable, writable, configurable }))(
          Object.getOwnPropertyDescriptor(window, Symbol.for("reply-widget.trusted-types-policy"))),
        replaced: (() => { try { window[Symbol.for("reply-widget.trusted-types-policy")] = null; } catch (e) {} return window[Symbol.for("reply-widget.trusted-types-policy")] === p; })(),
        script: refuses("<script>alert(1)</script>"),
        handler: refuses('<img src="x" onerror="alert(1)">'),
        url: refuses('<a href="javascript:alert(1)">x</a>'),
        own: !refuses('<li class="rw" data-fig="3">&lt;script&gt; onerror=1 javascript:</li>'),
      };
    });
    const hidden = { enumerable: false, writable: false, configurable: false };
    assert.deepEqual(shared, { name: "reply-widget", hidden, replaced: true, script: true, handler: true, url: true, own: true });
    await assertClean(page);
    await page.close();
  });

  test("12b. under Trusted Types, a refused policy is reported with what to do: the name to allow, or the name taken", async () => {
    // The page allows no policy: both parts keep the page's text, and say which directive to add.
    let page = await watchedPage(env.browser, env.server.origin);
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.goto(`${env.server.origin}/tests/pages/column-reply.html?tt=deny`);
    let r = await embedDone(page);
    assert.match(r.error, /add "trusted-types reply-widget"/);
    assert.equal(await page.evaluate(() => document.querySelectorAll("[data-reply-widget-mounted]").length), 0);
    assert.ok(await page.locator("#library .list").isVisible(), "the column's own list stays");
    assert.match(warnings.join("\n"), /trusted-types reply-widget/);
    await page.close();
    // The page allows the name, but one of its own scripts took it first: the message says so.
    page = await watchedPage(env.browser, env.server.origin);
    await page.addInitScript(() => {
      window.__own = window.trustedTypes.createPolicy("reply-widget", { createHTML: (s) => s });
    });
    await page.goto(`${env.server.origin}/www/?tt=allow`);
    r = await embedDone(page);
    assert.match(r.error, /another script of the page created a policy of that name first/);
    assert.match(r.error, /'allow-duplicates'/);
    await page.close();
  });

  // A short reply written for these tests, read from the page's own article (#a1).
  const REPLY = ["关于加快科技创新的提案的答复", "一、总体情况", "", "二、下一步工作", "下一步将加强科技统筹。"];
  /** Puts the reply into #a1, its third paragraph made of `pieces` (adjacent text nodes). */
  const write = (pieces) => ({ reply: REPLY, pieces });

  test("20.2a. the page normalises its article while marked (mark.js's unmark()): no text lost, marks still right", async () => {
    const page = await lab();
    const seen = await page.evaluate(({ reply, pieces }) => {
      const a = document.querySelector("#a1");
      a.replaceChildren(...reply.map((t) => Object.assign(document.createElement("p"), { textContent: t })));
      const p = a.children[2];
      p.append(...pieces); // adjacent text nodes, as scripts and CMS editors leave them
      const whole = a.textContent;
      const w = rw.mount({ figures: "#f1", article: a, hash: false });
      w.filter("亿元");
      const marked = [...a.querySelectorAll("mark")].map((m) => m.textContent);
      a.normalize();
      w.filter("增长");
      const mounted = { text: a.textContent, marks: [...a.querySelectorAll("mark")].map((m) => m.textContent) };
      w.filter("亿元");
      const again = [...a.querySelectorAll("mark")].map((m) => m.textContent);
      w.destroy();
      return { whole, marked, mounted, again, after: a.textContent, left: a.querySelectorAll("mark").length };
    }, write(["全市技术合同成交额达", "361亿元，", "同比增长", "28.34%，", "带动社会投资1415亿元。"]));
    assert.deepEqual(seen.marked, ["亿元", "亿元"]);
    assert.equal(seen.mounted.text, seen.whole, "nothing lost while mounted");
    assert.deepEqual(seen.mounted.marks, ["增长"], "the new filter marks the normalised text");
    assert.deepEqual(seen.again, ["亿元", "亿元"]);
    assert.equal(seen.after, seen.whole, "nothing lost after destroy()");
    assert.equal(seen.left, 0);
    await assertClean(page);
    await page.close();
  });

  test("20.2b. a page script rewrites the article's text (简繁 switchers: 全市→全省): neither a filter nor destroy() reverts it", async () => {
    const page = await lab();
    const seen = await page.evaluate(({ reply, pieces }) => {
      const a = document.querySelector("#a1");
      a.replaceChildren(...reply.map((t) => Object.assign(document.createElement("p"), { textContent: t })));
      a.children[2].append(...pieces);
      const w = rw.mount({ figures: "#f1", article: a, hash: false });
      w.filter("亿元");
      const walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) walk.currentNode.data = walk.currentNode.data.replaceAll("全市", "全省");
      const rewritten = a.textContent;
      w.filter("统筹");
      const filtered = a.textContent;
      const marks = [...a.querySelectorAll("mark")].map((m) => m.textContent);
      w.filter("");
      w.destroy();
      return { rewritten, filtered, marks, after: a.textContent };
    }, write(["全市技术合同成交额达361亿元，全市科技投入增长12%。"]));
    assert.doesNotMatch(seen.rewritten, /全市/);
    assert.equal(seen.filtered, seen.rewritten, "the next filter keeps the page's text");
    assert.deepEqual(seen.marks, ["统筹"], "the filter still marks");
    assert.equal(seen.after, seen.rewritten, "destroy() keeps the page's text");
    await assertClean(page);
    await page.close();
  });

  test("20.2c. elements pasted from a live page (data-rw-hidden, <mark data-rw=hit>) stay the page's: shown, not stepped through, given back byte for byte", async () => {
    const page = await lab();
    const seen = await page.evaluate(() => {
      const a = document.querySelector("#a1");
      a.innerHTML = "<p>关于加快科技创新的提案的答复</p><p>一、总体情况</p><p data-rw-hidden=\"\">去年投入科技经费5亿元。</p>" +
        "<p>今年<mark data-rw=\"hit\" id=\"pasted\">科技</mark>投入增长20%。</p><p>二、下一步工作</p><p>加强科技统筹。</p>";
      const before = a.innerHTML;
      window.w = rw.mount({ outline: "#o1", figures: "#f1", article: a, hash: false });
      const shown = a.children[2].checkVisibility();
      w.filter("统筹");
      const hiddenByFilter = !a.children[2].checkVisibility();
      w.filter("");
      const shownAgain = a.children[2].checkVisibility();
      w.filter("科技");
      return { before, shown, hiddenByFilter, shownAgain, own: a.querySelectorAll("mark[data-rw~=hit]:not(#pasted)").length };
    });
    assert.deepEqual([seen.shown, seen.hiddenByFilter, seen.shownAgain], [true, true, true], "the pasted data-rw-hidden paragraph shows unless the filter hides it");
    const search = page.locator("#o1").getByRole("searchbox");
    const status = page.locator("#o1").getByRole("status");
    for (let k = 1; k <= seen.own + 1; k++) {
      await search.press("Enter");
      await until(() => status.textContent(), new RegExp(`第 ${((k - 1) % seen.own) + 1} / ${seen.own} 处`), { message: "only the widget's own hits are stepped through" });
    }
    const after = await page.evaluate(() => {
      const pasted = document.querySelector("#pasted").getAttribute("data-rw");
      w.destroy();
      return { pasted, html: document.querySelector("#a1").innerHTML };
    });
    assert.equal(after.pasted, "hit", "the page's own mark is never made current");
    assert.equal(after.html, seen.before, "given back byte for byte");
    await assertClean(page);
    await page.close();
  });

  test("20.6a. destroy() from a page listener on the focus a closing sheet moves: the page is given back whole", async () => {
    const page = await lab();
    const before = await page.evaluate(() => {
      const html = document.querySelector("#a3").innerHTML;
      window.w = rw.mount({ outline: "#o1", article: "#a3", hash: false, layout: "compact" });
      // A page script listening inside the open shadow root (a toolbar, analytics): the focus
      // leaving the sheet as it closes — synchronously, inside the widget's own handling.
      document.querySelector("#o1").shadowRoot.querySelector("dialog").addEventListener("focusout", () => {
        if (!window.__destroyOnFocus) return;
        window.__destroyOnFocus = false;
        try {
          w.destroy();
          // Inside the widget's own event the page cannot be given back yet: it is, once the event is over.
          window.__destroyed = document.querySelector("#a3").hasAttribute("data-rw-article") ? "inside" : "at once";
        } catch (e) { window.__destroyed = e.message; }
      }, true);
      return html;
    });
    await page.locator("#o1").getByRole("button", { name: /^提纲 · \d+ 节$/ }).click();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await until(() => sheet.isVisible(), true, { message: "the sheet opens" });
    await sheet.getByRole("treeitem").nth(1).focus();
    await page.evaluate(() => { window.__destroyOnFocus = true; });
    await page.keyboard.press("Enter"); // goes to the section: the sheet closes, focus moves, the page's listener destroys
    await until(() => page.evaluate(() => window.__destroyed), "inside", { message: "destroy() was called inside the widget's own event" });
    const after = await until(() => page.evaluate((html) => ({
      same: document.querySelector("#a3").innerHTML === html,
      mounted: document.querySelectorAll("[data-reply-widget-mounted]").length,
      outline: [...document.querySelector("#o1").shadowRoot.children].map((e) => e.localName),
    }), before), (v) => v.same, { message: "the article given back" });
    assert.deepEqual(after, { same: true, mounted: 0, outline: ["slot"] });
    // And a new mount works.
    assert.ok(await page.evaluate(() => { const w2 = rw.mount({ outline: "#o1", article: "#a3", hash: false }); const n = w2.visibleFigures().length; w2.destroy(); return n; }) > 0);
    await assertClean(page);
    await page.close();
  });

  test("20.6b. refresh() keeps a query given to filter() on a mount without a searchbox, and the reader's facets", async () => {
    const page = await lab();
    const seen = await page.evaluate(() => {
      const bare = rw.mount({ article: "#a3", hash: false });
      bare.filter("亿元");
      const bareBefore = bare.visibleFigures();
      bare.refresh();
      const bareAfter = bare.visibleFigures();
      const marks = document.querySelectorAll("#a3 mark[data-rw~=hit]").length;
      bare.destroy();
      const w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a3", hash: false });
      const box = document.querySelector("#f1").shadowRoot.querySelector("input[data-facet='0']");
      box.click(); // the reader turns the first kind off
      const facetBefore = w.visibleFigures();
      w.refresh();
      const facetAfter = w.visibleFigures();
      const still = document.querySelector("#f1").shadowRoot.querySelector("input[data-facet='0']").checked;
      w.destroy();
      return { bareBefore, bareAfter, marks, facetBefore, facetAfter, still };
    });
    assert.ok(seen.bareBefore.length > 0);
    assert.deepEqual(seen.bareAfter, seen.bareBefore, "the query survives refresh()");
    assert.ok(seen.marks > 0, "and is marked again");
    assert.deepEqual(seen.facetAfter, seen.facetBefore, "the facets survive refresh()");
    assert.equal(seen.still, false, "the checkbox stays off");
    await assertClean(page);
    await page.close();
  });

  test("20.7. typing >=100亿元 key by key never empties the panel: an unreadable step keeps the figures and says why", async () => {
    const page = await lab();
    await page.evaluate(() => { window.w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply: rw.bundledReply(), hash: false }); });
    const search = page.locator("#o1").getByRole("searchbox");
    const status = page.locator("#o1").getByRole("status");
    await search.focus();
    const all = await page.evaluate(() => w.visibleFigures().length);
    for (const [key, figures, said] of [[">", all, /还缺数值.*仍显示 48 项数据/], ["=", all, /还缺数值/], ["1", null, /个章节/], ["0", null, /个章节/], ["0", null, /个章节/], ["亿", 4, /4 项数据/], ["元", 4, /4 项数据/]]) {
      await page.keyboard.type(key);
      await until(() => status.textContent(), said, { message: `status after ${await search.inputValue()}` });
      if (figures !== null) await until(() => page.evaluate(() => w.visibleFigures().length), figures, { message: `figures after ${key}` });
    }
    await search.fill(">5栋楼");
    await until(() => status.textContent(), /无法理解.*仍显示 48 项数据/);
    assert.equal(await page.evaluate(() => w.visibleFigures().length), all, "the panel keeps its figures");
    assert.equal(await page.locator("#f1").getByRole("listitem").count() > 0, true);
    await page.evaluate(() => w.destroy());
    await assertClean(page);
    await page.close();
  });

  test("8. the demo server answers a malformed URL with 400 and keeps serving", async () => {
    const bad = await fetch(`${env.server.origin}/%E0%A4%A`);
    assert.equal(bad.status, 400);
    const good = await fetch(`${env.server.origin}/www/`);
    assert.equal(good.status, 200);
  });
});
