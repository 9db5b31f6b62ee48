// Benchmark page: the widget and the stack a webmaster would paste instead (tocbot for the
// outline, mark.js for highlighting, a few lines hiding outline entries), on the same text.
import init, * as rw from "../../pkg/reply_widget.js";

const now = () => performance.now();
const layout = () => document.body.getBoundingClientRect().height; // forces style and layout

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The text as the static HTML a CMS would hold: headings (with ids, for tocbot), paragraphs. */
function staticHtml(root, text) {
  root.textContent = "";
  let n = 0;
  for (const line of text.split("\n")) {
    const s = line.trim();
    if (!s) continue;
    const top = /^[一二三四五六七八九十百]+、/.test(s);
    const sub = /^[(（][一二三四五六七八九十]+[)）]/.test(s);
    const el = document.createElement(top ? "h2" : sub ? "h3" : "p");
    if (top || sub) el.id = "h" + n++;
    el.textContent = s;
    root.appendChild(el);
  }
}

/** Each query typed into the widget `rounds` times, cleared after each round: ms per keystroke. */
function keystrokes(w, queries, rounds) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = now();
      w.filter(q);
      layout();
      times.push(now() - t);
    }
    w.filter("");
  }
  return times;
}

window.bench = {
  async init() {
    const t = now();
    await init();
    return now() - t;
  },

  widget(text, queries, rounds) {
    const t = now();
    const reply = rw.parseReply(text);
    const w = rw.mount({ outline: "#o", figures: "#f", article: "#a", reply, hash: false });
    layout();
    const mount = now() - t;
    const times = keystrokes(w, queries, rounds);
    const marks = (() => { w.filter(queries[queries.length - 1]); return document.querySelector("#a").shadowRoot.querySelectorAll("mark").length; })();
    w.destroy();
    return { mount, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length, marks, sections: reply.sections.length };
  },

  // The widget as reply pages use it: no reply option, it reads the article the page holds
  // (the same static HTML the peer gets), enhances it in place and restores it on destroy.
  page(text, queries, rounds) {
    const root = document.querySelector("#page");
    staticHtml(root, text);
    layout();
    const t = now();
    const w = rw.mount({ outline: "#o", figures: "#f", article: "#page", hash: false });
    layout();
    const mount = now() - t;
    const times = keystrokes(w, queries, rounds);
    w.filter(queries[queries.length - 1]);
    const marks = root.querySelectorAll("mark").length;
    w.destroy();
    root.textContent = "";
    return { mount, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length, marks };
  },

  peer(text, queries, rounds) {
    let t = now();
    const root = document.querySelector("#peer");
    staticHtml(root, text);
    tocbot.init({ tocSelector: "#toc", contentSelector: "#peer", headingSelector: "h2, h3", scrollSmooth: false });
    const marker = new Mark(root);
    const links = [...document.querySelectorAll("#toc a")];
    const sectionText = links.map((a) => {
      const h = document.getElementById(a.getAttribute("href").slice(1));
      let s = h ? h.textContent : "";
      for (let e = h && h.nextElementSibling; e && !/^H[23]$/.test(e.tagName); e = e.nextElementSibling) s += e.textContent;
      return s;
    });
    layout();
    const mount = now() - t;
    const times = [];
    const run = (q) => {
      marker.unmark();
      if (q) marker.mark(q, { separateWordSearch: false, diacritics: false });
      links.forEach((a, i) => { a.parentElement.hidden = q !== "" && !sectionText[i].includes(q); });
    };
    for (let r = 0; r < rounds; r++) {
      for (const q of queries) {
        t = now();
        run(q);
        layout();
        times.push(now() - t);
      }
      run("");
    }
    run(queries[queries.length - 1]);
    const marks = root.querySelectorAll("mark").length;
    run("");
    tocbot.destroy();
    root.textContent = "";
    return { mount, p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length, marks, sections: links.length };
  },
};
document.documentElement.dataset.ready = "1";
