// Long replies: the figure panel renders each open group's first 100 figures and a 显示更多
// button for the rest; figures the filter or a selection asks for are rendered on demand.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assertClean, axeViolations, deadline, out, repo, until, useBrowser, watchedPage } from "./harness.mjs";

const env = useBrowser();
const bundled = readFileSync(join(repo, "src", "core", "data", "reply-20230314.txt"), "utf8");

/** The bundled body 12 times under 48 top-level sections, and a last section with one unique figure. */
function longReply() {
  const lines = bundled.split("\n").map((l) => l.trim()).filter(Boolean);
  const start = lines.findIndex((l) => l.startsWith("一、"));
  const end = lines.findIndex((l) => l.startsWith("下一步"));
  const numerals = "一二三四五六七八九十";
  const cn = (n) => (n <= 10 ? numerals[n - 1] : n < 20 ? "十" + numerals[n - 11] : numerals[Math.floor(n / 10) - 1] + "十" + (n % 10 ? numerals[(n % 10) - 1] : ""));
  const out = lines.slice(0, start);
  let top = 0;
  for (let r = 0; r < 12; r++) {
    for (const l of lines.slice(start, end)) {
      const m = /^[一二三四五六七八九十]+、(.*)$/.exec(l);
      out.push(m ? `${cn(++top)}、${m[1]}` : l);
    }
  }
  out.push(`${cn(++top)}、最后一节`, "我市独有测试项目新建77家平台。");
  return out.join("\n");
}

describe("long replies", () => {
  test("each open group shows 100 figures, 显示更多 adds the next 100, filters and selections render what they need", async () => {
    const page = await watchedPage(env.browser, env.server.origin);
    await page.goto(`${env.server.origin}/tests/pages/lab.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1");
    const counts = await page.evaluate(async ([text, ms]) => {
      window.reply = rw.parseReply(text);
      window.w = rw.mount({ outline: "#o1", figures: "#f1", article: "#a1", reply, hash: false });
      const counted = reply.figures.filter((f) => f.kind === "count");
      window.late = counted[counted.length - 1];
      // The chart is drawn after the first paint, into room kept for it: the lists below it
      // stay where the reader saw them (measured within the panel: the page above it may move).
      const panel = document.querySelector("#f1").shadowRoot;
      const top = () => panel.querySelector(".rw-groups").getBoundingClientRect().top - panel.host.getBoundingClientRect().top;
      const before = top();
      const end = performance.now() + ms;
      while (!panel.querySelector(".rw-bar") && performance.now() < end) await new Promise((r) => requestAnimationFrame(r));
      const bars = panel.querySelectorAll(".rw-bar").length;
      return { count: counted.length, figures: reply.figures.length, last: late.text, bars, groupsTop: [before, top()] };
    }, [longReply(), deadline(10000)]);
    assert.ok(counts.bars > 0, "the chart was drawn");
    assert.equal(counts.groupsTop[1], counts.groupsTop[0], "the figure lists did not move when the chart was drawn");
    assert.equal(counts.last, "77家");
    assert.ok(counts.count > 200, `${counts.count} counts`);
    const panel = page.getByRole("region", { name: "数据一览" });
    const countList = panel.getByRole("list", { name: /^数量/ });
    await until(() => countList.getByRole("listitem").count(), 100, { message: "the first 100 counts listed" });
    const more = panel.getByRole("button", { name: `显示更多（还有 ${counts.count - 100} 项）` });
    await until(() => more.isVisible(), true, { message: "显示更多 shown" });

    // 显示更多: the next 100, and focus on the first of them.
    await more.click();
    await until(() => countList.getByRole("listitem").count(), 200, { message: "显示更多 lists 100 more" });
    const focusedAt = () => page.evaluate(() => {
      const a = document.querySelector("#f1").shadowRoot.activeElement;
      const li = a?.closest("li");
      return li ? [...li.closest("ul").children].indexOf(li) : null;
    });
    await until(focusedAt, 100, { message: "focus moves to the 101st figure" });

    // A filter whose only match lies beyond what is rendered: it is rendered and shown.
    await page.evaluate(() => w.filter("独有测试"));
    const visible = () => page.evaluate(() =>
      [...document.querySelector("#f1").shadowRoot.querySelectorAll("[role=listitem]")].filter((li) => li.checkVisibility()).map((li) => li.querySelector(".rw-val").textContent));
    await until(visible, ["77家"], { message: "the only match is rendered and shown" });
    await until(() => panel.getByRole("button", { name: /^显示更多/ }).count(), 0, { message: "no 显示更多 for one match" });

    // Back to everything: the rendered figures stay, nothing is lost.
    await page.evaluate(() => w.filter(""));
    await until(() => countList.getByRole("listitem").count(), 201, { message: "the rendered figures stay" });
    const moreNow = panel.getByRole("button", { name: `显示更多（还有 ${counts.count - 201} 项）` });
    await until(() => moreNow.isVisible(), true, { message: "显示更多 counts what is left" });
    await moreNow.scrollIntoViewIfNeeded();
    // content-visibility: auto paints items near the viewport on the next frames.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(out, "long-more.png") });
    assert.deepEqual(await axeViolations(page, [["#o1"], ["#f1"], ["#a1"]]), [], "axe: the long reply with 显示更多");

    // Selecting a figure that is not rendered renders it, current.
    const pick = await page.evaluate(() => {
      const f = reply.figures.filter((f) => f.kind === "count")[150 + 60];
      w.select(f.id);
      const b = document.querySelector("#f1").shadowRoot.querySelector(`[aria-current][data-fig]`);
      return { want: f.text, got: b?.querySelector(".rw-val").textContent, mark: document.querySelector("#a1").shadowRoot.querySelector("mark[data-rw~=selected]")?.textContent };
    });
    assert.equal(pick.got, pick.want);
    assert.equal(pick.mark, pick.want);
    await page.evaluate(() => w.destroy());
    await assertClean(page);
    await page.close();
  });
});
