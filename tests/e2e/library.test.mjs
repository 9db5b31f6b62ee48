// The archive: the demo's column page (www/column.html, built by www/column.mjs from a generated
// archive and the demo's two replies), searched by words and by figures with no server, down to
// a deep link into a reply page; and what happens when the index cannot be used.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, axeViolations, embedDone, repo, settled, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();
const archive = JSON.parse(readFileSync(join(repo, "www", "archive", "archive.json"), "utf8"));
/** The demo's two replies both speak of 中试平台 and have sums of at least 100亿元 (index.html). */
const DEMO = { 中试平台: 2, big: 1 };
/** Pages of the column besides the generated replies: the two demo replies, a work plan and a
 * news item (www/column.mjs). */
const OWN = 4;

async function open(options = {}, prepare = null) {
  const page = await watchedPage(env.browser, env.server.origin, options);
  if (prepare) await prepare(page);
  await page.goto(`${env.server.origin}/www/column.html`);
  assert.deepEqual(await embedDone(page), { error: null, mounted: true });
  return page;
}

const region = (page) => page.getByRole("region", { name: "答复检索" });
const status = (page) => region(page).getByRole("status");
/** Waits for the search to settle on a count ("找到 N 篇答复", or none) and its page of results,
 * and returns the count. After a change to a search that had settled already (a facet, an
 * order), the count and results shown may still be the last search's: pass what the new ones
 * must be (`expected`: a count, or a predicate on the count and the page, as `until` takes). */
async function found(page, expected = () => true) {
  const settledCount = async () => {
    await status(page).filter({ hasText: /找到 \d+ 篇答复|没有找到/ }).waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-reply-widget=library]").shadowRoot.querySelector(".rw-results[aria-busy]"));
    const m = /找到 (\d+) 篇答复/.exec(await status(page).textContent());
    return m ? Number(m[1]) : 0;
  };
  return until(settledCount, typeof expected === "number" ? expected : (n) => expected(n), { timeout: 15000, message: "the search's count" });
}

