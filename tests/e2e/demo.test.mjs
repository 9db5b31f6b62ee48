// The demo page driven as a reader would, through ARIA roles only, in real Chromium under the
// strict CSP the test server sends.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { assertClean, out, ready, settled, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function open(hash = "") {
  const page = await watchedPage(env.browser, env.server.origin);
  await page.goto(`${env.server.origin}/www/${hash}`);
  await ready(page);
  return page;
}

/** The text of the selected figure's marks in the article (a figure split across elements has
 * more than one). */
const selectedText = (page) => page.evaluate(() =>
  [...document.querySelectorAll("#reply-article mark[data-rw~=selected]")].map((m) => m.textContent).join(""));

/** The article's block holding a text (the demo's subsections are run-in paragraphs). */
const block = (page, text) => page.locator("#reply-article p", { hasText: text });

async function inViewport(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

describe("demo page", () => {
  test("reads its own article: exactly the bundled reply, 18 outline nodes and the same 48 figures", async () => {
    const page = await open();
    const same = await page.evaluate(async () => {
      const rw = await import("/pkg/reply_widget.js");
      await rw.default();
      const read = rw.parseArticle("#reply-article");
      const bundled = rw.bundledReply();
      return { same: JSON.stringify(read) === JSON.stringify(bundled), figures: read.figures.length };
    });
    assert.deepEqual(same, { same: true, figures: 48 });
    assert.equal(await page.getByRole("tree", { name: "提纲" }).getByRole("treeitem").count(), 18);
    await page.close();
  });

  test("shows the bundled reply: 18 outline nodes, 48 figures each linked to its sentence", async () => {
    const page = await open();
    const tree = page.getByRole("tree", { name: "提纲" });
    assert.equal(await tree.getByRole("treeitem").count(), 18);
    const panel = page.getByRole("region", { name: "数据一览" });
    await panel.getByRole("button", { name: /^时间/ }).click(); // open the collapsed 时间 group
    const items = panel.getByRole("listitem");
    assert.equal(await items.count(), 48);
    const article = page.getByRole("article");
    for (let i = 0; i < 48; i++) {
      const button = items.nth(i).getByRole("button");
      const value = await button.locator(".rw-val").textContent();
      await button.click();
      assert.equal(await selectedText(page), value, `figure ${i + 1} marks ${value} in its sentence`);
      assert.equal(await article.locator("mark[data-rw~=selected]").count() > 0, true);
    }
    await panel.getByRole("button", { name: /^361亿元\s*，/ }).click();
    await settled(page);
    await page.screenshot({ path: join(out, "demo.png") });
    await assertClean(page);
    await page.close();
  });

  test("outline navigation moves the article and marks the current section", async () => {
    const page = await open();
    const item = page.getByRole("treeitem", { name: /发挥政府产业基金引导作用/ });
    await item.click();
    await settled(page);
    assert.equal(await item.getAttribute("aria-current"), "location");
    assert.ok(await inViewport(block(page, "(一)发挥政府产业基金引导作用")), "the section's heading is in view");
    assert.equal(new URL(page.url()).hash, "#s2-1");
    await assertClean(page);
    await page.close();
  });

  test("keyboard: Tab into the tree, arrows, End, Home, Enter moves the article", async () => {
    const page = await open();
    const searchbox = page.getByRole("searchbox");
    await searchbox.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab"); // ↑ ↓ buttons, then the tree
    const focusedName = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute("role") + ":" + a?.textContent.slice(0, 12);
    });
    assert.match(await focusedName(), /^treeitem:/);
    await page.keyboard.press("ArrowDown");
    assert.match(await focusedName(), /立足产业需求/);
    await page.keyboard.press("End");
    assert.match(await focusedName(), /结束语/);
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await page.getByRole("treeitem", { name: /立足产业需求/ }).getAttribute("aria-expanded"), "false");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByRole("treeitem", { name: /立足产业需求/ }).getAttribute("aria-expanded"), "true");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown"); // 一 (一)(二)(三) 二 (一)
    await page.keyboard.press("Enter");
    await settled(page);
    assert.match(await focusedName(), /^null:\(一\)发挥政府产业基金/, "focus moved to the section heading in the article");
    assert.ok(await inViewport(block(page, "(一)发挥政府产业基金引导作用")));
    await assertClean(page);
    await page.close();
  });

  test("a figure click marks it in the article, in view", async () => {
    const page = await open();
    await page.getByRole("button", { name: /^1415亿元\s*，/ }).click();
    await settled(page);
    const mark = page.getByRole("article").locator("mark[data-rw~=selected]");
    assert.equal(await mark.textContent(), "1415亿元");
    assert.ok(await inViewport(mark));
    assert.equal(new URL(page.url()).hash, "#f15");
    await assertClean(page);
    await page.close();
  });

  test("typing a query narrows the outline, announces counts and marks matches", async () => {
    const page = await open();
    const searchbox = page.getByRole("searchbox");
    await searchbox.pressSequentially("科技金融", { delay: 30 });
    const status = page.getByRole("status");
    await assert.doesNotReject(status.filter({ hasText: /个章节、\d+ 项数据/ }).waitFor());
    const visible = await page.getByRole("treeitem").count();
    assert.ok(visible > 0 && visible < 18, `outline narrowed to ${visible}`);
    const marks = page.getByRole("article").locator("mark[data-rw~=hit]");
    assert.ok((await marks.count()) >= 5);
    assert.equal(await marks.first().textContent(), "科技金融");
    await page.keyboard.press("Enter");
    assert.match(await status.textContent(), /第 1 \/ \d+ 处/);
    await page.keyboard.press("Escape");
    assert.equal(await page.getByRole("treeitem").count(), 18);
    assert.equal(await marks.count(), 0);
    await searchbox.fill(">=100亿元");
    assert.equal(await page.getByRole("region", { name: "数据一览" }).getByRole("listitem").count(), 4);
    await page.screenshot({ path: join(out, "demo-filtered.png") });
    await assertClean(page);
    await page.close();
  });

  test("deep links select on load", async () => {
    let page = await open("#f13");
    const mark = page.getByRole("article").locator("mark[data-rw~=selected]");
    await mark.waitFor();
    assert.equal(await mark.textContent(), "361亿元");
    await settled(page);
    assert.ok(await inViewport(mark));
    await assertClean(page);
    await page.close();
    page = await open("#s3-1");
    assert.equal(await page.getByRole("treeitem", { name: /新型研发机构建设成效显现/ }).getAttribute("aria-current"), "location");
    await assertClean(page);
    await page.close();
  });

  test("scrolling the article marks the section in view", async () => {
    const page = await open();
    await block(page, "(三)落实市场准入负面清单制度").scrollIntoViewIfNeeded();
    await block(page, "(四)开展投融资对接活动").evaluate((p) => p.scrollIntoView({ block: "start" }));
    await settled(page);
    assert.equal(await page.getByRole("treeitem", { name: /开展投融资对接活动/ }).getAttribute("aria-current"), "location");
    await assertClean(page);
    await page.close();
  });
});
