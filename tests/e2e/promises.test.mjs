// Promises and results on a reply page (issue 22): the 按承诺 grouping lists the targets first
// with their deadlines, the 立场 facet hides targets or results, the chart draws targets apart.
// The page: tests/pages/promises.html (written for the tests); the bundled reply promises
// nothing and looks as before.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { assertClean, axeViolations, parseCsv, ready, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function open(path = "/tests/pages/promises.html") {
  const page = await watchedPage(env.browser, env.server.origin);
  await page.goto(`${env.server.origin}${path}`);
  await ready(page);
  return page;
}

const panel = (page) => page.getByRole("region", { name: "数据一览" });
/** The values of the figures the panel lists. */
const values = (page) => panel(page).getByRole("listitem").locator(".rw-val").allTextContents();
/** Each shown group: its label, and its figures as (value, badge) pairs. */
const groups = (page) => page.evaluate(() =>
  [...document.querySelector("[data-reply-widget=figures]").shadowRoot.querySelectorAll(".rw-group:not([hidden])")].map((g) => [
    g.querySelector(".rw-group-head span").textContent,
    [...g.querySelectorAll("li:not([hidden]) .rw-fig")].map((b) => [b.querySelector(".rw-val").textContent, b.querySelector(".rw-stance")?.textContent ?? ""]),
  ]));
/** The chart's bars: value, stance, whether drawn as a target. */
const bars = (page) => page.evaluate(() =>
  [...document.querySelector("[data-reply-widget=figures]").shadowRoot.querySelectorAll(".rw-bar")].map((g) => [
    g.querySelector("text").textContent,
    g.getAttribute("data-stance") ?? "",
    g.querySelector(".rw-bar-fill").classList.contains("rw-bar-target"),
  ]));