describe("the archive", () => {
  test("the column page keeps its own list until the reader searches", async () => {
    const page = await open();
    await status(page).filter({ hasText: /共 \d+ 篇答复/ }).waitFor();
    const own = page.locator("[data-reply-widget=library] .list li");
    assert.equal(await own.count(), archive.count + OWN);
    assert.ok(await own.first().isVisible(), "the CMS's list shows");
    await assertClean(page);
    await page.close();
  });

  test("a word: every reply that holds it, newest first, each linking to its page and figures", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill("中试平台");
    const n = await found(page);
    assert.equal(n, archive.totals.words["中试平台"] + DEMO["中试平台"]);
    const results = region(page).getByRole("listitem").filter({ has: page.getByRole("heading") });
    const dates = await results.evaluateAll((items) => items.map((li) => li.querySelector(".rw-result-meta").textContent.slice(0, 10)));
    assert.deepEqual(dates, [...dates].sort().reverse(), "newest first");
    await until(() => page.locator("[data-reply-widget=library] .list").isVisible(), false, { message: "results replace the list" });
    // The demo's CMS page: its title links to it; a figure of it links to its deep link.
    const cms = results.filter({ hasText: "关于加快建设科技成果转化中试平台的提案的答复" });
    assert.equal(await cms.getByRole("link").first().getAttribute("href"), "cms.html");
    const figure = cms.getByRole("link", { name: "128家" });
    const href = await figure.getAttribute("href");
    assert.match(href, /^cms\.html#f\d+$/);
    await figure.click();
    await page.waitForURL(/cms\.html#f\d+$/);
    await embedDone(page);
    await settled(page);
    await until(() => page.locator("#zoom mark[data-rw~=selected]").allTextContents().then((t) => t.join("")), "128家", { message: "the deep link selects the figure on the reply's page" });
    await page.close();
  });

  test("a comparison: the replies with a figure of at least 100亿元, those figures, largest first on request", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill(">=100亿元");
    const n = await found(page);
    // archive.json counts 近X亿元 as below 100亿; the widget, like the single-page filter,
    // counts what a figure may stand for (近150亿元 may be 100亿 or more).
    assert.ok(n >= archive.totals.money_ge_100yi + DEMO.big, `${n} replies`);
    const values = await region(page).locator(".rw-result-figs .rw-val").allTextContents();
    assert.ok(values.length >= n);
    const yi = (t) => {
      const m = /([\d.]+)(万亿|亿)元/.exec(t);
      return m ? Number(m[1]) * (m[2] === "万亿" ? 10000 : 1) : NaN;
    };
    assert.ok(values.every((v) => yi(v) >= 100 || /^近/.test(v)), values.join(" "));
    const order = region(page).getByRole("button", { name: "数值从大到小" });
    await order.click();
    await until(() => order.getAttribute("aria-pressed"), "true", { message: "the order is pressed" });
    await found(page, n);
    // The results' largest sums, once the list is complete (null while it is being filled).
    const firsts = () => region(page).locator(".rw-result").evaluateAll((items) => items[0]?.closest("[aria-busy]") ? null :
      items.map((li) => Math.max(...[...li.querySelectorAll(".rw-val")].map((v) => {
        const m = /([\d.]+)(万亿|亿)元/.exec(v.textContent);
        return m ? Number(m[1]) * (m[2] === "万亿" ? 10000 : 1) : 0;
      }))));
    await until(firsts, (f) => f !== null && f.length > 0 && f.every((v, i) => i === 0 || f[i - 1] >= v), { message: "largest first" });
    assert.deepEqual(await axeViolations(page), []);
    await assertClean(page);
    await page.close();
  });

  test("facets narrow with counts; 2022年 and facets together", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill("2022年");
    const all = await found(page);
    const npc = region(page).getByRole("checkbox", { name: /人大建议/ });
    const label = await npc.evaluate((c) => c.closest("label").textContent);
    const count = Number(/(\d+)$/.exec(label)[1]);
    await npc.check();
    assert.ok(count < all);
    await found(page, count);
    await until(() => region(page).locator(".rw-result-meta").allTextContents(), (kinds) => kinds.length > 0 && kinds.every((k) => k.includes("人大建议")), { message: "every result is a 人大建议" });
    await page.close();
  });

  test("the first results show from five cards; the rest join the list without moving the reader's focus", async () => {
    // Card requests after the first five are held until the test lets them go.
    const held = [];
    let cards = 0;
    let hold = true;
    const page = await open({}, (p) => p.route("**/archive/library/replies/*.json", (route) => {
      cards += 1;
      if (cards <= 5 || !hold) return route.continue();
      held.push(route);
    }));
    await region(page).getByRole("searchbox").fill("科技金融");
    await status(page).filter({ hasText: /找到 \d+ 篇答复/ }).waitFor();
    const n = Number(/(\d+)/.exec(await status(page).textContent())[1]);
    assert.ok(n > 20, `${n} results`);
    const results = region(page).locator(".rw-result");
    await page.waitForFunction(() => document.querySelector("[data-reply-widget=library]").shadowRoot.querySelectorAll(".rw-result").length === 5);
    assert.equal(await region(page).getByRole("list", { name: "答复检索" }).getAttribute("aria-busy"), "true");
    assert.ok(!(await region(page).getByRole("button", { name: /显示更多/ }).isVisible()), "显示更多 waits for the page");
    // The reader is already on the first result when the rest arrives.
    await results.first().getByRole("link").first().focus();
    const first = await results.first().locator("h3").textContent();
    // The other 15 are asked for once the first results show, six at a time (the library has at
    // most 6 files in flight): the first six are held here.
    await until(() => held.length, 6, { message: "the rest of the page is asked for once the first results show" });
    await page.waitForTimeout(200);
    assert.equal(held.length, 6, "never more than 6 files in flight");
    hold = false;
    for (const r of held.splice(0)) await r.continue();
    await found(page, n);
    await until(() => results.count(), 20, { message: "a page of results" });
    assert.equal(await results.first().locator("h3").textContent(), first);
    const focused = () => page.evaluate(() => document.querySelector("[data-reply-widget=library]").shadowRoot.activeElement?.closest(".rw-result")?.querySelector("h3").textContent);
    await until(focused, first, { message: "focus stays on the first result" });
    // A facet toggled from the keyboard keeps the focus on its checkbox, now with its new count.
    const npc = region(page).getByRole("checkbox", { name: /人大建议/ });
    const npcCount = Number(/(\d+)$/.exec(await npc.evaluate((c) => c.closest("label").textContent))[1]);
    await npc.focus();
    await page.keyboard.press("Space");
    await found(page, npcCount);
    const active = await until(() => page.evaluate(() => {
      const e = document.querySelector("[data-reply-widget=library]").shadowRoot.activeElement;
      return e && [e.type, e.checked, e.closest("label").textContent];
    }), (a) => a !== null && a[0] === "checkbox" && a[1] === true, { message: "the focus stays on the checked checkbox" });
    assert.match(active[2], /人大建议/);
    await assertClean(page);
    await page.close();
  });

  test("a one-char word and a query that cannot be read are said to be so", async () => {
    const page = await open();
    await status(page).filter({ hasText: /共/ }).waitFor();
    await region(page).getByRole("searchbox").fill("科");
    await status(page).filter({ hasText: /太短/ }).waitFor();
    await region(page).getByRole("searchbox").fill(">=5栋楼");
    await status(page).filter({ hasText: /无法理解/ }).waitFor();
    await page.close();
  });

  test("on a phone: 44 px targets, no sideways scrolling, elder mode", async () => {
    const page = await open({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    await region(page).getByRole("searchbox").fill("中试平台");
    await found(page);
    const wide = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(wide <= 375, `the page is ${wide}px wide`);
    const small = await page.evaluate(() => [...document.querySelector("[data-reply-widget=library]").shadowRoot.querySelectorAll("button, input:not([type=checkbox]), a, summary")]
      .filter((e) => e.checkVisibility())
      .map((e) => { const b = e.getBoundingClientRect(); return [Math.round(b.width), Math.round(b.height), e.textContent.slice(0, 8)]; })
      .filter(([w, h]) => w < 44 || h < 44));
    assert.deepEqual(small, []);
    await region(page).getByRole("button", { name: "大字模式" }).tap();
    await until(() => region(page).locator(".rw-result h3").first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize)), (px) => px >= 20, { message: "elder mode's result titles, px" });
    await page.close();
  });

  test("keyboard only, in forced colors: type, Tab to a result, see where the focus is, Enter opens the reply", async () => {
    const page = await open();
    await page.emulateMedia({ forcedColors: "active" });
    await region(page).getByRole("searchbox").focus();
    await page.keyboard.type("中试平台");
    await found(page);
    const inResultTitle = () => page.evaluate(() => {
      const a = document.querySelector("[data-reply-widget=library]").shadowRoot.activeElement;
      if (!a || !a.matches(".rw-result h3 a")) return null;
      const cs = getComputedStyle(a);
      return { href: a.getAttribute("href"), outline: [cs.outlineStyle, parseFloat(cs.outlineWidth)] };
    });
    let focused = null;
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press("Tab");
      focused = await inResultTitle();
    }
    assert.ok(focused, "a result's title is reachable with Tab");
    assert.equal(focused.outline[0], "solid", "the focus is drawn");
    assert.ok(focused.outline[1] >= 2, `focus outline ${focused.outline[1]}px`);
    assert.deepEqual(await axeViolations(page, [["[data-reply-widget=library]"]]), []);
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname.endsWith(focused.href.replace(/^.*\//, "")));
    await page.close();
  });

  test("the column's plan and news are indexed too, under 文种", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill("建议提案办理");
    await found(page);
    const genre = region(page).getByRole("group", { name: "文种" });
    const options = await genre.locator("label").allTextContents();
    assert.ok(options.some((o) => /^方案\d+$/.test(o)) && options.some((o) => /^新闻\d+$/.test(o)), options.join(" "));
    await genre.getByRole("checkbox", { name: /方案/ }).check();
    await found(page, 1);
    await until(() => region(page).locator(".rw-result h3").allTextContents(), ["武汉市科学技术局2024年建议提案办理工作方案"], { message: "the plan alone" });
    await page.close();
  });

  test("no facet heading without options: a query that finds nothing shows no empty 届次 or 来源", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill("2022年");
    await found(page);
    const headings = () => region(page).locator("details.rw-facet").evaluateAll((ds) =>
      ds.map((d) => [d.querySelector("summary").textContent, d.querySelectorAll("input[type=checkbox]").length]));
    const shown = await headings();
    assert.ok(shown.length >= 2 && shown.every(([, n]) => n > 0), JSON.stringify(shown));
    await region(page).getByRole("searchbox").fill("无此词语喵喵");
    await status(page).filter({ hasText: "没有找到" }).waitFor();
    assert.deepEqual(await headings(), [], "every heading goes with its options");
    await page.close();
  });

  test("destroy() from the page's own focus listener, while the library moves focus: the page's list is back, nothing throws", async () => {
    const page = await open();
    await region(page).getByRole("searchbox").fill("2022年");
    await found(page);
    const npc = region(page).getByRole("checkbox", { name: /人大建议/ });
    await npc.focus();
    // The library redraws the facets with new counts and gives focus back to the toggled box:
    // the page reacts to that focus by taking the widget away.
    await page.evaluate(() => document.addEventListener("focusin", () => {
      window.__rwReady.widget.destroy();
      window.__destroyedInFocus = true;
    }, { once: true }));
    await page.keyboard.press("Space");
    await page.waitForFunction(() => window.__destroyedInFocus === true);
    const host = page.locator("[data-reply-widget=library]");
    await until(() => host.evaluate((h) => h.hasAttribute("data-reply-widget-mounted")), false, { message: "unmounted" });
    assert.ok(await page.locator("[data-reply-widget=library] .list").isVisible(), "the page's own list shows");
    await settled(page);
    // A search that was under way, or a late card, lands nowhere.
    await page.waitForTimeout(300);
    const p = await page.problems();
    assert.deepEqual(p.pageErrors, []);
    await page.close();
  });

  for (const [chunks, what] of [[4000, "at most 6 files in flight, and the reader is told how many"], [20000, "refused before a single request, and the reader is told why"]]) {
    test(`a manifest listing ${chunks} figure chunks for >=1元: ${what}`, async () => {
      let inFlight = 0, most = 0, asked = 0;
      const page = await open({}, async (page) => {
        await page.route("**/archive/library/manifest.json", async (r) => {
          const res = await r.fetch();
          const m = JSON.parse(await res.text());
          const money = m.figures.find((g) => g.kind === "money");
          for (let k = 0; k < chunks; k++) money.chunks.push([1, 1e12, 1]);
          await r.fulfill({ response: res, body: JSON.stringify(m) });
        });
        await page.route("**/archive/library/figures/**", async (r) => {
          asked++;
          most = Math.max(most, ++inFlight);
          await new Promise((done) => setTimeout(done, 150));
          inFlight--;
          await r.fulfill({ status: 404, body: "" });
        });
      });
      await region(page).getByRole("searchbox").fill(">=1元");
      if (chunks < 4096) await until(() => status(page).textContent(), /需载入 4\d{3} 个索引文件|暂不可用/, { message: "the count of files said" });
      await status(page).filter({ hasText: "暂不可用" }).waitFor();
      await page.waitForTimeout(400);
      assert.ok(most <= 6, `${most} requests in flight at once`);
      if (chunks < 4096) assert.ok(asked >= 1 && asked <= 12, `${asked} requests in all: the queue stops with the first failure`);
      else {
        assert.equal(asked, 0);
        assert.match(await status(page).textContent(), /此检索需载入 2\d{4} 个索引文件，超过上限 4096/);
      }
      assert.ok(await page.locator("[data-reply-widget=library] .list").isVisible(), "the list stays");
      await page.close();
    });
  }

  test("a word shard far larger than the index allows is refused by its size, not read", async () => {
    const page = await open({}, (page) => page.route("**/archive/library/words/**", (r) =>
      r.fulfill({ status: 200, contentType: "application/octet-stream", body: Buffer.alloc(4 << 20, 7) })));
    await region(page).getByRole("searchbox").fill("中试平台");
    await status(page).filter({ hasText: "暂不可用" }).waitFor();
    await until(() => status(page).textContent(), /words\/\d+\.bin: larger than the index allows \(\d+ bytes, at most \d+\)/);
    assert.ok(await page.locator("[data-reply-widget=library] .list").isVisible(), "the list stays");
    const p = await page.problems();
    assert.deepEqual(p.pageErrors, []);
    await page.close();
  });

  const broken = [
    ["no index at all", (page) => page.route("**/archive/library/manifest.json", (r) => r.fulfill({ status: 404, body: "" })), /无法读取/],
    ["an index of another version", (page) => page.route("**/archive/library/manifest.json", async (r) => {
      const res = await r.fetch();
      const body = (await res.text()).replace(/"version":\s*\d+/, '"version":7');
      await r.fulfill({ response: res, body });
    }), /version 7/],
    ["a half-written index (a shard missing)", (page) => page.route("**/archive/library/words/**", (r) => r.fulfill({ status: 404, body: "" })), /索引不完整/],
    ["a damaged shard", (page) => page.route("**/archive/library/words/**", async (r) => {
      const res = await r.fetch();
      const body = (await res.body()).subarray(0, 30);
      await r.fulfill({ response: res, body });
    }), /damaged|truncated|corrupt/i],
  ];
  for (const [what, prepare, message] of broken) {
    test(`${what}: the reader is told, the page's own list stays, nothing throws`, async () => {
      const page = await open({}, prepare);
      await region(page).getByRole("searchbox").fill("中试平台");
      await status(page).filter({ hasText: "暂不可用" }).waitFor();
      await until(() => status(page).textContent(), message);
      assert.ok(await page.locator("[data-reply-widget=library] .list").isVisible(), "the list stays");
      const p = await page.problems();
      assert.deepEqual(p.pageErrors, []);
      await page.close();
    });
  }
});
