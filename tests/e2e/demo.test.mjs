// The demo page driven as a reader would, through ARIA roles only, in real Chromium under the
// strict CSP the test server sends.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { assertClean, out, ready, settled, until, useBrowser, watchedPage } from "./harness.mjs";

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

/** The page's hash, as the page has it (page.url() learns of a change only later). */
const hash = (page) => page.evaluate(() => location.hash);

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
    await until(() => page.getByRole("tree", { name: "提纲" }).getByRole("treeitem").count(), 18, { message: "outline nodes" });
    await page.close();
  });

  test("shows the bundled reply: 18 outline nodes, 48 figures each linked to its sentence", async () => {
    const page = await open();
    const tree = page.getByRole("tree", { name: "提纲" });
    await until(() => tree.getByRole("treeitem").count(), 18, { message: "outline nodes" });
    const panel = page.getByRole("region", { name: "数据一览" });
    const items = panel.getByRole("listitem");
    await until(() => items.count(), 38, { message: "figures listed before 时间 is opened" });
    const time = panel.getByRole("button", { name: /^时间/ });
    await time.click(); // open the collapsed 时间 group
    await until(() => time.getAttribute("aria-expanded"), "true", { message: "时间 open" });
    await until(() => items.count(), 48, { message: "figures listed once 时间 is open" });
    for (let i = 0; i < 48; i++) {
      const button = items.nth(i).getByRole("button");
      const value = await button.locator(".rw-val").textContent();
      await button.click();
      await until(() => selectedText(page), value, { message: `figure ${i + 1} marks ${value} in its sentence` });
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
    await until(() => item.getAttribute("aria-current"), "location", { message: "the chosen section is current" });
    await until(() => inViewport(block(page, "(一)发挥政府产业基金引导作用")), true, { message: "the section's heading is in view" });
    await until(() => hash(page), "#s2-1");
    await assertClean(page);
    await page.close();
  });

  test("keyboard: Tab into the tree, arrows, End, Home, Enter moves the article", async () => {
    const page = await open();
    const searchbox = page.getByRole("searchbox");
    await searchbox.focus();
    const focusedName = () => page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.getAttribute("role") + ":" + a?.textContent.slice(0, 12);
    });
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab"); // ↑ ↓ buttons, then the tree
    await until(focusedName, /^treeitem:/);
    await page.keyboard.press("ArrowDown");
    await until(focusedName, /立足产业需求/);
    await page.keyboard.press("End");
    await until(focusedName, /结束语/);
    await page.keyboard.press("Home");
    await until(focusedName, /^treeitem:/);
    await page.keyboard.press("ArrowDown");
    await until(focusedName, /立足产业需求/);
    const first = page.getByRole("treeitem", { name: /立足产业需求/ });
    await page.keyboard.press("ArrowLeft");
    await until(() => first.getAttribute("aria-expanded"), "false");
    await page.keyboard.press("ArrowRight");
    await until(() => first.getAttribute("aria-expanded"), "true");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowDown"); // 一 (一)(二)(三) 二 (一)
    await until(focusedName, /发挥政府产业基金/);
    await page.keyboard.press("Enter");
    await settled(page);
    await until(focusedName, /^null:\(一\)发挥政府产业基金/, { message: "focus moved to the section heading in the article" });
    await until(() => inViewport(block(page, "(一)发挥政府产业基金引导作用")), true, { message: "the section's heading is in view" });
    await assertClean(page);
    await page.close();
  });

  test("a figure click marks it in the article, in view", async () => {
    const page = await open();
    await page.getByRole("button", { name: /^1415亿元\s*，/ }).click();
    await settled(page);
    const mark = page.getByRole("article").locator("mark[data-rw~=selected]");
    await until(() => mark.textContent(), "1415亿元");
    await until(() => inViewport(mark), true, { message: "the mark is in view" });
    await until(() => hash(page), "#f15");
    await assertClean(page);
    await page.close();
  });

  test("typing a query narrows the outline, announces counts and marks matches", async () => {
    const page = await open();
    const searchbox = page.getByRole("searchbox");
    await searchbox.pressSequentially("科技金融", { delay: 30 });
    const status = page.getByRole("status");
    await until(() => searchbox.inputValue(), "科技金融");
    await until(() => status.textContent(), /个章节、\d+ 项数据/);
    await until(() => page.getByRole("treeitem").count(), (n) => n > 0 && n < 18, { message: "the outline narrowed" });
    const marks = page.getByRole("article").locator("mark[data-rw~=hit]");
    await until(() => marks.count(), (n) => n >= 5, { message: "matches marked" });
    assert.equal(await marks.first().textContent(), "科技金融");
    await page.keyboard.press("Enter");
    await until(() => status.textContent(), /第 1 \/ \d+ 处/);
    await page.keyboard.press("Escape");
    await until(() => page.getByRole("treeitem").count(), 18, { message: "Escape shows the whole outline" });
    await until(() => marks.count(), 0, { message: "Escape takes the marks away" });
    await searchbox.fill(">=100亿元");
    await until(() => page.getByRole("region", { name: "数据一览" }).getByRole("listitem").count(), 4);
    await page.screenshot({ path: join(out, "demo-filtered.png") });
    await assertClean(page);
    await page.close();
  });

  test("deep links select on load", async () => {
    let page = await open("#f13");
    const mark = page.getByRole("article").locator("mark[data-rw~=selected]");
    await until(() => mark.textContent(), "361亿元");
    await settled(page);
    await until(() => inViewport(mark), true, { message: "the mark is in view" });
    await assertClean(page);
    await page.close();
    page = await open("#s3-1");
    await until(() => page.getByRole("treeitem", { name: /新型研发机构建设成效显现/ }).getAttribute("aria-current"), "location");
    await assertClean(page);
    await page.close();
  });

  test("scrolling the article marks the section in view", async () => {
    const page = await open();
    await block(page, "(三)落实市场准入负面清单制度").scrollIntoViewIfNeeded();
    await block(page, "(四)开展投融资对接活动").evaluate((p) => p.scrollIntoView({ block: "start" }));
    await settled(page);
    await until(() => page.getByRole("treeitem", { name: /开展投融资对接活动/ }).getAttribute("aria-current"), "location", { message: "the section in view is current" });
    await assertClean(page);
    await page.close();
  });
});
