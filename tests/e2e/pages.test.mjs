// Every reply page of the site: the widget reads the reply each CMS page already shows
// (tests/fixtures/pages/, written for the tests in the markup styles Chinese government CMSs
// publish), under the strict policy, and gives the article back byte for byte.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, embedDone, repo, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();
const dir = join(repo, "tests", "fixtures", "pages");
const pages = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();

/** The command line's reading of a page, as JSON. */
function cli(file, article) {
  const args = ["run", "--quiet", "--release", "--bin", "reply-widget", "--", "parse", join(dir, file), "--article", article];
  return JSON.parse(execFileSync("cargo", args, { cwd: repo, encoding: "utf8", maxBuffer: 64 << 20 }));
}

describe("reply pages as CMSs publish them", () => {
  test(`there are at least 10 (${pages.length})`, () => assert.ok(pages.length >= 10));

  for (const file of pages) {
    const expect = JSON.parse(readFileSync(join(dir, file.replace(/\.html$/, ".json")), "utf8"));
    test(`${file}: ${expect.about.slice(0, 60)}`, async () => {
      const page = await watchedPage(env.browser, env.server.origin);
      await page.goto(`${env.server.origin}/tests/fixtures/pages/${file}`);
      const seen = await page.evaluate(async (expect) => {
        const rw = await import("/pkg/reply_widget.js");
        await rw.default();
        const article = document.querySelector(expect.article);
        const before = article.innerHTML;
        const styled = article.querySelectorAll("[style]").length;
        const hosts = ["outline", "figures"].map((k) => {
          const h = document.createElement("div");
          h.id = `t-${k}`;
          document.body.append(h);
          return h;
        });
        const reply = rw.parseArticle(article);
        const w = rw.mount({ outline: hosts[0], figures: hosts[1], article, hash: false, layout: "wide" });
        const out = {
          read: JSON.parse(JSON.stringify(reply)),
          items: [...hosts[0].shadowRoot.querySelectorAll("[role=treeitem]")].map((i) => i.querySelector(".rw-title").textContent),
          figureItems: w.visibleFigures().length,
        };
        // A filter: its matches marked in the page's own text.
        w.filter(expect.filter.query);
        const hits = [...article.querySelectorAll("mark[data-rw~=hit]")].map((m) => m.textContent).join("");
        out.hits = hits.split(expect.filter.query).length - 1;
        out.hidden = article.querySelectorAll("[data-rw-hidden]").length;
        w.filter("");
        // The figure split across elements: one figure, marked in each of its pieces.
        if (expect.across) {
          const f = reply.figures.find((f) => f.text === expect.across);
          w.select(f.id);
          const marks = [...article.querySelectorAll("mark[data-rw~=selected]")];
          out.across = { marks: marks.length, text: marks.map((m) => m.textContent).join("") };
        }
        // What is not text stays in place and visible.
        out.keep = expect.keep.map((s) => {
          const e = article.querySelector(s);
          return e ? e.checkVisibility() : "missing";
        });
        out.styledDuring = article.querySelectorAll("[style]").length;
        w.destroy();
        hosts.forEach((h) => h.remove());
        out.same = article.innerHTML === before;
        out.styled = styled;
        return out;
      }, expect);
      const r = seen.read;
      assert.equal(r.title, expect.title, "title");
      assert.equal(r.published, expect.published, "published");
      const sections = [];
      const walk = (list, depth) => list.forEach((s) => { if (s.number) sections.push([depth, s.number, s.title]); walk(s.children, depth + 1); });
      walk(r.sections, 1);
      assert.deepEqual(sections, expect.outline, "outline");
      assert.deepEqual(seen.items.filter((t) => expect.outline.some((o) => o[2] === t)), expect.outline.map((o) => o[2]), "the tree shows every heading");
      assert.deepEqual(r.figures.map((f) => [f.text, f.kind]), expect.figures, "figures");
      assert.equal(seen.figureItems, expect.figures.length, "the panel lists them all");
      assert.equal(seen.hits, expect.filter.marks, `${expect.filter.query} marked as often as it occurs`);
      if (expect.across) assert.ok(seen.across.marks >= 2 && seen.across.text === expect.across, JSON.stringify(seen.across));
      assert.deepEqual(seen.keep, expect.keep.map(() => true), "tables, images, links stay");
      assert.equal(seen.styledDuring, seen.styled, "no style attribute written on the page's elements");
      assert.ok(seen.same, "destroy() gives the article back byte for byte");
      // The command line reads the saved page the same way.
      assert.deepEqual(cli(file, expect.article), r, "reply-widget parse gives the browser's JSON");
      // The pages' own pictures and styles are not in the fixtures (their 404s are the page's).
      await assertClean(page, (message) => !message.startsWith("Failed to load resource"));
      await page.close();
    });
  }

  test("while the widget runs, the page's own scripts, in-page find, copy, print and assistive tech still reach the article", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/fixtures/pages/ucap-content.html`);
    const seen = await page.evaluate(async () => {
      const article = document.querySelector("#UCAP-CONTENT");
      // What a page script and a 无障碍 toolbar hold before the widget comes: element references,
      // a listener on the attachment link, the text they read aloud.
      const link = article.querySelector("a[href$='.pdf']");
      const img = article.querySelector("img");
      let clicks = 0;
      link.addEventListener("click", (e) => { e.preventDefault(); clicks++; });
      const paragraph = [...article.querySelectorAll("p")].find((p) => p.textContent.includes("18.6万个"));
      const before = { text: article.innerText, paragraph: paragraph.innerText };

      const rw = await import("/pkg/reply_widget.js");
      await rw.default();
      const hosts = ["outline", "figures"].map(() => document.body.appendChild(document.createElement("div")));
      const w = rw.mount({ outline: hosts[0], figures: hosts[1], article, hash: false });
      w.select(rw.parseArticle(article).figures.find((f) => f.text === "18.6万个").id);
      w.filter("充电");
      const marked = article.querySelectorAll("mark").length;
      const out = { marked };
      out.sameNodes = link.isConnected && img.isConnected && article.contains(link) && article.contains(paragraph);
      link.click();
      out.clicks = clicks;
      // Ctrl+F: a phrase that runs from the page's text into a mark and out again.
      getSelection().removeAllRanges();
      const phrase = paragraph.textContent.slice(paragraph.textContent.indexOf("18.6万个") - 3, paragraph.textContent.indexOf("18.6万个") + 9);
      out.found = window.find(phrase, true, false, true);
      out.foundText = getSelection().toString();
      // Copy: selecting the paragraph gives its text, nothing added by the marks.
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      out.copied = getSelection().toString();
      getSelection().removeAllRanges();
      out.paragraph = before.paragraph;
      w.filter("");
      out.sameText = article.innerText === before.text;
      out.phrase = phrase;
      window.__rwTest = { w, hosts };
      return out;
    });
    assert.ok(seen.marked > 0, "the filter and the selection are marked in the article");
    assert.ok(seen.sameNodes, "the page's own elements stay the same nodes");
    assert.equal(seen.clicks, 1, "the page's listener on the attachment link still runs");
    assert.ok(seen.found, `in-page find finds ${seen.phrase} across the mark`);
    assert.equal(seen.foundText, seen.phrase);
    assert.equal(seen.copied.trim(), seen.paragraph.trim(), "a copied paragraph is the page's text");
    assert.ok(seen.sameText, "a toolbar reading the article aloud reads the same text");
    // Assistive tech: the attachment, the picture and the selected figure, by role and name.
    const article = page.locator("#UCAP-CONTENT");
    assert.equal(await article.getByRole("link", { name: /附件1：老旧小区同步建设充电设施小区名单/ }).count(), 1);
    assert.equal(await article.getByRole("img", { name: "江宁区某居民小区的集中充电车棚" }).count(), 1);
    // Print: the article and its selected figure are printed.
    await page.emulateMedia({ media: "print" });
    await until(() => article.isVisible(), true, { message: "the article is printed" });
    await until(() => article.locator("mark[data-rw~=selected]").first().isVisible(), true, { message: "its selected figure is printed" });
    await page.emulateMedia({ media: "screen" });
    await page.evaluate(() => window.__rwTest.w.destroy());
    await assertClean(page, (message) => !message.startsWith("Failed to load resource"));
    await page.close();
  });

  test("one line in a template: the embed script finds the article and puts a compact bar before it", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    // The webmaster's one line, added to the CMS's template (the fixture has no script).
    await page.route("**/tests/fixtures/pages/trs-editor-word.html", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</head>", '<script type="module" src="/pkg/embed.js"></script></head>');
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.server.origin}/tests/fixtures/pages/trs-editor-word.html`);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    const box = page.locator("[data-reply-widget-page]");
    assert.equal(await box.count(), 1, "one box, before the article");
    // The box (the compact outline and figures), then the bar, then the page's article.
    assert.deepEqual(await page.evaluate(() => {
      const box = document.querySelector("[data-reply-widget-page]");
      return [box.nextElementSibling.hasAttribute("data-reply-widget-bar"), box.nextElementSibling.nextElementSibling.classList.contains("TRS_Editor")];
    }), [true, true]);
    await page.getByRole("button", { name: /^提纲 · 7 节$/ }).click();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await until(() => sheet.isVisible(), true, { message: "the outline's sheet opens" });
    await sheet.getByRole("treeitem", { name: /降低企业融资成本/ }).click();
    await until(() => sheet.isVisible(), false, { message: "choosing a section closes the sheet" });
    await page.getByRole("button", { name: /^数据 · 26 项$/ }).click();
    const figures = page.getByRole("dialog", { name: "数据一览" });
    await until(() => figures.isVisible(), true, { message: "the figures' sheet opens" });
    // Every figure but the 7 of 时间, which starts collapsed.
    await until(() => figures.getByRole("listitem").count(), 19, { message: "figures listed" });
    await page.keyboard.press("Escape");
    await until(() => figures.isVisible(), false, { message: "Escape closes the sheet" });
    await page.evaluate(() => window.__rwReady.widget.destroy());
    await until(() => box.count(), 0, { message: "destroy() takes the box away" });
    await assertClean(page, (message) => !message.startsWith("Failed to load resource"));
    await page.close();
  });

  test("one line on a page whose article is in no known container: the block with the running text is read, and a console line names it", async () => {
    // tests/fixtures/find/: a short reply in div#content.detil-new-cont between a navigation bar,
    // related links and a footer holding more text than the article (addresses, 备案号).
    const file = "tests/fixtures/find/detil-new-cont.html";
    const page = await watchedPage(env.browser, env.server.origin);
    const infos = [];
    page.on("console", (m) => m.type() === "info" && infos.push(m.text()));
    await page.route(`**/${file}`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace("</head>", '<script type="module" src="/pkg/embed.js"></script></head>');
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.server.origin}/${file}`);
    const before = await page.evaluate(() => document.querySelector("#content").innerHTML);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    await until(() => infos.length, 1, { message: "one console line" });
    assert.match(infos[0], /reading div#content\.detil-new-cont\b/);
    assert.match(infos[0], /data-article=/);
    // The bar stands just before the article, and what the widget reads is the article alone:
    // the figures the command line reads from it, none of the footer's numbers.
    const reply = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "reply-widget", "--", "parse", join(repo, file), "--article", "#content"], { cwd: repo, encoding: "utf8" }));
    assert.ok(reply.figures.length > 0);
    const seen = await page.evaluate(() => {
      const box = document.querySelector("[data-reply-widget-page]");
      return {
        before: box.nextElementSibling.nextElementSibling.id,
        figures: window.__rwReady.widget.visibleFigures().length,
        outside: [...document.querySelectorAll("mark")].filter((m) => !document.querySelector("#content").contains(m)).length,
      };
    });
    assert.deepEqual(seen, { before: "content", figures: reply.figures.length, outside: 0 });
    await page.evaluate(() => window.__rwReady.widget.destroy());
    assert.equal(await page.evaluate(() => document.querySelector("#content").innerHTML), before, "destroy() gives the article back");
    await assertClean(page, (message) => !message.startsWith("Failed to load resource"));
    await page.close();
  });

  test("a page with no article and none marked is left as it is, with one console line", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    const warnings = [];
    page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
    await page.route("**/tests/pages/noarticle.html", (route) => route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>栏目首页</title><script type="module" src="/pkg/embed.js"></script></head><body><ul><li>通知一</li></ul></body></html>',
    }));
    const wasm = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await page.goto(`${env.server.origin}/tests/pages/noarticle.html`);
    assert.equal((await embedDone(page)).error, "no article");
    await until(() => warnings.length, 1, { message: "one warning" });
    assert.match(warnings[0], /data-reply-widget="article"|data-article/);
    assert.deepEqual(wasm, [], "no WebAssembly is loaded for a page without an article");
    await page.close();
  });

  test("an article the CMS fills after the embed script ran is waited for", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.route("**/tests/pages/late.html", (route) => route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>答复</title>
        <script type="module" src="/pkg/embed.js"></script></head><body><div class="TRS_Editor"></div>
        <script>setTimeout(() => { document.querySelector(".TRS_Editor").innerHTML =
          "<p>关于加快发展数字经济的提案的答复</p><p>一、基础设施</p><p>建成基站3.2万个，投资120亿元。</p><p>二、产业</p><p>新增企业86家，增长12.5%。</p>"; }, 600);</script></body></html>`,
    }));
    await page.goto(`${env.server.origin}/tests/pages/late.html`);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    await until(() => page.evaluate(() => window.__rwReady.widget.visibleFigures().length), 4, { message: "the late article's figures" });
    await page.close();
  });

  test("refresh() reads the article again after the page changed it", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/pages/lab.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    const seen = await page.evaluate(() => {
      const w = rw.mount({ outline: "#o1", article: "#a3", hash: false });
      const items = () => document.querySelector("#o1").shadowRoot.querySelectorAll("[role=treeitem]").length;
      const before = { items: items(), figures: w.visibleFigures().length };
      w.filter("数字");
      // The page's own script adds a section while the widget runs (its marks are in the text).
      const a3 = document.querySelector("#a3");
      const closing = [...a3.querySelectorAll("p")].find((p) => p.textContent.includes("感谢"));
      closing.insertAdjacentHTML("beforebegin", "<p><strong>三、人才</strong></p><p>引进数字人才500名。</p>");
      w.refresh();
      const after = { items: items(), figures: w.visibleFigures().length, query: document.querySelector("#o1").shadowRoot.querySelector("[role=searchbox]").value };
      const changed = a3.innerHTML;
      w.destroy();
      return { before, after, restored: !a3.innerHTML.includes("data-rw") && a3.innerHTML.includes("三、人才") };
    });
    assert.equal(seen.after.items, seen.before.items + 1, "the new section is in the outline");
    assert.equal(seen.after.query, "数字", "the query is kept");
    assert.ok(seen.restored, "destroy gives back the page's changed article, without the widget's marks");
    await assertClean(page);
    await page.close();
  });

  test("pages that are not replies: 3,000 figures, no headings, one long paragraph; nothing throws", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/pages/lab.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    const seen = await page.evaluate(() => {
      const article = document.querySelector("#a1");
      const rows = [];
      for (let i = 1; i <= 1000; i++) rows.push(`<tr><td>项目${i}</td><td>${i}.5亿元</td><td>${i % 90}%</td><td>${i}家</td></tr>`);
      article.innerHTML = `<h1>全市重点项目统计表</h1><table>${rows.join("")}</table>`;
      const before = article.innerHTML;
      const w = rw.mount({ figures: "#f1", article, hash: false, layout: "wide" });
      const out = { figures: w.visibleFigures().length };
      w.filter(">=500亿元");
      out.big = w.visibleFigures().length;
      out.more = document.querySelector("#f1").shadowRoot.querySelectorAll("[data-action=more]:not([hidden])").length;
      w.filter("");
      w.destroy();
      out.same = article.innerHTML === before;
      // Text with no line structure at all, and markup that is not a reply.
      article.innerHTML = "<div>" + "科技金融投入361亿元，增长28.34%。".repeat(30000) + "</div><script>1</script><svg><text>1亿元</text></svg>";
      const w2 = rw.mount({ article, hash: false });
      out.long = w2.visibleFigures().length;
      w2.destroy();
      return out;
    });
    // 501 money figures of at least 500亿: 100 shown and a 显示更多 for the rest.
    assert.deepEqual(seen, { figures: 3000, big: 501, more: 1, same: true, long: 60000 });
    await assertClean(page);
    await page.close();
  });
});
