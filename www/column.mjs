// Builds the demo's 建议提案办理 column page (run by www/run.sh and tests/run.sh):
//  - www/archive/: 120 generated replies (tests/archive/generate.mjs: invented text, not real
//    replies) as a CMS publishes them, each with the embed script and the index (data-index), and two pages of the column that are not replies (a work
//    plan and a news item, invented here), which the index keeps under their genre (文种);
//  - www/archive/library/: the library index of those and of the demo's two real-looking reply
//    pages (index.html, cms.html), written by `reply-widget index`;
//  - www/column.html: the column page the CMS would render — every reply, newest first — with the
//    library part on it (the list stays as the fallback without WebAssembly).
// All three are generated (and ignored by git); the same inputs give the same bytes.
//   node www/column.mjs [--count N]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateArchive } from "../tests/archive/generate.mjs";

const www = fileURLToPath(new URL(".", import.meta.url));
const repo = join(www, "..");
const args = process.argv.slice(2);
const count = Number(args[args.indexOf("--count") + 1]) || 120;

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

generateArchive({ count, out: join(www, "archive") });
const archive = JSON.parse(readFileSync(join(www, "archive", "archive.json"), "utf8"));
// The column's reply pages carry the widget as a bureau's template would, with the archive's
// index (data-index): a figure's card there lists its indicator in the other replies too.
const embed = `<link rel="icon" href="data:,">\n<script type="module" async src="../../pkg/embed.js" data-index="library/"></script>\n</head>`;
for (const r of archive.replies) {
  const file = join(www, "archive", r.file);
  writeFileSync(file, readFileSync(file, "utf8").replace("</head>", embed));
}

// Pages of the column that are not replies: a bureau's 建议提案办理 column publishes its work
// plan and news of the work too. Invented for the demo, in the archive's page template.
const others = [
  {
    file: "plan-2024.html",
    title: "武汉市科学技术局2024年建议提案办理工作方案",
    published: "2024-03-01 09:00",
    body: [
      ["一、工作目标", ["全年承办的建议提案按期办结率达到100%，代表委员满意率保持在95%以上。"]],
      ["二、工作措施", ["（一）压实责任。局领导领办重点建议提案8件，各处室按分工承办。", "（二）加强沟通。办理前、办理中、答复后与代表委员沟通不少于3次。"]],
      ["三、时间安排", ["5月底前完成全部答复，10月底前完成“回头看”。"]],
    ],
  },
  {
    file: "news-2024.html",
    title: "市科技局召开2024年建议提案办理工作推进会",
    published: "2024-03-12 16:30",
    body: [["", ["3月12日，市科技局召开建议提案办理工作推进会，部署今年承办的46件建议提案的办理工作。会议要求各承办处室在5月底前完成答复，确保按期办结率100%。"]]],
  },
];
const escText = (t) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
for (const o of others) {
  const paras = o.body.flatMap(([h, ps]) => [...(h ? [`<p><strong>${escText(h)}</strong></p>`] : []), ...ps.map((x) => `<p>${escText(x)}</p>`)]);
  writeFileSync(join(www, "archive", o.file), `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escText(o.title)}_建议提案办理_武汉市科学技术局</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<div class="wrap main">
<div class="article">
<h1 class="article-title">${escText(o.title)}</h1>
<div class="article-info"><span>发布时间：${o.published}</span><span>来源：武汉市科学技术局</span></div>
<div class="article-content">
<div id="zoom">
${paras.join("\n")}
</div>
</div>
</div>
</div>
</body>
</html>
`);
}

// The index: the command line, run from www/ so that each reply's URL is its path from the
// column page (index.html, cms.html, archive/r00001.html).
const files = ["index.html", "cms.html", ...archive.replies.map((r) => `archive/${r.file}`), ...others.map((o) => `archive/${o.file}`)];
const cli = join(repo, "target", "release", "reply-widget");
try {
  execFileSync("cargo", ["build", "--quiet", "--release", "--bin", "reply-widget"], { cwd: repo, stdio: "inherit" });
} catch {
  console.error("column: cannot build the command line (cargo build --release --bin reply-widget)");
  process.exit(1);
}
const summary = execFileSync(cli, ["index", "--out", "archive/library", ...files], { cwd: www, encoding: "utf8" });

// The page's own list: the demo's replies and the archive, newest first.
const demo = [
  { file: "cms.html", title: "关于加快建设科技成果转化中试平台的提案的答复", published: "2024-07-16 10:20" },
  { file: "index.html", title: "对市政协十四届二次会议第20230314号提案的答复", published: "2023-08-22 19:35" },
];
const listed = [...demo, ...archive.replies.map((r) => ({ ...r, file: `archive/${r.file}` })), ...others.map((o) => ({ ...o, file: `archive/${o.file}` }))]
  .sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : a.file.localeCompare(b.file)));
const items = listed
  .map((r) => `          <li><a href="${esc(r.file)}">${esc(r.title)}</a><span class="date">${r.published.slice(0, 10)}</span></li>`)
  .join("\n");

// The site's masthead is the CMS template's: the same as the reply page's.
const masthead = /  <header class="masthead">[\s\S]*?<\/header>/.exec(readFileSync(join(www, "cms.html"), "utf8"))[0];

const page = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>建议提案办理 - 武汉市科学技术局</title>
  <meta name="description" content="武汉市科学技术局建议提案办理栏目：全部答复，可按词语和数值检索（演示页面，生成的答复为演示而写）。">
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="site.css">
  <!-- Not async: the column page has no reply to show early, so the reply widget's module is
       not fetched here; the embed script loads the library's own. -->
  <script type="module" src="../pkg/embed.js"></script>
</head>
<body>
  <a class="skip" href="#column">跳到正文</a>
${masthead}
  <nav class="breadcrumb wrap" aria-label="当前位置">
    <ol>
      <li><a href="index.html">首页</a></li>
      <li><a href="#">政务公开</a></li>
      <li aria-current="page">建议提案办理</li>
    </ol>
  </nav>
  <main class="wrap column" id="column">
    <h1 class="column-title">建议提案办理</h1>
    <p class="column-lede">本栏目公开本局对人大代表建议和政协委员提案的答复及办理工作情况，共 ${listed.length} 篇。在下方输入词语（如 中试平台）或数值条件（如 &gt;=100亿元、2022年）检索全部答复。</p>
    <div class="panel" data-reply-widget="library" data-index="archive/library/">
      <ul class="list">
${items}
      </ul>
    </div>
  </main>
  <footer class="footer">
    <div class="wrap">
      <p>主办：武汉市科学技术局　　本页为 reply-widget 演示页面：除两篇演示答复外，其余 ${count} 篇答复由测试生成器生成，工作方案与工作动态各一篇为演示而写，均非真实文件。</p>
    </div>
  </footer>
</body>
</html>
`;
writeFileSync(join(www, "column.html"), page);
console.log(`column: ${listed.length} replies in www/column.html; ${summary.trim()}`);
