// Serves the repository on 127.0.0.1 for the demo and the browser tests. No dependencies.
//   node www/serve.mjs [--port 8080] [--quiet] [--gzip] [--gz-encoding] [--root DIR]
// Every response carries a strict Content-Security-Policy, the one a bureau's page may send:
// the demo must work under it. `/` redirects to the demo page.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.argv.includes("--root")
  ? normalize(process.argv[process.argv.indexOf("--root") + 1])
  : normalize(join(fileURLToPath(new URL(".", import.meta.url)), ".."));
const args = process.argv.slice(2);
const port = Number(args[args.indexOf("--port") + 1]) || Number(process.env.PORT) || 8080;
const quiet = args.includes("--quiet");
// --gzip: compress text and wasm for clients that accept it, as a CDN does (the benchmark
// measures both ways; the tests run without).
const gzip = args.includes("--gzip");
const compressed = new Map();
// --gz-encoding: send `.gz` files as Apache's `AddEncoding x-gzip .gz` does, labelled
// `Content-Encoding: gzip`, so the browser unzips them (the embed script must notice). Else a
// `.gz` is an opaque download, as most servers send it.
const gzEncoding = args.includes("--gz-encoding");

export const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'";

// The CMS-style test pages (tests/fixtures/pages/, tests/fixtures/find/) carry what CMS templates and Word put in a
// page: inline <style> blocks, style attributes and a <base href>. A site sending this policy
// allows them (style-src 'unsafe-inline', base-uri 'self'); nothing else is relaxed. The widget
// needs neither (the demo and lab pages prove it under the strict policy above) and never
// writes a style attribute on the page's elements (the page tests check that).
export const CSP_CMS = CSP.replace("base-uri 'none'", "base-uri 'self'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

// Stricter still, for the tests: ?tt=allow enforces Trusted Types and allows the widget's policy
// by name; ?tt=deny enforces them and allows no policy.
const TRUSTED_TYPES = {
  allow: "; require-trusted-types-for 'script'; trusted-types reply-widget",
  deny: "; require-trusted-types-for 'script'; trusted-types 'none'",
};

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  // Anything a client sends must not stop the server: a malformed URL (`/%E0%A4%A`) is a 400.
  let url;
  let path;
  try {
    url = new URL(req.url, "http://127.0.0.1");
    path = normalize(join(root, decodeURIComponent(url.pathname)));
  } catch {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("bad request");
    if (!quiet) console.log(req.method, "400", req.url);
    return;
  }
  if (url.pathname === "/") {
    res.writeHead(302, { Location: "/www/" });
    return res.end();
  }
  if (!path.startsWith(root + sep) || path.includes(`${sep}.git`)) {
    res.writeHead(403);
    return res.end("forbidden");
  }
  try {
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    let body = await readFile(path);
    const cms = ["pages", "find"].some((d) => path.includes(`${sep}tests${sep}fixtures${sep}${d}${sep}`));
    const headers = {
      "Content-Type": TYPES[extname(path)] || "application/octet-stream",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": (cms ? CSP_CMS : CSP) + (TRUSTED_TYPES[url.searchParams.get("tt")] ?? ""),
    };
    const squeezable = TYPES[extname(path)] || extname(path) === ".bin";
    if (gzEncoding && extname(path) === ".gz") {
      headers["Content-Type"] = TYPES[extname(path.slice(0, -3))] || "application/octet-stream";
      headers["Content-Encoding"] = "gzip";
    } else if (gzip && squeezable && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
      const key = `${path}:${body.length}`;
      if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 6 }));
      body = compressed.get(key);
      headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("not found");
  }
  if (!quiet) console.log(req.method, url.pathname);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`reply-widget demo: http://127.0.0.1:${port}/www/`);
});
