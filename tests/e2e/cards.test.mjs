// A figure's card on a reply page with data-index (issue 22, "the card's cross-reply lookup
// loads with the card"): the card of a figure that measures an indicator lists the indicator's
// values in other replies of the archive — value, month, 目标/成果 — each linking to the figure
// in its reply's page; the library module is fetched with the first such card, not with the
// page. Without data-index the card is as before; an index that cannot be read is one quiet
// line. The demo reply page (www/index.html, indexed with the demo's archive by www/column.mjs).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, axeViolations, ready, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** The demo reply page on a phone; `edit` rewrites its HTML (the page's own markup). */
async function open(edit = null) {
  const page = await watchedPage(env.browser, env.server.origin, PHONE);
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  if (edit) {
    await page.route("**/www/", async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: edit(await res.text()) });
    });
  }
  await page.goto(`${env.server.origin}/www/`);
  await ready(page);
  return { page, asked };
}

/** Taps a figure of the article and gives its card. */
async function tap(page, text) {
  const figure = page.locator("#reply-article [data-rw=figure]", { hasText: text }).first();
  await figure.scrollIntoViewIfNeeded();
  await figure.tap();
  const card = page.getByRole("dialog", { name: text });
  await until(() => card.isVisible(), true, { message: `the card of ${text}` });
  return card;
}

const others = (card) => card.getByRole("region", { name: "同一指标在其他答复中" });

/** Waits until the figures know their indicators: the page module's second part (pkg/extras/,
 *  issue 21) arrives after the mount, and a card opened before it has no indicator to ask. */
async function annotated(page) {
  await until(() => page.evaluate(() => performance.getEntriesByType("resource")
    .some((r) => /\/extras\/reply_extras_bg\.wasm/.test(r.name) && r.responseEnd > 0)), true, { message: "the extras module" });
}

/** Taps a figure until its card lists other replies (the first tap may precede the extras). */
async function tapListed(page, text) {
  await annotated(page);
  for (let i = 0; ; i++) {
    const card = await tap(page, text);
    try {
      await until(() => others(card).count(), 1, { timeout: 2000, message: "the list region" });
      return card;
    } catch (e) {
      if (i >= 5) throw e;
      await card.getByRole("button", { name: "关闭" }).tap();
      await until(() => card.isVisible(), false);
    }
  }
}
const library = (asked) => asked.filter((p) => p.includes("/pkg/library/"));

describe("a figure's card: the indicator in other replies", () => {
  test("5家 (中试平台): other replies' values, each a working link to the figure in its reply", async () => {
    const { page, asked } = await open();
    assert.deepEqual(library(asked), [], "the page does not load the library module");
    await annotated(page);
    assert.deepEqual(library(asked), [], "nor with its second part");
    const card = await tapListed(page, "5家");
    await until(() => others(card).getByRole("listitem").count(), (n) => n >= 1 && n <= 8, { message: "values listed" });
    assert.match(await others(card).textContent(), /同一指标在其他答复中：中试平台/);
    assert.ok(library(asked).length > 0, "loaded with the card");
    const items = await others(card).getByRole("listitem").evaluateAll((lis) => lis.map((li) => ({
      value: li.querySelector(".rw-val").textContent,
      text: li.textContent,
      href: li.querySelector("a")?.href ?? "",
    })));
    for (const it of items) {
      // The same kind and unit as 5家: a count of 家; a month; the reply's page at the figure.
      assert.match(it.value, /\d家/, it.text);
      assert.match(it.text, /家\S* \d{4}(-\d{2})? (· (成果|目标( · \d{4}年)?) )?\S/, it.text);
      assert.match(it.href, /\/www\/(archive\/r\d{5}|cms)\.html#f\d+$/, it.text);
      assert.ok(!it.href.includes("/www/index.html"), "the page's own reply is not listed");
    }
    // Newest reply first, not the page's own: the list is the archive's, not this reply's.
    const pages = items.map((it) => it.href.replace(/#.*/, ""));
    assert.equal(new Set(pages).size >= 1, true);
    assert.deepEqual(await axeViolations(page), [], "axe with the list open");
    await assertClean(page);

    // The link goes to the figure: the reply page there selects it.
    const first = items[0];
    await others(card).getByRole("link").first().tap();
    await page.waitForURL(first.href);
    await ready(page);
    await until(() => page.locator("mark[data-rw~=selected]").first().textContent(), first.value, { message: "the figure selected in its reply" });
    await assertClean(page);
    await page.close();
  });

  test("a second card reuses the index: no manifest fetched twice", async () => {
    const { page, asked } = await open();
    let card = await tapListed(page, "5家");
    await until(() => others(card).getByRole("listitem").count(), (n) => n >= 1);
    await card.getByRole("button", { name: "关闭" }).tap();
    card = await tapListed(page, "198家");
    await until(() => others(card).getByRole("listitem").count(), (n) => n >= 1);
    assert.equal(asked.filter((p) => p.endsWith("/archive/library/manifest.json")).length, 1, asked.join(" "));
    assert.equal(asked.filter((p) => p.includes("/archive/library/indicators/")).length, 1, "one indicator file for both");
    await assertClean(page);
    await page.close();
  });

  test("without data-index the card is as before, and nothing of the archive is fetched", async () => {
    const { page, asked } = await open((html) => html.replace(' data-index="archive/library/"', ""));
    await annotated(page);
    await page.waitForTimeout(300);
    const card = await tap(page, "5家");
    assert.match(await card.textContent(), /复制引用/);
    await page.waitForTimeout(300);
    assert.equal(await others(card).count(), 0, "no list");
    assert.equal(await card.locator(".rw-card-more").textContent(), "", "its block stays empty");
    assert.deepEqual(library(asked), []);
    assert.deepEqual(asked.filter((p) => p.includes("/archive/library/")), []);
    await assertClean(page);
    await page.close();
  });

  test("an index that cannot be read is one quiet line, and the card still works", async () => {
    const { page } = await open();
    await page.route("**/archive/library/manifest.json", (r) => r.fulfill({ status: 404, body: "not found" }));
    const card = await tapListed(page, "5家");
    await until(() => others(card).locator(".rw-others-note").textContent(), /暂无法载入/, { message: "the quiet line" });
    assert.equal(await others(card).getByRole("listitem").count(), 0);
    await card.getByRole("button", { name: "关闭" }).tap();
    await until(() => card.isVisible(), false);
    await assertClean(page, (line) => !/404|Failed to load resource/.test(line));
    await page.close();
  });
});