describe("promises and results", () => {
  test("按承诺 lists the targets first, the plan's first, each with its deadline", async () => {
    const page = await open();
    await panel(page).getByRole("button", { name: "按承诺" }).click();
    await until(() => panel(page).getByRole("button", { name: "按承诺" }).getAttribute("aria-pressed"), "true");
    await until(() => groups(page), [
      ["承诺", [["1800亿元", "目标 · 2026年"], ["50亿元", "目标 · 2026年"], ["5个", "目标"], ["200家", "目标 · 2025年"]]],
      ["成果", [["1150亿元", "成果"], ["20%", "成果"], ["12亿元", "成果"], ["320项", "成果"]]],
      ["其他", [["2023年", ""], ["2025年", ""], ["2026年", ""], ["2024年6月15日", ""]]],
    ], { message: "the stance groups" });
    // The badge is text in the figure's accessible name, not colour alone.
    await until(() => panel(page).getByRole("button", { name: /^1800亿元\s*，.*目标 · 2026年\s*$/ }).count(), 1);
    await panel(page).getByRole("button", { name: "按类型" }).click();
    await until(() => groups(page).then((g) => g.map(([label]) => label)), ["金额", "比例", "数量", "时间"]);
    await assertClean(page);
    await page.close();
  });

  test("the 立场 facet: 目标 unticked hides the targets, and refresh() keeps it", async () => {
    const page = await open();
    const facet = panel(page).getByRole("group", { name: "立场" });
    await until(() => facet.locator("label").allTextContents(), ["目标4", "成果4", "其他4"], { message: "the facet's counts" });
    await until(() => values(page), ["1150亿元", "12亿元", "1800亿元", "50亿元", "20%", "320项", "200家", "5个"]);
    await facet.getByRole("checkbox", { name: /目标/ }).uncheck();
    await until(() => values(page), ["1150亿元", "12亿元", "20%", "320项"], { message: "targets hidden" });
    await until(() => bars(page).then((b) => b.map(([text]) => text.split("　")[0])), ["1150亿元", "12亿元"], { message: "the chart follows" });
    await page.evaluate(() => window.__rwReady.widget.refresh());
    await until(() => facet.getByRole("checkbox", { name: /目标/ }).isChecked(), false, { message: "refresh keeps the facet" });
    await until(() => values(page), ["1150亿元", "12亿元", "20%", "320项"], { message: "and its filter" });
    await facet.getByRole("checkbox", { name: /目标/ }).check();
    await facet.getByRole("checkbox", { name: /成果/ }).uncheck();
    await until(() => values(page), ["1800亿元", "50亿元", "200家", "5个"], { message: "results hidden" });
    await assertClean(page);
    await page.close();
  });

  test("the chart draws targets apart from results, and says which", async () => {
    const page = await open();
    // Each bar: its value, whether its label names the deadline, its stance, drawn outlined.
    await until(() => bars(page).then((b) => b.map(([t, s, target]) => [t.split("　")[0], t.includes("【目标 · 2026年】"), s, target])), [
      ["1800亿元", true, "target", true], ["1150亿元", false, "result", false],
      ["50亿元", true, "target", true], ["12亿元", false, "result", false],
    ], { message: "target bars outlined and labelled with their deadline" });
    const img = page.getByRole("img", { name: /金额对比（亿元）/ });
    await until(() => img.getAttribute("aria-labelledby"), /rw-chart-desc/);
    const desc = await page.evaluate(() => document.querySelector("[data-reply-widget=figures]").shadowRoot.querySelector("#rw-chart-desc").textContent);
    assert.match(desc, /其中 2 项是目标/);
    const legend = await page.evaluate(() => document.querySelector("[data-reply-widget=figures]").shadowRoot.querySelector(".rw-chart-legend")?.textContent);
    assert.match(legend, /目标.*成果/);
    const table = page.getByRole("table", { name: "金额对比的数据表" });
    await until(() => table.getByRole("row").nth(1).getByRole("cell").nth(2).textContent(), /^目标 · 2026年：/);
    await until(() => table.getByRole("row").nth(2).getByRole("cell").nth(2).textContent(), /^成果：/);
    // Badges, the 立场 facet, the legend and the 承诺 groups meet WCAG 2.2 AA (contrast included).
    await panel(page).getByRole("button", { name: "按承诺" }).click();
    await until(() => groups(page).then((g) => g[0][0]), "承诺");
    assert.deepEqual(await axeViolations(page, [["[data-reply-widget=figures]"]]), []);
    await page.close();
  });

  test("the bundled reply promises nothing: only the new button is new", async () => {
    const page = await open("/www/");
    const p = page.getByRole("region", { name: "数据一览" });
    await until(() => p.getByRole("button", { name: "按承诺" }).count(), 1);
    await until(() => p.getByRole("listitem").count(), (n) => n > 0, { message: "the panel is drawn" });
    const seen = await page.evaluate(() => {
      const root = document.querySelector("#reply-figures").shadowRoot;
      return {
        stanceFacet: root.querySelectorAll("input[data-stance-facet]").length,
        badges: root.querySelectorAll(".rw-stance").length,
        legend: root.querySelectorAll(".rw-chart-legend, .rw-bar[data-stance]").length,
        legends: [...root.querySelectorAll("legend")].map((l) => l.textContent.trim().slice(0, 4)),
      };
    });
    assert.deepEqual(seen, { stanceFacet: 0, badges: 0, legend: 0, legends: ["数据类型", "按数值筛"] });
    await page.close();
  });

  // Issue 21: targets and results live in the page's second module (pkg/extras/), which the
  // embed script's first screen does not wait for.
  test("the first screen does not wait for them: the extras module comes after the mount, then the 立场 facet", async () => {
    const page = await open();
    const facet = panel(page).getByRole("group", { name: "立场" });
    await until(() => facet.locator("label").allTextContents(), ["目标4", "成果4", "其他4"], { message: "the facet, once the extras arrived" });
    const when = await page.evaluate(() => ({
      mounted: performance.getEntriesByName("reply-widget:mounted")[0]?.startTime ?? null,
      extras: performance.getEntriesByType("resource").filter((r) => /\/extras\/reply_extras(_bg\.wasm(\.gz)?|\.js)$/.test(r.name)).map((r) => [r.name.split("/").pop(), r.startTime]),
      page: performance.getEntriesByType("resource").some((r) => r.name.endsWith("/reply_widget_bg.wasm.gz")),
    }));
    assert.ok(when.page, "the page module came gzipped");
    assert.deepEqual(when.extras.map(([name]) => name).sort(), ["reply_extras.js", "reply_extras_bg.wasm.gz"], "the extras module's glue and its gzipped wasm, once each");
    for (const [name, start] of when.extras) assert.ok(start > when.mounted, `${name} requested at ${start} ms, after the mount at ${when.mounted} ms`);
    await assertClean(page);
    await page.close();
  });

  // What a tap can wait for (the money chart, the exports, the citations) is written by the
  // extras module too: a tap before it arrives is not lost, it waits (busy) and is done then.
  test("a tap before the extras module arrives waits for it: the export comes once it is loaded", async () => {
    const page = await watchedPage(env.browser, env.server.origin, { acceptDownloads: true });
    let arrive;
    const held = new Promise((resolve) => { arrive = resolve; });
    await page.route("**/extras/**", async (route) => { await held; await route.continue(); });
    await page.goto(`${env.server.origin}/tests/pages/promises.html`);
    await ready(page);
    await until(() => values(page), ["1150亿元", "12亿元", "1800亿元", "50亿元", "20%", "320项", "200家", "5个"]);
    assert.deepEqual(await bars(page), [], "no chart without the extras module: its frame only");
    const button = panel(page).getByRole("button", { name: "导出 CSV" });
    const download = page.waitForEvent("download");
    await button.click();
    await until(() => button.getAttribute("aria-busy"), "true", { message: "the tapped button says it is busy" });
    await until(() => page.getByRole("status").first().textContent(), /正在载入/);
    arrive();
    const file = await download;
    assert.equal(file.suggestedFilename(), "答复数据.csv");
    const csv = readFileSync(await file.path(), "utf8");
    // Every figure the filter leaves (none), in reading order: the years and dates too.
    assert.deepEqual(parseCsv(csv.slice(1)).slice(1).map((row) => row[1]),
      ["2023年", "1150亿元", "20%", "12亿元", "320项", "2025年", "200家", "2026年", "1800亿元", "50亿元", "5个", "2024年6月15日"]);
    await until(() => button.getAttribute("aria-busy"), null, { message: "no longer busy" });
    await until(() => page.getByRole("status").first().textContent(), /已导出 12 项数据（CSV）/);
    await until(() => bars(page).then((b) => b.map(([text]) => text.split("　")[0])), ["1800亿元", "1150亿元", "50亿元", "12亿元"], { message: "the chart, with the extras" });
    await assertClean(page);
    await page.close();
  });

  test("without the extras module the first screen works, with no stances", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.route("**/extras/**", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${env.server.origin}/tests/pages/promises.html`);
    await ready(page);
    await until(() => values(page), ["1150亿元", "12亿元", "1800亿元", "50亿元", "20%", "320项", "200家", "5个"]);
    await page.getByRole("searchbox").first().fill("亿元");
    await until(() => values(page), ["1150亿元", "12亿元", "1800亿元", "50亿元"], { message: "filtering works" });
    assert.equal(await panel(page).getByRole("group", { name: "立场" }).count(), 0, "no 立场 facet without stances");
    // A tap that needs the extras module is told it cannot be done now, and is not left busy.
    const button = panel(page).getByRole("button", { name: "导出 JSON" });
    await button.click();
    await until(() => page.getByRole("status").first().textContent(), /暂时无法载入/);
    assert.equal(await button.getAttribute("aria-busy"), null);
    await assertClean(page, (m) => !/404/.test(m));
    await page.close();
  });

  test("init() of reply_widget.js waits for the extras: parseReply and mount({ reply }) have the targets at once", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/pages/lab.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    const seen = await page.evaluate(() => {
      const reply = rw.parseReply("关于加快科技成果转化的提案的答复\n一、工作进展\n2023年，全市技术合同成交额达到1150亿元。\n力争到2025年，全市科技企业孵化器达到200家。");
      const figures = reply.figures.map((f) => [f.text, f.stance, f.by, f.indicator]);
      const host = document.createElement("div");
      document.body.append(host);
      const w = rw.mount({ figures: host, reply, hash: false });
      const facet = host.shadowRoot.querySelectorAll("input[data-stance-facet]").length;
      w.destroy();
      host.remove();
      return { figures, facet };
    });
    assert.deepEqual(seen, {
      // As the command line gives them (reply-widget parse).
      figures: [["2023年", null, null, null], ["1150亿元", "result", null, "技术合同成交额"], ["2025年", "target", "2025", null], ["200家", "target", "2025", "科技企业孵化器"]],
      facet: 3,
    });
    await assertClean(page);
    await page.close();
  });
});

