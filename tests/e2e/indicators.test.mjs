// The archive's indicator view (issue 22): on the demo column page, the query
// 指标:技术合同成交额 shows every value of that indicator across the generated archive in time
// order — results and targets — as a chart and a table, 承诺追踪 judges the targets whose deadline
// has passed, both download as CSV, and the view fetches the one indicator file it needs.
// The view is the column page's second module (pkg/library/extras/, issue 21 round six): a
// query before it arrives waits for it, busy; without it the search still works.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, embedDone, out, parseCsv, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();

async function open() {
  const page = await watchedPage(env.browser, env.server.origin, {});
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`${env.server.origin}/www/column.html`);
  assert.deepEqual(await embedDone(page), { error: null, mounted: true });
  return { page, asked };
}

const region = (page) => page.getByRole("region", { name: "答复检索" });
const status = (page) => region(page).getByRole("status");
/** 2025 → 2025-12, 2024-03 → 2024-03: the month a row's time stands for. */
const month = (s) => (s.length === 4 ? `${s}-12` : s);
/** 1234.5亿元 → 1234.5 (the table shows values as the replies wrote them). */
const amount = (s) => Number(/[\d.]+/.exec(s)[0]);

describe("the indicator view", () => {
  test("指标:技术合同成交额: results and targets in time order, a chart, 承诺追踪 and CSV", async () => {
    const { page, asked } = await open();
    await status(page).filter({ hasText: /共 \d+ 篇答复/ }).waitFor();
    await region(page).getByRole("searchbox").fill("指标:技术合同成交额");
    await status(page).filter({ hasText: /指标 技术合同成交额：\d+ 个数值/ }).waitFor();
    const table = region(page).getByRole("table", { name: /技术合同成交额：全部 \d+ 个数值/ });
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    assert.ok(rows.length >= 10, `a value of most replies on the topic: ${rows.length}`);
    const times = rows.map((r) => month(r[0]));
    assert.deepEqual(times, [...times].sort(), "in time order");
    const stances = new Set(rows.map((r) => r[1]));
    assert.ok(stances.has("成果") && stances.has("目标"), [...stances].join(" "));
    // Results at their reply's month, targets at a year (their deadline).
    for (const r of rows) {
      if (r[1] === "目标") assert.match(r[0], /^\d{4}$/, r.join(" | "));
      if (r[1] === "成果") assert.match(r[0], /^\d{4}-\d{2}$/, r.join(" | "));
      assert.match(r[2], /亿元$/);
    }
    // The chart: a named image with one mark per value, each with its text.
    const chart = region(page).getByRole("img", { name: /技术合同成交额走势图/ });
    assert.equal(await chart.locator("circle").count(), rows.filter((r) => r[1] === "成果").length);
    assert.equal(await chart.locator("polygon").count(), rows.filter((r) => r[1] === "目标").length);
    assert.match(await chart.locator("circle title").first().textContent(), /成果 [\d.]+亿元/);

    // 承诺追踪: every passed deadline judged; a reached target's result is at least it.
    const promises = region(page).getByRole("table", { name: /承诺追踪/ });
    const judged = await promises.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    assert.ok(judged.length > 0, "targets whose deadline has passed");
    const verdicts = new Set(judged.map((r) => r[3]));
    assert.ok(verdicts.has("已达成") && verdicts.has("未达成"), [...verdicts].join(" "));
    for (const [by, target, result, verdict] of judged) {
      if (verdict === "未见报告") continue;
      const reported = /\d{4}-\d{2}/.exec(result)[0];
      assert.ok(`${by}-12` < reported, `the result (${reported}) was reported after the deadline ${by}`);
      const [t, r] = [amount(target), amount(result)];
      assert.equal(verdict, r >= t ? "已达成" : "未达成", `${target} / ${result}`);
    }
    // One indicator file fetched for the view.
    assert.equal(asked.filter((p) => p.includes("/indicators/")).length, 1, asked.filter((p) => p.includes("/indicators/")).join(" "));

    // CSV: the command line's columns, one row per value in the same order.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      region(page).getByRole("button", { name: "下载全部数值（CSV）" }).click(),
    ]);
    assert.equal(download.suggestedFilename(), "技术合同成交额.csv");
    const path = join(out, "indicator.csv");
    await download.saveAs(path);
    const raw = readFileSync(path);
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
    const csv = parseCsv(raw.toString("utf8").slice(1)).filter((r) => r.length > 1);
    assert.deepEqual(csv[0], ["指标", "日期", "立场", "数值", "上限", "单位", "类型", "期限", "数据", "答复", "发布", "来源", "上下文"]);
    assert.deepEqual(csv.slice(1).map((r) => [r[1], r[8]]), rows.map((r) => [r[0], r[2]]));
    const [second] = await Promise.all([
      page.waitForEvent("download"),
      region(page).getByRole("button", { name: "下载承诺追踪（CSV）" }).click(),
    ]);
    await second.saveAs(join(out, "promises.csv"));
    const tracked = parseCsv(readFileSync(join(out, "promises.csv"), "utf8").slice(1)).filter((r) => r.length > 1);
    assert.deepEqual(tracked.slice(1).map((r) => r[8]), judged.map((r) => r[3]));
    await assertClean(page);
    await page.close();
  });

  test("an indicator the archive does not have lists those it has, and one opens its view", async () => {
    const { page } = await open();
    await status(page).filter({ hasText: /共 \d+ 篇答复/ }).waitFor();
    await region(page).getByRole("searchbox").fill("指标:没有这个指标");
    await status(page).filter({ hasText: /答复中没有指标“没有这个指标”/ }).waitFor();
    await region(page).getByRole("button", { name: "中试平台", exact: true }).click();
    await status(page).filter({ hasText: /指标 中试平台：\d+ 个数值/ }).waitFor();
    await until(() => region(page).getByRole("searchbox").inputValue(), "指标:中试平台");
    await page.close();
  });

  test("a query before the indicator module arrives waits for it (busy, 正在载入), then shows the view", async () => {
    const page = await watchedPage(env.browser, env.server.origin, {});
    let arrive;
    const held = new Promise((resolve) => { arrive = resolve; });
    await page.route("**/pkg/library/extras/**", async (route) => { await held; await route.continue(); });
    await page.goto(`${env.server.origin}/www/column.html`);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    await status(page).filter({ hasText: /共 \d+ 篇答复/ }).waitFor();
    await region(page).getByRole("searchbox").fill("指标:技术合同成交额");
    const view = region(page).locator(".rw-indicator");
    await until(() => view.getAttribute("aria-busy"), "true", { message: "the view says it is busy" });
    await until(() => status(page).textContent(), /正在载入/);
    arrive();
    await status(page).filter({ hasText: /指标 技术合同成交额：\d+ 个数值/ }).waitFor();
    await until(() => view.getAttribute("aria-busy"), null, { message: "no longer busy" });
    assert.ok(await region(page).getByRole("table", { name: /技术合同成交额：全部 \d+ 个数值/ }).locator("tbody tr").count() >= 10);
    await assertClean(page);
    await page.close();
  });

  test("without the indicator module the search still works, and the view says it cannot now", async () => {
    const page = await watchedPage(env.browser, env.server.origin, {});
    await page.route("**/pkg/library/extras/**", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${env.server.origin}/www/column.html`);
    assert.deepEqual(await embedDone(page), { error: null, mounted: true });
    await status(page).filter({ hasText: /共 \d+ 篇答复/ }).waitFor();
    await region(page).getByRole("searchbox").fill("指标:技术合同成交额");
    await until(() => status(page).textContent(), /暂时无法载入/);
    assert.match(await region(page).locator(".rw-indicator").textContent(), /暂时无法载入/);
    assert.equal(await region(page).locator(".rw-indicator").getAttribute("aria-busy"), null);
    await region(page).getByRole("searchbox").fill("中试平台");
    await status(page).filter({ hasText: /找到 \d+ 篇答复/ }).waitFor();
    assert.ok(await region(page).locator(".rw-results > li").count() > 0, "results listed");
    await assertClean(page, (m) => !/404|Failed to load|Failed to fetch|module script/.test(m));
    await page.close();
  });
});
