// Beyond the peers: number-aware filtering, the accessible money chart, export, citation.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, axeViolations, out, parseCsv, ready, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function open() {
  const page = await watchedPage(env.browser, env.server.origin, { acceptDownloads: true });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.origin });
  await page.goto(`${env.server.origin}/www/`);
  await ready(page);
  return page;
}

const panel = (page) => page.getByRole("region", { name: "数据一览" });
const bars = (page) => page.evaluate(() =>
  [...document.querySelector("#reply-figures").shadowRoot.querySelectorAll(".rw-bar")].map((g) => g.querySelector("text").textContent.split("　")[0]));
/** The values of the figures the panel lists. */
const values = (page) => panel(page).getByRole("listitem").locator(".rw-val").allTextContents();
/** What the live region says. */
const said = (page) => page.getByRole("status").textContent();
/** The chart is drawn after the first paint: waits for its bars. */
const charted = (page) => until(() => bars(page), (b) => b.length > 0, { message: "the chart is drawn" });

describe("beyond the peers", () => {
  test(">=100亿元 leaves exactly the four money figures, and the chart shows them", async () => {
    const page = await open();
    await until(() => bars(page), ["4457.56亿元", "1415亿元", "361亿元", "238.51亿元", "27.19亿元", "15.97亿元"], { message: "the chart's bars" });
    await page.getByRole("searchbox").fill(">=100亿元");
    await until(() => values(page), ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"]);
    await until(() => bars(page), ["4457.56亿元", "1415亿元", "361亿元", "238.51亿元"], { message: "the chart follows the filter" });
    await until(() => said(page), "2 个章节、4 项数据");
    await until(() => page.getByRole("article").locator("mark[data-rw~=hit]").count(), 4, { message: "marks in the article" });
    await until(() => page.getByRole("treeitem").count(), 3, { message: "二 and its two sections" });
    const img = page.getByRole("img", { name: /金额对比（亿元）/ });
    assert.match(await img.getAttribute("aria-labelledby"), /rw-chart-desc/);
    const table = page.getByRole("table", { name: "金额对比的数据表" });
    await until(() => table.getByRole("row").count(), 5, { message: "the chart's table" });
    await until(() => table.getByRole("row").nth(1).getByRole("cell").allTextContents(),
      ["4457.56", "4457.56亿元", "全市科技贷款余额4457.56亿元", "二(二)"]);
    await page.getByRole("searchbox").fill("<20%");
    await until(() => values(page), ["6%-10%", "10%-20%"]);
    await page.getByRole("searchbox").fill(">=");
    await until(() => said(page), /数值条件“>=”还缺数值.*仍显示 48 项数据/);
    await page.getByRole("searchbox").fill(">=5栋楼");
    await until(() => said(page), /无法理解的数值条件/);
    await page.close();
  });

  test("the value controls write the same comparison", async () => {
    const page = await open();
    const p = panel(page);
    await p.getByRole("combobox", { name: "比较方式" }).selectOption(">=");
    await p.getByRole("textbox", { name: "数值" }).fill("100");
    await p.getByRole("combobox", { name: "单位" }).selectOption("亿元");
    await p.getByRole("button", { name: "筛选", exact: true }).click();
    await until(() => page.getByRole("searchbox").inputValue(), ">=100亿元");
    await until(() => values(page), ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"]);
    await p.getByRole("combobox", { name: "比较方式" }).selectOption(">");
    await p.getByRole("textbox", { name: "数值" }).fill("300");
    await p.getByRole("combobox", { name: "单位" }).selectOption("项");
    await p.getByRole("textbox", { name: "数值" }).press("Enter");
    await until(() => page.getByRole("searchbox").inputValue(), ">300项");
    await until(() => values(page), ["537项", "300余项", "540项"]);
    await page.close();
  });

  test("a bar click selects its figure in the article", async () => {
    const page = await open();
    await charted(page);
    await page.locator("#reply-figures .rw-bar").nth(1).click();
    await until(() => page.getByRole("article").locator("mark[data-rw~=selected]").textContent(), "1415亿元");
    await until(() => page.evaluate(() => location.hash), "#f15");
    await page.close();
  });

  test("export: CSV with BOM and JSON of the filtered figures, with no server", async () => {
    const page = await open();
    await page.getByRole("searchbox").fill(">=100亿元");
    await until(() => values(page), ["361亿元", "1415亿元", "4457.56亿元", "238.51亿元"]);
    let [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "导出 CSV" }).click()]);
    assert.equal(download.suggestedFilename(), "答复数据.csv");
    const csvPath = join(out, "export.csv");
    await download.saveAs(csvPath);
    const raw = readFileSync(csvPath);
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark for Excel");
    const rows = parseCsv(raw.toString("utf8").slice(1));
    assert.deepEqual(rows[0], ["编号", "数据", "类型", "数值", "上限", "单位", "日期", "限定", "章节", "章节标题", "上下文"]);
    assert.deepEqual(rows.slice(1).map((r) => [r[1], r[3]]), [["361亿元", "36100000000"], ["1415亿元", "141500000000"], ["4457.56亿元", "445756000000"], ["238.51亿元", "23851000000"]]);
    [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "导出 JSON" }).click()]);
    const jsonPath = join(out, "export.json");
    await download.saveAs(jsonPath);
    const figures = JSON.parse(readFileSync(jsonPath, "utf8"));
    assert.equal(figures.length, 4);
    assert.deepEqual(Object.keys(figures[0]), ["id", "text", "kind", "value", "high", "date", "unit", "qualifier", "section", "paragraph", "start", "end", "context", "stance", "by", "indicator", "sectionNumber", "sectionTitle"]);
    assert.equal(figures[0].sectionTitle, "发挥政府产业基金引导作用");
    await until(() => said(page), /已导出 4 项数据（JSON）/);
    const p = await page.problems();
    assert.deepEqual([p.violations, p.foreign, p.console], [[], [], []], "no CSP violation, no request");
    await page.close();
  });

  test("cite: figure, context, section, title and date on the clipboard, announced", async () => {
    const page = await open();
    await panel(page).getByRole("button", { name: "复制引用" }).click();
    await until(() => said(page), /请先/);
    const fig = panel(page).getByRole("button", { name: /^361亿元\s*，/ });
    await fig.click();
    await until(() => page.getByRole("article").locator("mark[data-rw~=selected]").textContent(), "361亿元");
    await fig.press("c");
    await page.getByRole("status").filter({ hasText: "已复制引用" }).waitFor();
    await until(() => page.evaluate(() => navigator.clipboard.readText()), "“361亿元”（武汉基金累计出资规模361亿元）——《对市政协十四届二次会议第20230314号提案的答复》二(一) 发挥政府产业基金引导作用，发布时间 2023-08-22 19:35。", { message: "the citation on the clipboard" });
    await page.close();
  });

  test("axe: no violations with the chart shown and its table open; screenshot", async () => {
    const page = await open();
    await charted(page);
    await panel(page).getByRole("button", { name: "显示数据表" }).click();
    await until(() => panel(page).getByRole("button", { name: "隐藏数据表" }).getAttribute("aria-expanded"), "true", { message: "the table is shown" });
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole("searchbox").fill(">=10亿元");
    await until(() => bars(page), (b) => b.length === 6, { message: "six sums of at least 10亿元 drawn" });
    await page.getByRole("img", { name: /金额对比/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, "panel-chart.png") });
    await page.close();
  });
});
