// Accessibility and 适老化: axe in three modes, keyboard, focus, elder mode sizes, contrast,
// reflow at 320 px, reading aloud (speechSynthesis stubbed), print.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { axeViolations, out, ready, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function open(options = {}) {
  const page = await watchedPage(env.browser, env.server.origin, options);
  await page.goto(`${env.server.origin}/www/`);
  await ready(page);
  return page;
}

async function activeFigure(page) {
  await page.getByRole("searchbox").fill("基金");
  await until(() => page.locator("#reply-article mark[data-rw~=hit]").count(), (n) => n > 0, { message: "基金 marked" });
  await page.getByRole("button", { name: /^361亿元\s*，/ }).click();
  await until(() => page.locator("#reply-article mark[data-rw~=selected]").allTextContents().then((t) => t.join("")), "361亿元", { message: "the figure selected" });
}

/** Presses a mode's toggle button and waits for it to be on. */
async function press(page, name) {
  const button = page.getByRole("button", { name });
  await button.click();
  await until(() => button.getAttribute("aria-pressed"), "true", { message: `${name} on` });
}

/** The deepest focused element, through shadow roots. */
const deepFocus = (page) => page.evaluateHandle(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
});

describe("accessibility", () => {
  for (const mode of ["normal", "elder", "contrast"]) {
    test(`axe: no WCAG 2.2 AA violations in ${mode} mode with a filter and a selected figure`, async () => {
      const page = await open();
      if (mode === "elder") await press(page, "大字模式");
      if (mode === "contrast") await press(page, "高对比度");
      await activeFigure(page);
      assert.deepEqual(await axeViolations(page), []);
      if (mode === "elder") await page.screenshot({ path: join(out, "elder.png") });
      await page.close();
    });
  }

  test("elder mode: 18 px text, 1.5 line height, 44 px targets, remembered", async () => {
    const page = await open();
    const measure = () => page.evaluate(() => {
      const roots = [...document.querySelectorAll("[data-reply-widget]")].map((h) => h.shadowRoot).filter(Boolean);
      const p = document.querySelector("#reply-article p:not(.meta)");
      // A checkbox's target is its whole label (clicking the label toggles it), measured instead.
      const targets = roots.flatMap((r) => [...r.querySelectorAll("button, input:not([type=checkbox]), .rw-row, .rw-facets label, a")])
        .filter((e) => e.getClientRects().length && !e.closest("[hidden]"))
        .map((e) => { const b = e.getBoundingClientRect(); return [Math.round(b.width), Math.round(b.height), e.textContent.slice(0, 8)]; });
      const cs = getComputedStyle(p);
      return { size: parseFloat(cs.fontSize), line: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), targets };
    });
    const normal = await measure();
    assert.ok(normal.size >= 16, `body text ${normal.size}px`);
    assert.ok(normal.line >= 1.5);
    await press(page, "大字模式");
    const elder = await until(measure, (m) => m.size >= 18, { message: "elder text size" });
    assert.ok(elder.line >= 1.5);
    const small = elder.targets.filter(([w, h]) => w < 44 || h < 44);
    assert.deepEqual(small, [], "every target is at least 44×44");
    await page.reload();
    await ready(page);
    await until(() => page.getByRole("button", { name: "大字模式" }).getAttribute("aria-pressed"), "true", { message: "remembered" });
    await until(() => measure().then((m) => m.size), (px) => px >= 18, { message: "elder text size after a reload" });
    await page.close();
  });

  test("high contrast: every text in the widget has at least 7:1", async () => {
    const page = await open();
    await press(page, "高对比度");
    await activeFigure(page);
    const worst = await page.evaluate(() => {
      const lum = (c) => {
        const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => v / 255)
          .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const bg = (el) => {
        for (let e = el; e; e = e.parentElement || e.getRootNode().host) {
          const c = getComputedStyle(e).backgroundColor;
          if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") return c;
        }
        return "rgb(255, 255, 255)";
      };
      const ratios = [];
      for (const host of document.querySelectorAll("[data-reply-widget]")) {
        for (const el of (host.shadowRoot ?? host).querySelectorAll("*")) {
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!own || !el.getClientRects().length || el.closest(".rw-sr")) continue;
          const [a, b] = [lum(getComputedStyle(el).color), lum(bg(el))];
          ratios.push([(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), el.tagName + "." + el.className + ":" + el.textContent.slice(0, 10)]);
        }
      }
      ratios.sort((x, y) => x[0] - y[0]);
      return ratios.slice(0, 3);
    });
    console.log("lowest contrast ratios in high-contrast mode:", JSON.stringify(worst));
    assert.ok(worst[0][0] >= 7, `lowest ${worst[0][0].toFixed(2)}:1 at ${worst[0][1]}`);
    await page.close();
  });

  test("focus is always visible: at least 2 px", async () => {
    const page = await open();
    await page.getByRole("searchbox").focus();
    const widths = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      const el = await deepFocus(page);
      widths.push(await el.evaluate((e) => {
        const target = e.matches("[role=treeitem]") ? e.querySelector(".rw-row") : e;
        const cs = getComputedStyle(target);
        return [e.tagName, parseFloat(cs.outlineWidth), cs.outlineStyle];
      }));
    }
    const focused = widths.filter(([tag]) => tag !== "BODY");
    assert.ok(focused.length >= 6, `Tab reached ${focused.length} widget controls`);
    for (const [tag, w, style] of focused) {
      assert.ok(w >= 2 && style !== "none", `${tag} focus outline ${w}px ${style}`);
    }
    await page.close();
  });

  test("skip link from the outline to the article; arrows in the figure list", async () => {
    const page = await open();
    const skip = page.getByRole("link", { name: "跳到正文" }).last();
    await skip.focus();
    await page.keyboard.press("Enter");
    const focused = (read) => deepFocus(page).then((e) => e.evaluate(read));
    await until(() => focused((e) => e.tagName), "H1", { message: "focus lands on the article's title" });
    const first = page.getByRole("button", { name: /^361亿元\s*，/ });
    await first.focus();
    await page.keyboard.press("ArrowDown");
    await until(() => focused((e) => e.textContent), /^1415亿元\s*，/);
    await page.keyboard.press("End");
    await until(() => focused((e) => e.textContent), (t) => !/^1415亿元/.test(t), { message: "End leaves the second figure" });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Home");
    await until(() => focused((e) => e.textContent), /^361亿元\s*，/);
    await page.close();
  });

  test("reflow: at 320 CSS px nothing scrolls horizontally", async () => {
    const page = await open({ viewport: { width: 320, height: 640 } });
    // At 320 px the outline is a summary; 大字模式 is in its sheet.
    await page.getByRole("button", { name: "提纲 · 16 节" }).click();
    const sheet = page.getByRole("dialog", { name: "提纲" });
    await until(() => sheet.isVisible(), true, { message: "the outline's sheet open" });
    await press(page, "大字模式");
    await page.keyboard.press("Escape");
    await until(() => sheet.isVisible(), false, { message: "the outline's sheet closed" });
    await until(() => page.evaluate(() => {
      const doc = document.scrollingElement.scrollWidth;
      const hosts = [...document.querySelectorAll("[data-reply-widget]")].map((h) => h.scrollWidth - h.clientWidth);
      return { doc, hosts };
    }), (o) => o.doc <= 320 && o.hosts.every((d) => d <= 0), { message: "the page's width (doc) and each host's overflow (hosts), px" });
    await page.screenshot({ path: join(out, "reflow-320.png"), fullPage: false });
    await page.close();
  });

  test("reading aloud goes through speechSynthesis in zh-CN, with a stop", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.addInitScript(() => {
      window.__speech = { spoken: [], cancels: 0 };
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
      Object.defineProperty(window, "speechSynthesis", {
        value: {
          speak: (u) => window.__speech.spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name }),
          cancel: () => { window.__speech.cancels++; },
          getVoices: () => [{ lang: "en-US", name: "en" }, { lang: "zh-CN", name: "婷婷" }],
        },
      });
    });
    await page.goto(`${env.server.origin}/www/`);
    await ready(page);
    const toggle = page.getByRole("button", { name: "朗读", exact: true });
    await toggle.click();
    await until(() => toggle.getAttribute("aria-pressed"), "true");
    const speech = () => page.evaluate(() => window.__speech);
    await page.getByRole("button", { name: /^361亿元\s*，/ }).click();
    await until(() => speech().then((s) => s.spoken.map((u) => u.text)), (texts) => texts.includes("361亿元，武汉基金累计出资规模，二(一)"), { message: "the figure read aloud" });
    await page.getByRole("treeitem", { name: /创新科技金融产品/ }).click();
    await until(() => speech().then((s) => s.spoken.map((u) => u.text)), (texts) => texts.some((t) => t.startsWith("(二)创新科技金融产品。建立2+X")), { message: "the section read aloud" });
    const cancels = (await speech()).cancels;
    await page.getByRole("button", { name: "停止朗读" }).click();
    const spoken = await until(speech, (s) => s.cancels > cancels, { message: "停止 stops" });
    assert.ok(spoken.spoken.every((s) => s.lang === "zh-CN" && s.voice === "婷婷"));
    assert.ok(spoken.cancels >= 3, "each new reading stops the last; 停止 stops");
    await page.close();
  });

  test("without speech synthesis the reading controls are hidden", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.addInitScript(() => { delete window.speechSynthesis; delete Window.prototype.speechSynthesis; });
    await page.goto(`${env.server.origin}/www/`);
    await ready(page);
    await until(() => page.getByRole("button", { name: "大字模式" }).count(), 1, { message: "the mode buttons are there" });
    assert.equal(await page.getByRole("button", { name: "朗读", exact: true }).count(), 0);
    await page.close();
  });

  test("prefers-reduced-motion: navigation jumps instead of scrolling smoothly", async () => {
    const page = await open();
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.getByRole("treeitem", { name: /创新服务方式/ }).click();
    // No wait: with reduced motion the article is already there.
    const top = await page.locator("#reply-article p", { hasText: "(三)创新服务方式" }).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 100, `heading at ${top}px right after the click`);
    await page.close();
  });

  test("forced colors: marks, the current section and focus stay visible; axe passes", async () => {
    const page = await open();
    await page.emulateMedia({ forcedColors: "active" });
    await activeFigure(page);
    const seen = await page.evaluate(() => {
      const article = document.querySelector("#reply-article");
      const mark = getComputedStyle(article.querySelector("mark[data-rw~=selected]"));
      const hit = getComputedStyle(article.querySelector("mark[data-rw=hit]"));
      return { mark: mark.backgroundColor, hit: hit.backgroundColor, markText: mark.color };
    });
    assert.notEqual(seen.mark, "rgba(0, 0, 0, 0)");
    assert.notEqual(seen.hit, "rgba(0, 0, 0, 0)");
    assert.notEqual(seen.mark, seen.markText);
    // The widget's parts: the demo page's own footer colours are not the widget's to fix.
    assert.deepEqual(await axeViolations(page, [["#reply-outline"], ["#reply-figures"], ["#reply-article"]]), []);
    await page.close();
  });

  test("print: controls hidden, the selected figure still marked", async () => {
    const page = await open();
    await activeFigure(page);
    await page.emulateMedia({ media: "print" });
    await until(() => page.getByRole("searchbox").isVisible(), false, { message: "the searchbox is not printed" });
    await until(() => page.getByRole("button", { name: "大字模式" }).isVisible(), false, { message: "大字模式 is not printed" });
    const mark = page.getByRole("article").locator("mark[data-rw~=selected]");
    await until(() => mark.isVisible(), true, { message: "the selected figure is printed" });
    const bg = await mark.evaluate((m) => getComputedStyle(m).backgroundColor);
    assert.notEqual(bg, "rgba(0, 0, 0, 0)");
    await page.pdf({ path: join(out, "print.pdf") }).catch(() => {});
    await page.close();
  });
});
