// Phones first: mobile-emulated Chromium (touch, 375×667 and 320×568), on both demo pages.
// The reply's text in the first screen, the outline one tap away from anywhere, sheets with
// correct focus handling, 44 px targets, no sideways scrolling, tappable figures with a card.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, axeViolations, out, ready, repo, settled, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SMALL = { ...PHONE, viewport: { width: 320, height: 568 } };

async function open(path = "/www/", options = PHONE) {
  const page = await watchedPage(env.browser, env.server.origin, options);
  await page.goto(`${env.server.origin}${path}`);
  await ready(page);
  return page;
}

/** The deepest focused element, through shadow roots, described. */
const focusedIn = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return { tag: a?.tagName, text: (a?.getAttribute("aria-label") || a?.textContent || "").trim().slice(0, 20), inDialog: Boolean(a?.closest("dialog")) };
});

/** Every visible control of the widget (shadow roots and the bar), with its size. */
const targets = (page) => page.evaluate(() => {
  const roots = [...document.querySelectorAll("[data-reply-widget], [data-reply-widget-bar]")].map((h) => h.shadowRoot).filter(Boolean);
  const sel = "button, input:not([type=checkbox]), select, a, [role=treeitem] > .rw-row, .rw-facets label";
  return roots.flatMap((r) => [...r.querySelectorAll(sel)])
    .filter((e) => e.getClientRects().length && e.checkVisibility())
    .map((e) => { const b = e.getBoundingClientRect(); return [Math.round(b.width), Math.round(b.height), (e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 10)]; });
});

/** Whether a sheet (or card) is open: waits for it to be so. */
const shown = (dialog, open = true) => until(() => dialog.isVisible(), open, { message: `dialog ${open ? "open" : "closed"}` });
/** The page's width (more than the viewport's: it scrolls sideways). */
const pageWidth = (page) => page.evaluate(() => document.scrollingElement.scrollWidth);

describe("phones", () => {
  for (const [path, first] of [["/www/", "(一)加强基础研究"], ["/www/cms.html", "您提出的《关于加快建设"]]) {
    test(`${path}: at 375×667 the reply's text is in the first screen`, async () => {
      const page = await open(path);
      await until(() => page.getByRole("button", { name: /^提纲 · \d+ 节$/ }).isVisible(), true, { message: "the outline's summary" });
      await until(() => page.getByRole("button", { name: /^数据 · \d+ 项$/ }).isVisible(), true, { message: "the figures' summary" });
      await until(() => page.getByRole("tree").count(), 0, { message: "the tree waits in its sheet" });
      await until(() => page.getByRole("searchbox").isVisible(), true, { message: "the search field is on the first screen" });
      await until(() => page.locator("[data-reply-widget=article] p", { hasText: first }).first().evaluate((p) => p.getBoundingClientRect().top),
        (top) => top < 667 - 24, { message: "the first paragraph's top, px" });
      await assertClean(page);
      await page.close();
    });
  }

  test("at 375×667 the empty search field shows its whole hint; ↑↓ appear with a query", async () => {
    const page = await open("/www/cms.html");
    const box = page.getByRole("searchbox");
    await until(() => box.isVisible(), true, { message: "the search field" });
    // The hint's own width in the field's font, against the room the field gives it.
    const fit = () => box.evaluate((input) => {
      const cs = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d");
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return { hint: input.placeholder, fits: ctx.measureText(input.placeholder).width <= room };
    });
    const { hint, fits } = await fit();
    assert.match(hint, />=100亿元$/, "the hint shows a value query");
    assert.ok(fits, `the hint ${hint} is cut`);
    const next = page.getByRole("button", { name: "下一处匹配" });
    await until(() => next.isVisible(), false, { message: "↓ waits for a query" });
    await box.fill("科技");
    await until(() => next.isVisible(), true, { message: "↓ with a query" });
    await box.fill("");
    await until(() => next.isVisible(), false, { message: "↓ gone with the query" });
    await assertClean(page);
    await page.close();
  });

  test("the outline opens as a modal sheet: focus moves in, the page is inert, Escape and 关闭 give focus back", async () => {
    const page = await open();
    const summary = page.getByRole("button", { name: "提纲 · 16 节" });
    await summary.tap();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await shown(sheet);
    assert.ok(await sheet.evaluate((d) => d.matches(":modal")), "modal: the rest of the page is inert");
    await until(() => focusedIn(page).then((f) => f.inDialog), true, { message: "focus moved into the sheet" });
    // The page behind does not take taps.
    const behind = await page.evaluate(() => document.elementFromPoint(20, 20)?.closest("dialog, [data-reply-widget]") !== null);
    assert.ok(behind, "a tap at the top lands on the sheet or its backdrop, not the page");
    assert.deepEqual(await axeViolations(page), [], "axe with the outline sheet open");
    await page.keyboard.press("Escape");
    await shown(sheet, false);
    await until(() => focusedIn(page), { tag: "BUTTON", text: "提纲 · 16 节", inDialog: false }, { message: "Escape gives focus back" });
    await summary.tap();
    await shown(sheet);
    await sheet.getByRole("button", { name: "关闭" }).tap();
    await shown(sheet, false);
    await until(() => focusedIn(page).then((f) => f.text), "提纲 · 16 节", { message: "关闭 gives focus back" });
    await assertClean(page);
    await page.close();
  });

  test("choosing a section closes the sheet and brings its heading into view below the bar", async () => {
    const page = await open();
    await page.getByRole("button", { name: "提纲 · 16 节" }).tap();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await sheet.getByRole("treeitem", { name: /发挥政府产业基金引导作用/ }).tap();
    await shown(sheet, false);
    await settled(page);
    // The bar shows once the page has seen the article reach the top (an observer, later).
    await until(() => page.evaluate(() => {
      const p = [...document.querySelectorAll("#reply-article p")].find((e) => e.textContent.startsWith("(一)发挥政府产业基金引导作用"));
      const bar = document.querySelector("[data-reply-widget-bar]").shadowRoot.querySelector(".rw-bar");
      return { top: p.getBoundingClientRect().top, bar: bar.checkVisibility() ? bar.getBoundingClientRect().bottom : 0 };
    }), (where) => where.bar > 0 && where.top >= where.bar - 1 && where.top < 667 / 2,
    { message: "the bar on screen inside the article (bar > 0), the heading below it in the screen's upper half" });
    await until(() => page.evaluate(() => location.hash), "#s2-1");
    await assertClean(page);
    await page.close();
  });

  test("from the article's end the outline and the search are one tap away", async () => {
    const page = await open();
    await page.locator("#reply-article p", { hasText: "下一步,局将锚定" }).scrollIntoViewIfNeeded();
    await settled(page);
    const bar = page.getByRole("navigation", { name: "答复导航" });
    await until(() => bar.isVisible(), true, { message: "the bar shows" });
    await until(() => bar.boundingBox().then((b) => b && b.y), (y) => y >= 0 && y < 10, { message: "the bar is at the top of the screen" });
    await bar.getByRole("button", { name: "查找" }).tap();
    await until(() => focusedIn(page).then((f) => [f.tag, f.inDialog]), ["INPUT", true], { message: "查找 opens the sheet on the searchbox" });
    await page.keyboard.type("基金");
    await until(() => page.getByRole("status").first().textContent(), /个章节、\d+ 项数据/);
    await page.keyboard.press("Escape"); // clears the query
    await until(() => page.getByRole("searchbox").inputValue(), "", { message: "Escape clears the query" });
    await page.keyboard.press("Escape"); // closes the sheet
    await until(() => page.getByRole("dialog").count(), 0, { message: "the second Escape closes the sheet" });
    // The filter hid most of the text meanwhile, and the page scrolled with it: to the end again.
    await page.locator("#reply-article p", { hasText: "下一步,局将锚定" }).scrollIntoViewIfNeeded();
    await settled(page);
    await until(() => bar.isVisible(), true, { message: "the bar shows again" });
    await bar.getByRole("button", { name: /^提纲/ }).tap();
    await shown(page.getByRole("dialog", { name: "提纲" }));
    await assertClean(page);
    await page.close();
  });

  test("every control is at least 44×44 on a touch screen, the sheets' too, in normal and elder mode", async () => {
    const page = await open();
    const small = () => targets(page).then((list) => list.filter(([w, h]) => w < 44 || h < 44));
    await until(small, [], { message: "the summaries: targets under 44 px" });
    for (const [name, sheet] of [["提纲 · 16 节", "提纲"], ["数据 · 48 项", "数据一览"]]) {
      await page.getByRole("button", { name }).tap();
      await shown(page.getByRole("dialog", { name: sheet }));
      await until(small, [], { message: `the ${name} sheet: targets under 44 px` });
      await page.keyboard.press("Escape");
      await shown(page.getByRole("dialog", { name: sheet }), false);
    }
    await page.getByRole("button", { name: "提纲 · 16 节" }).tap();
    await shown(page.getByRole("dialog", { name: "提纲" }));
    await page.getByRole("button", { name: "大字模式" }).tap();
    await until(() => page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true");
    await until(small, [], { message: "elder mode: targets under 44 px" });
    await page.keyboard.press("Escape");
    await page.close();
  });

  test("elder mode and high contrast reach the article on a phone; a screenshot of each", async () => {
    const page = await open();
    await page.screenshot({ path: join(out, "phone-375.png") });
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await page.getByRole("button", { name: "提纲 · 16 节" }).tap();
    await shown(sheet);
    await page.screenshot({ path: join(out, "phone-375-outline.png") });
    await page.getByRole("button", { name: "大字模式" }).tap();
    await until(() => page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true");
    await page.keyboard.press("Escape");
    await shown(sheet, false);
    const paragraph = page.locator("#reply-article p", { hasText: "(一)加强基础研究" });
    await until(() => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize)), (px) => px >= 18, { message: "article text in elder mode, px" });
    await page.screenshot({ path: join(out, "phone-375-elder.png") });
    await page.getByRole("button", { name: "提纲 · 16 节" }).tap();
    await shown(sheet);
    await page.getByRole("button", { name: "高对比度" }).tap();
    await until(() => page.getByRole("button", { name: "高对比度" }).getAttribute("aria-pressed"), "true");
    await page.keyboard.press("Escape");
    await shown(sheet, false);
    await until(() => paragraph.evaluate((p) => [getComputedStyle(p).color, getComputedStyle(p).backgroundColor]), ["rgb(0, 0, 0)", "rgb(255, 255, 255)"], { message: "the article in high contrast" });
    assert.deepEqual(await axeViolations(page), []);
    // The committed copies the README shows.
    for (const f of ["phone-375.png", "phone-375-outline.png", "phone-375-elder.png"]) {
      if (process.env.UPDATE_SCREENSHOTS) copyFileSync(join(out, f), join(repo, "tests", "screenshots", f));
    }
    await page.close();
  });

  for (const elder of [false, true]) {
    test(`no sideways scrolling at 320×568${elder ? " in elder mode" : ""}, the sheet open or not`, async () => {
      const page = await open("/www/", SMALL);
      if (elder) {
        await page.getByRole("button", { name: "提纲 · 16 节" }).tap();
        await shown(page.getByRole("dialog", { name: "提纲" }));
        await page.getByRole("button", { name: "大字模式" }).tap();
        await until(() => page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true");
        await page.keyboard.press("Escape");
        await shown(page.getByRole("dialog", { name: "提纲" }), false);
      }
      await until(() => pageWidth(page), (w) => w <= 320, { message: "the page's width, px" });
      await page.getByRole("button", { name: "数据 · 48 项" }).tap();
      const sheet = page.getByRole("dialog", { name: "数据一览" });
      await shown(sheet);
      await until(() => sheet.evaluate((d) => d.scrollWidth - d.clientWidth), (px) => px <= 0, { message: "the sheet scrolls sideways by (px)" });
      await page.close();
    });
  }

  test("a tapped figure in the text shows its card without leaving the text; axe 0 with it open", async () => {
    const page = await open();
    const figure = page.locator("#reply-article [data-rw=figure]", { hasText: "361亿元" });
    await figure.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    await figure.tap();
    const card = page.getByRole("dialog", { name: "361亿元" });
    await shown(card);
    assert.match(await card.textContent(), /武汉基金累计出资规模.*二\(一\) 发挥政府产业基金引导作用/);
    await until(() => focusedIn(page).then((f) => f.text), "361亿元", { message: "focus on the card" });
    await settled(page);
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - before) < 400, "the text stays where the reader is");
    await until(() => page.locator("#reply-article mark[data-rw~=selected]").textContent(), "361亿元");
    assert.deepEqual(await axeViolations(page), [], "axe with the card open");
    await card.getByRole("button", { name: "关闭" }).tap();
    await shown(card, false);
    await assertClean(page);
    await page.close();
  });

  test("Escape on a tapped figure's card gives focus back to that figure in the text", async () => {
    const page = await open();
    const figure = page.locator("#reply-article [data-rw=figure]", { hasText: "361亿元" });
    await figure.scrollIntoViewIfNeeded();
    await figure.tap();
    const card = page.getByRole("dialog", { name: "361亿元" });
    await shown(card);
    await until(() => focusedIn(page).then((f) => f.text), "361亿元", { message: "focus on the card" });
    await page.keyboard.press("Escape");
    await shown(card, false);
    await until(() => focusedIn(page), { tag: "MARK", text: "361亿元", inDialog: false }, { message: "focus back on the figure, not on <body>" });
    await assertClean(page);
    await page.close();
  });

  test("destroy() with a sheet open leaves focus in the page, not on <body>", async () => {
    const page = await open();
    await page.getByRole("button", { name: /^提纲 · \d+ 节$/ }).tap();
    await shown(page.getByRole("dialog", { name: "提纲" }));
    await until(() => focusedIn(page).then((f) => f.inDialog), true, { message: "focus in the sheet" });
    await page.evaluate(() => window.__rwReady.widget.destroy());
    await until(() => page.evaluate(() => document.querySelectorAll("[data-reply-widget-mounted]").length), 0, { message: "destroyed" });
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return { body: a === document.body || a === null, connected: Boolean(a && a.isConnected) };
    });
    assert.deepEqual(focused, { body: false, connected: true });
    await assertClean(page);
    await page.close();
  });

  test("the CMS-style demo page on a phone: sheet, card, no overflow", async () => {
    const page = await open("/www/cms.html");
    await page.screenshot({ path: join(out, "phone-375-cms.png") });
    await page.getByRole("button", { name: "提纲 · 5 节" }).tap();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await shown(sheet);
    await sheet.getByRole("treeitem", { name: /强化金融服务/ }).tap();
    await shown(sheet, false);
    await settled(page);
    // 6.3亿元 is split across two spans in the page: two pieces, one figure.
    const figure = page.locator("#zoom [data-rw=figure]", { hasText: "6.3" });
    await figure.tap();
    await shown(page.getByRole("dialog", { name: "6.3亿元" }));
    await until(() => pageWidth(page), (w) => w <= 375, { message: "the page's width, px" });
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(join(out, "phone-375-cms.png"), join(repo, "tests", "screenshots", "phone-375-cms.png"));
    await assertClean(page);
    await page.close();
  });
});
