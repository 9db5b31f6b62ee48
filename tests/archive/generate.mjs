// Generates a test archive of replies (答复) as a government CMS publishes them: one HTML page per
// reply and the column page 建议提案办理 listing them all, newest first. The text is invented from
// the pools in pools.mjs; the same seed always gives byte-identical files.
//   node tests/archive/generate.mjs --count N --out DIR [--seed S] [--pagefind-body]
// Writes DIR/r00001.html … DIR/rNNNNN.html, DIR/index.html, DIR/style.css and DIR/archive.json
// (what was generated: per reply its title, date and topics, and totals a benchmark can check
// search results against). Reply k is the same whatever N is: an archive of 100 is the first 100
// replies of an archive of 10,000.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUREAUS, CPPCC_GROUPS, GENERIC, GENERIC_SUBSECTIONS, GIVEN, NEXT_GENERIC, NOTICES, NPC_GROUPS, POLICIES, SURNAMES,
  THANKS, TOPICS,
} from "./pools.mjs";

export const DEFAULT_SEED = "reply-widget";
const SITE = "武汉市人民政府";
const COLUMN = "建议提案办理";
/** Chance that an 亿元 figure of ordinary scale is drawn from the tail (100 – 3000 亿元): tuned so
 * that about 3–4% of replies have a figure >= 100亿元. */
const TAIL = 0.004;

// ---------- random numbers ----------

/** FNV-1a of a string: seeds the generator of one reply from (seed, number). */
function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function rngFrom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  /** An index drawn by weight. */
  const weighted = (ws) => {
    let r = next() * ws.reduce((a, b) => a + b, 0);
    for (let i = 0; i < ws.length; i++) if ((r -= ws[i]) < 0) return i;
    return ws.length - 1;
  };
  /** Uniform on a log scale: values spread evenly over orders of magnitude. */
  const logUniform = (lo, hi) => Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo)));
  /** A draw pile: items without repetition until the pile is empty. */
  const deck = (xs) => {
    const d = [...xs];
    for (let i = d.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [d[i], d[j]] = [d[j], d[i]];
    }
    return d;
  };
  return { next, int, pick, chance, weighted, logUniform, deck };
}

// ---------- numbers as the genre writes them ----------

const CN = "零一二三四五六七八九十";
/** Chinese numerals 1 … 99 (section numbers, sessions). */
function cn(n) {
  if (n <= 10) return CN[n];
  const t = Math.floor(n / 10), o = n % 10;
  return (t === 1 ? "" : CN[t]) + "十" + (o ? CN[o] : "");
}
const QUARTERS = ["第一季度", "第二季度", "第三季度", "第四季度"];

/** A number with at most `d` decimals, trailing zeros dropped (12.5, not 12.50). */
function num(v, d) {
  return String(Number(v.toFixed(d)));
}

/** Rounds to 1–2 significant digits, as round sums are written (3000万元, 45亿元). */
function roundish(v, digits) {
  const p = 10 ** Math.max(0, Math.floor(Math.log10(v)) - digits + 1);
  return Math.max(p, Math.round(v / p) * p);
}

/** The names of invented people: several hundred surname + given-name pairs, fixed for every seed. */
const NAMES = (() => {
  const r = rngFrom(hash32("names"));
  const set = new Set();
  while (set.size < 600) set.add(r.pick(SURNAMES) + r.pick(GIVEN));
  return [...set];
})();

/**
 * The figure maker of one reply: each method returns the text of a figure (money, percent,
 * count, multiple, year, date) and records money values so the archive's totals can be counted.
 * `ctx.date` is the reply's date: years and months written in the text lie before it.
 */
function figureMaker(r, ctx) {
  const Y = ctx.date.y;
  /** Money: records its value in 元 and whether a qualifier puts it below the written number. */
  const money = (value, below) => {
    ctx.money.push({ value, below });
  };
  /** A qualifier around a count or a sum, about one time in `p`. */
  const qualify = (n, unit, p) => {
    if (!r.chance(p)) return { text: n + unit, below: false };
    switch (r.int(0, 5)) {
      case 0: return { text: `近${n}${unit}`, below: true };
      case 1: return { text: `超过${n}${unit}`, below: false };
      case 2: return { text: `约${n}${unit}`, below: false };
      case 3: return { text: `${n}${unit}以上`, below: false };
      case 4: return { text: `${n}${unit}左右`, below: false };
      default: return /^\d+0$/.test(n) ? { text: `${n}余${unit}`, below: false } : { text: `不足${n}${unit}`, below: true };
    }
  };
  const f = {
    /** 亿元, of every order of magnitude: mode "small" (0.2–8 亿) or "plain" (small, no qualifier). */
    yi(mode) {
      let v, text;
      const x = r.next();
      if (!mode && x < 0.001) {
        v = r.logUniform(1, 3);
        text = `${num(v, 2)}万亿元`;
        money(Number(num(v, 2)) * 1e12, false);
        return text;
      }
      if (!mode && x < 0.001 + TAIL) v = r.logUniform(100, 3000);
      else if (mode) v = r.logUniform(0.2, 8);
      else v = r.logUniform(0.3, 60);
      const d = v < 1 ? 2 : r.pick([0, 1, 2, 2]);
      const n = d === 0 && v >= 10 && r.chance(0.3) ? String(roundish(v, 1)) : num(v, d);
      const q = qualify(n, "亿元", mode === "plain" ? 0 : 0.15);
      money(Number(n) * 1e8, q.below);
      return q.text;
    },
    /** 万元, between lo and hi 万. */
    wan(lo, hi) {
      const v = r.logUniform(lo, hi);
      const n = r.chance(0.6) ? String(roundish(v, r.int(1, 2))) : num(v, r.pick([0, 0, 1, 2]));
      money(Number(n) * 1e4, false);
      return `${n}万元`;
    },
    /** 元, between lo and hi: per person or per month sums. */
    yuan(lo, hi) {
      const n = Math.max(50, Math.round(r.logUniform(lo, hi) / 50) * 50);
      money(n, false);
      return `${n}元`;
    },
    /** Money of any scale. */
    money() {
      const k = r.weighted([10, 50, 40]);
      return k === 0 ? f.yuan(200, 5000) : k === 1 ? f.wan(10, 9000) : f.yi();
    },
    /** A percentage between lo and hi with d decimals; the template writes any qualifier. */
    pct(lo, hi, d = 0) {
      return `${(lo + r.next() * (hi - lo)).toFixed(d)}%`;
    },
    /** A range of percentages: 6%-10%, 6%至10%. */
    pctRange(lo, hi) {
      const a = lo ?? r.int(1, 10), b = hi ?? a + r.int(2, 10);
      return r.pick([`${a}%-${b}%`, `${a}%-${b}%`, `${a}%至${b}%`, `${a}%—${b}%`]);
    },
    /** A count with its measure word (537项, 300余项, 近50家, 8至10家), log-spread between lo and hi. */
    count(unit, lo, hi) {
      let v = Math.min(hi, Math.floor(r.logUniform(lo, hi + 1)));
      if (r.chance(0.05) && v >= 3) return `${v}至${v + r.int(1, Math.max(2, Math.round(v / 4)))}${unit}`;
      if (v >= 30 && r.chance(0.3)) v = roundish(v, 1);
      return qualify(String(v), unit, 0.2).text;
    },
    /** A count with no qualifier. */
    exact(unit, lo, hi) {
      return `${r.int(lo, hi)}${unit}`;
    },
    /** A count range: 8至10家. */
    range(unit, lo, hi) {
      const a = r.int(lo, hi - 1);
      return `${a}至${r.int(a + 1, hi)}${unit}`;
    },
    /** A multiple: 近4倍, 1.5倍, 2倍以上. */
    times() {
      const v = r.logUniform(1.2, 8);
      return r.pick([`近${Math.ceil(v)}倍`, `${num(v, 1)}倍`, `${Math.floor(v) + 1}倍以上`, `${num(v, 1)}倍`]);
    },
    /** A year before the reply's (back years, default 1–3). */
    year(back) {
      return `${Y - (back ?? r.int(1, 3))}年`;
    },
    yearEnd() {
      return `${Y - r.int(1, 2)}年底`;
    },
    since() {
      return `${Y - r.int(1, 4)}年以来`;
    },
    /** A month of the reply's year before its date: 2023年4月 or 今年4月. */
    ym() {
      const m = r.int(1, Math.max(1, ctx.date.m - 1));
      return r.chance(0.3) ? `今年${m}月` : `${Y}年${m}月`;
    },
    ymEnd() {
      const m = r.int(1, Math.max(1, ctx.date.m - 1));
      return r.chance(0.4) ? `截至今年${m}月底` : `截至${Y}年${m}月底`;
    },
    /** The last quarter finished before the reply: 2023年第一季度. */
    quarter() {
      const q = Math.floor((ctx.date.m - 1) / 3) - 1;
      return q < 0 ? `${Y - 1}年${QUARTERS[3]}` : `${Y}年${QUARTERS[r.int(0, q)]}`;
    },
    /** A full date before the reply: 2023年3月12日. */
    ymd() {
      const m = r.int(1, Math.max(1, ctx.date.m - 1));
      return `${Y}年${m}月${r.int(1, 28)}日`;
    },
    /** A policy in force in the reply's year (its plan period starts at most a year later). */
    policy: () => r.pick(POLICIES.filter((p) => Number(/（(\d{4})/.exec(p)?.[1] ?? 0) <= Y + 1)),
    doc() {
      const [title, prefix] = r.pick(NOTICES);
      return `《${title}》（${prefix}〔${Y - r.int(0, 2)}〕${r.int(1, 180)}号）`;
    },
    you: "您", // "你们" for a party or a delegation: set by compose
    coBureau: () => r.pick(BUREAUS.filter((b) => b[1] !== ctx.bureau[1]))[1],
  };
  return f;
}

// ---------- one reply ----------

/** Dates as numbers of days, in UTC so that no time zone can change a file. */
const DAY = 86400000;
function ymdOf(t) {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}
const pad = (n, w = 2) => String(n).padStart(w, "0");

/** The congress of a year: CPPCC 十三届 2017–2021, 十四届 from 2022; NPC 十五届 / 十六届. */
function session(kind, y) {
  const [term, nth] = y <= 2021 ? [kind === "cppcc" ? 13 : 15, y - 2016] : [kind === "cppcc" ? 14 : 16, y - 2021];
  return { term: cn(term), nth: cn(nth) };
}

/**
 * Draws reply number `i` (from 1). `taken` holds the proposals already answered in the archive:
 * a proposal number is drawn again until it is new, so every title is unique.
 */
function draw(seed, i, taken) {
  const r = rngFrom(hash32(`${seed}:${i}`));
  const kind = r.chance(0.6) ? "cppcc" : "npc";
  const year = 2018 + r.weighted([6, 7, 8, 9, 10, 12, 13, 14]);
  let serial, key, tries = 0;
  do {
    // Proposals are numbered from 1 every year; widen the range if an archive fills it.
    const hi = tries < 40 ? (kind === "cppcc" ? 1200 : 800) : 9999;
    serial = r.int(1, hi);
    key = `${kind}${year}${serial}`;
    if (++tries > 10000) throw new Error(`no free proposal number for ${kind} ${year}`);
  } while (taken.has(key));
  taken.add(key);
  const number = `${year}${pad(serial, 4)}`;
  const bureau = r.pick(BUREAUS);
  // Signed between March and September; published 0–40 days later, in office hours.
  const signed = Date.UTC(year, 2, 1) + r.int(0, 213) * DAY;
  const published = signed + r.int(0, 40) * DAY;
  const reply = {
    i, kind, year, number, bureau, date: ymdOf(signed), published: ymdOf(published),
    time: `${pad(r.int(8, 20))}:${pad(r.int(0, 59))}`, money: [],
  };
  return { r, reply };
}

// ---------- indicators that recur across years ----------

/**
 * Indicators some topics report year after year (issue 22): the city's true value at the end of
 * each year, which replies report as results (截至2022年底，全市技术合同成交额达到…) and against
 * which earlier replies set targets (力争到2025年，全市…达到…). A reply of year Y on such a topic
 * reports the value at the end of Y-1 and promises one for Y+2, drawn around the true value
 * then (from 10% below to 20% above it), so that some targets are met and others are not.
 */
const INDICATORS = {
  科技成果转化: { name: "技术合同成交额", unit: "亿元", at: (y) => 600 * 1.17 ** (y - 2018), d: 1 },
  科技金融: { name: "科技型企业贷款余额", unit: "亿元", at: (y) => 800 * 1.19 ** (y - 2018), d: 0 },
  中试平台: { name: "中试平台", unit: "家", at: (y) => 20 + 16 * (y - 2018), d: 0 },
  高新技术企业: { name: "高新技术企业", unit: "家", at: (y) => 3500 * 1.16 ** (y - 2018), d: 0 },
  孵化器: { name: "科技企业孵化器", unit: "家", at: (y) => 150 + 11 * (y - 2018), d: 0 },
};

/**
 * Adds each indicator of the reply's topics: the result to the first paragraph of the topic's
 * first section, the target to the 下一步 paragraph. Draws from a generator of its own, so every
 * other sentence of the archive stays as it was.
 */
function indicate(reply, topics, body, closing) {
  const r = rngFrom(hash32(`indicators:${reply.i}`));
  const Y = reply.date.y;
  const targets = [];
  topics.forEach((t, k) => {
    const ind = INDICATORS[t.key];
    if (!ind || topics.indexOf(t) !== k || k >= body.length) return;
    const write = (v) => {
      const n = num(v, ind.d);
      if (ind.unit === "亿元") reply.money.push({ value: Number(n) * 1e8, below: false });
      return `${n}${ind.unit}`;
    };
    const result = `截至${Y - 1}年底，全市${ind.name}达到${write(ind.at(Y - 1) * (0.97 + 0.06 * r.next()))}。`;
    const section = body[k];
    const paras = section.paras.length ? section.paras : section.subs[0].paras;
    paras[0] = paras[0] + result;
    const by = Y + 2;
    targets.push(`力争到${by}年，全市${ind.name}达到${write(ind.at(by) * (0.9 + 0.3 * r.next()))}`);
  });
  if (targets.length) closing[0] = closing[0].replace(/。$/, `；${targets.join("；")}。`);
}

/** The paragraphs of a reply (text only) and the flavour its page is written in. */
function compose(r, reply) {
  const f = figureMaker(r, reply);
  const { kind, year, number, bureau } = reply;
  const s = session(kind, year);
  const congress = kind === "cppcc" ? `市政协${s.term}届${s.nth}次会议` : `市${s.term}届人大${s.nth}次会议`;
  const genre = kind === "cppcc" ? "提案" : "建议";
  const form = r.weighted([6, 2, 2]);
  const title = [`对${congress}第${number}号${genre}的答复`, `关于${congress}第${number}号${genre}的答复`,
    `${bureau[1]}关于${congress}第${number}号${genre}的答复`][form];
  const we = bureau[0].endsWith("委员会") ? "我委" : "我局";

  // Topics: a main one (the proposal's) and others, each by its own chance.
  const main = TOPICS[r.weighted(TOPICS.map((t) => t.weight))];
  const topics = [main, ...TOPICS.filter((t) => t !== main && r.chance(t.extra))];
  const nSections = r.int(2, 6);
  topics.length = Math.min(topics.length, nSections);
  // A long reply covers more ground: at least one topic for every two sections, drawn by the
  // same chances, so that no topic's sentences are used up (and rare topics stay rare).
  while (topics.length < Math.ceil(nSections / 2)) {
    const rest = TOPICS.filter((t) => !topics.includes(t));
    topics.push(rest[r.weighted(rest.map((t) => t.extra))]);
  }

  // Proposer: one member, several, or a party / delegation.
  const role = kind === "cppcc" ? "委员" : "代表";
  const who = r.weighted([8, 2, 1]);
  const name = r.pick(NAMES);
  const proposer = who === 0 ? `${name}${role}` : who === 1 ? `${name}等${r.int(2, 12)}位${role}` : r.pick(kind === "cppcc" ? CPPCC_GROUPS : NPC_GROUPS);
  const subject = r.pick(main.proposals);
  const you = (f.you = who === 2 ? "你们" : "您");

  // The bureau's document number (武科提〔2023〕45号), on some replies.
  const docNo = r.chance(0.2) ? `武${bureau[1][1]}${genre === "提案" ? "提" : "建"}〔${year}〕${r.int(1, 150)}号` : null;
  const salutation = `${proposer}：`;
  const head = [];
  const co = r.chance(0.35) ? `${f.coBureau()}、${f.coBureau()}` : null;
  head.push(r.pick([
    `${you}提出的《关于${subject}的${genre}》收悉。现答复如下：`,
    `${you}在${congress}上提出的《关于${subject}的${genre}》（第${number}号）收悉。经认真研究，现答复如下：`,
    `${you}提出的关于${subject}的${genre}收悉。${co ? `该${genre}由${we}主办，${co}会办。` : ""}经认真研究${co ? "并征求会办单位意见" : ""}，现将有关情况答复如下：`,
  ]));
  if (r.chance(0.5)) {
    head.push(`${you}在${genre}中提出的建议，切中了我市${main.key}发展中的关键问题，针对性强，对我们做好相关工作具有重要参考价值。${we}高度重视，${co ? `主动与${co}沟通对接，` : ""}认真研究办理。近年来，主要开展了以下工作：`);
  }

  // Sentences: each topic's templates without repetition, some generic ones mixed in.
  const decks = new Map();
  let generic = r.deck(GENERIC);
  // A topic's sentences are used once; then generic ones; only then does a sentence repeat.
  const sentence = (t) => {
    let d = decks.get(t);
    if (!d) decks.set(t, (d = r.deck(t.sentences)));
    if ((r.chance(0.12) || !d.length) && generic.length) return generic.pop()(f);
    if (!d.length) decks.set(t, (d = r.deck(t.sentences)));
    return d.pop()(f);
  };
  const sentences = (t, lo, hi) => Array.from({ length: r.int(lo, hi) }, () => sentence(t)).join("");

  const usedSections = new Set();
  const subTitles = new Map();
  const genericSubs = r.deck(GENERIC_SUBSECTIONS);
  const body = [];
  for (let k = 0; k < nSections; k++) {
    const t = topics[k % topics.length];
    const fresh = t.sections.filter((x) => !usedSections.has(x));
    const st = fresh.length ? r.pick(fresh) : `${r.pick(GENERIC_SUBSECTIONS)}，推动${t.key}工作取得实效`;
    usedSections.add(st);
    const section = { title: `${cn(k + 1)}、${st}`, paras: [], subs: [] };
    const nSubs = [0, 1, 2, 3, 4][r.weighted([20, 10, 30, 25, 15])];
    if (nSubs === 0) {
      for (let p = r.int(1, 3); p > 0; p--) section.paras.push(sentences(t, 2, 4));
    }
    for (let j = 0; j < nSubs; j++) {
      // A topic's subsection titles once each, then generic ones once each.
      let d = subTitles.get(t);
      if (!d) subTitles.set(t, (d = r.deck(t.subsections)));
      if (!d.length && genericSubs.length) d = genericSubs;
      const sub = { title: `（${cn(j + 1)}）${d.length ? d.pop() : r.pick(GENERIC_SUBSECTIONS)}。`, paras: [], list: false };
      if (r.chance(0.08)) {
        // A third level: 1． 2． items, each a short title and a sentence.
        const items = r.deck(t.subsections).slice(0, r.int(2, 3));
        sub.list = true;
        items.forEach((x, n) => sub.paras.push(`${n + 1}．${x}。${sentence(t)}`));
      } else {
        for (let p = r.int(1, 2); p > 0; p--) sub.paras.push(sentences(t, 1, 4));
      }
      section.subs.push(sub);
    }
    body.push(section);
  }

  const next = [...topics.map((t) => r.pick(t.next)), r.pick(NEXT_GENERIC)];
  const closing = [`下一步，${we}将${next.join("，")}。`, r.pick(THANKS)(topics.length > 1 || r.chance(0.5) ? bureau[2] : main.key)];
  indicate(reply, topics, body, closing);
  const { date } = reply;
  const signature = [bureau[0], `${date.y}年${date.m}月${date.d}日`];
  if (r.chance(0.4)) signature.push("（此件公开发布）");

  return {
    title, docNo, salutation, head, body, closing, signature, proposer,
    topics: topics.map((t) => t.key),
    flavour: {
      container: r.weighted([80, 12, 8]), // TRS_Editor, #zoom, .TRS_UEDITOR
      ascii: r.chance(0.12), // ASCII punctuation (,:;()) as some editors leave it
      indent: r.chance(0.3), // paragraphs indented with full-width spaces
      bold: r.chance(0.6), // headings in <strong>
      inline: r.chance(0.6), // a subsection's title opens its first paragraph
    },
  };
}

// ---------- HTML ----------

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ASCII = { "，": ",", "：": ":", "；": ";", "（": "(", "）": ")" };

/** The site's header and footer, the same on every page of the CMS. */
function header(active) {
  return `<div class="top"><div class="wrap"><span>今天是：</span><span class="top-links"><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">English</a></span></div></div>
<div class="header"><div class="wrap"><div class="logo">${SITE}</div><div class="logo-sub">政府信息公开</div></div></div>
<div class="nav"><div class="wrap"><ul>
<li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li><li${active ? ' class="on"' : ""}><a href="index.html">${COLUMN}</a></li>
</ul></div></div>`;
}
const FOOTER = `<div class="footer"><div class="wrap">
<p>主办：${SITE}办公厅　承办：${SITE}政务服务和大数据管理中心</p>
<p>建议使用1920×1080分辨率浏览本网站</p>
</div></div>`;

/** One reply as its page. `pagefindBody`: the title and the reply's container carry
 * `data-pagefind-body`, as Pagefind's documentation asks of a site (only they are indexed). */
function replyPage(reply, c, pagefindBody = false) {
  const fl = c.flavour;
  const clean = (s) => {
    return esc(fl.ascii ? s.replace(/[，：；（）]/g, (ch) => ASCII[ch]) : s);
  };
  const ind = fl.indent ? "　　" : "";
  const p = (s) => `<p>${ind}${clean(s)}</p>`;
  const h = (s) => (fl.bold ? `<p>${ind}<strong>${clean(s)}</strong></p>` : p(s));
  const lines = [`<p align="center"><strong>${esc(c.title)}</strong></p>`];
  if (c.docNo) lines.push(`<p align="right">${esc(c.docNo)}</p>`);
  lines.push(`<p>${clean(c.salutation)}</p>`); // a letter's salutation is never indented
  for (const x of c.head) lines.push(p(x));
  for (const s of c.body) {
    lines.push(h(s.title));
    for (const x of s.paras) lines.push(p(x));
    for (const sub of s.subs) {
      if (fl.inline && !sub.list) {
        lines.push(`<p>${ind}${fl.bold ? `<strong>${clean(sub.title)}</strong>` : clean(sub.title)}${clean(sub.paras[0])}</p>`);
        for (const x of sub.paras.slice(1)) lines.push(p(x));
      } else {
        lines.push(h(sub.title));
        for (const x of sub.paras) lines.push(p(x));
      }
    }
  }
  for (const x of c.closing) lines.push(p(x));
  lines.push(`<p>&nbsp;</p>`);
  for (const x of c.signature) lines.push(`<p align="right">${esc(x)}</p>`);

  const body = pagefindBody ? " data-pagefind-body" : "";
  const open = ['<div class="TRS_Editor">', '<div id="zoom">', '<div class="view TRS_UEDITOR trs_paper_default trs_word">'][fl.container].replace(/>$/, `${body}>`);
  const pub = reply.published;
  const pubDate = `${pub.y}-${pad(pub.m)}-${pad(pub.d)} ${reply.time}`;
  const source = reply.bureau[0];
  const description = c.body[0].paras[0] ?? c.body[0].subs[0].paras[0];
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(c.title)}_${COLUMN}_${SITE}</title>
<meta name="SiteName" content="${SITE}">
<meta name="ColumnName" content="${COLUMN}">
<meta name="ColumnType" content="建议提案办理结果">
<meta name="ArticleTitle" content="${esc(c.title)}">
<meta name="PubDate" content="${pubDate}">
<meta name="ContentSource" content="${esc(source)}">
<meta name="Keywords" content="${esc(c.topics.join(","))}">
<meta name="Description" content="${esc(description.slice(0, 80))}">
<link rel="stylesheet" href="style.css">
</head>
<body>
${header(true)}
<div class="wrap main">
<div class="crumbs">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="index.html">${COLUMN}</a> &gt; 正文</div>
<div class="article">
<h1 class="article-title"${body}>${esc(c.title)}</h1>
<div class="article-info"><span>发布时间：${pubDate}</span><span>来源：${esc(source)}</span><span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="article-content">
${open}
${lines.join("\n")}
</div>
</div>
<div class="article-tools"><a href="#">【打印本页】</a><a href="#">【关闭窗口】</a></div>
</div>
</div>
${FOOTER}
</body>
</html>
`;
}

/** The column page: every reply, newest first. */
function indexPage(entries) {
  const items = entries.map((e) => `<li><a href="${e.file}">${esc(e.title)}</a><span class="date">${e.published.slice(0, 10)}</span></li>`);
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${COLUMN}_${SITE}</title>
<meta name="SiteName" content="${SITE}">
<meta name="ColumnName" content="${COLUMN}">
<link rel="stylesheet" href="style.css">
</head>
<body>
${header(true)}
<div class="wrap main">
<div class="crumbs">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; ${COLUMN}</div>
<div class="column">
<h2 class="column-title">${COLUMN}</h2>
<ul class="list">
${items.join("\n")}
</ul>
<div class="pages">共${entries.length}条</div>
</div>
</div>
${FOOTER}
</body>
</html>
`;
}

const STYLE = `/* The archive's look: a plain government CMS page. */
body { margin: 0; font: 16px/1.8 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #333; background: #f5f5f5; }
a { color: #333; text-decoration: none; } a:hover { color: #c00; }
.wrap { max-width: 1100px; margin: 0 auto; padding: 0 16px; }
.top { background: #eee; font-size: 13px; } .top .wrap { display: flex; justify-content: space-between; }
.header { background: #b4121b; color: #fff; padding: 20px 0; } .logo { font-size: 32px; font-weight: bold; } .logo-sub { font-size: 16px; }
.nav { background: #8f0e15; } .nav ul { display: flex; margin: 0; padding: 0; list-style: none; }
.nav a { display: block; padding: 10px 24px; color: #fff; } .nav .on a { background: #c9343c; }
.main { background: #fff; padding: 16px 32px 32px; } .crumbs { font-size: 14px; color: #666; border-bottom: 1px solid #ddd; padding-bottom: 8px; }
.article-title { text-align: center; font-size: 24px; color: #b4121b; } .article-info { text-align: center; font-size: 14px; color: #888; }
.article-info span { margin: 0 12px; } .article-content p { margin: 0 0 8px; } .article-tools { text-align: right; font-size: 14px; }
.list { list-style: none; padding: 0; } .list li { display: flex; justify-content: space-between; border-bottom: 1px dashed #ddd; padding: 6px 0; }
.list .date { color: #888; flex: none; margin-left: 16px; } .column-title { color: #b4121b; border-bottom: 2px solid #b4121b; }
.footer { background: #333; color: #ccc; font-size: 13px; text-align: center; padding: 16px 0; }
`;

// ---------- the archive ----------

export const fileName = (i, count) => `r${pad(i, Math.max(5, String(count).length))}.html`;

/**
 * Writes `count` replies into `out` and returns what it wrote: { count, seed, bytes, ms, totals }.
 * Removes reply pages of an earlier, larger archive in the same folder. `pagefindBody`: mark the
 * title and the reply's container with `data-pagefind-body` (the archive benchmark's pages).
 */
export function generateArchive({ count, out, seed = DEFAULT_SEED, pagefindBody = false }) {
  const t0 = performance.now();
  mkdirSync(out, { recursive: true });
  const taken = new Set();
  const entries = [];
  const keys = TOPICS.map((t) => t.key);
  const totals = { replies: count, words: Object.fromEntries(keys.map((k) => [k, 0])), money_ge_100yi: 0, cppcc: 0, npc: 0 };
  let bytes = 0;
  const files = new Set();
  for (let i = 1; i <= count; i++) {
    const { r, reply } = draw(String(seed), i, taken);
    const c = compose(r, reply);
    const html = replyPage(reply, c, pagefindBody);
    const file = fileName(i, count);
    files.add(file);
    writeFileSync(join(out, file), html);
    bytes += Buffer.byteLength(html);
    // What the reply contains, for checking search results: the topic words in its text and
    // whether it has a sum of at least 100亿元 (近100亿元 is below).
    const text = [c.title, c.salutation, ...c.head, ...c.body.flatMap((s) => [s.title, ...s.paras, ...s.subs.flatMap((u) => [u.title, ...u.paras])]), ...c.closing].join("\n");
    const words = keys.filter((k) => text.includes(k));
    for (const k of words) totals.words[k] += 1;
    const big = reply.money.some((m) => m.value >= 1e10 && !m.below);
    if (big) totals.money_ge_100yi += 1;
    totals[reply.kind] += 1;
    const pub = reply.published;
    entries.push({
      file, title: c.title, published: `${pub.y}-${pad(pub.m)}-${pad(pub.d)} ${reply.time}`, kind: reply.kind,
      bureau: reply.bureau[0], proposer: c.proposer, words, money_ge_100yi: big, chars: [...text].length,
    });
  }
  // Newest first, as the CMS lists them; the later reply first on the same minute.
  const listed = [...entries].sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : b.file.localeCompare(a.file)));
  const index = indexPage(listed);
  writeFileSync(join(out, "index.html"), index);
  writeFileSync(join(out, "style.css"), STYLE);
  bytes += Buffer.byteLength(index);
  for (const f of readdirSync(out)) if (/^r\d+\.html$/.test(f) && !files.has(f)) unlinkSync(join(out, f));
  const marks = pagefindBody ? { pagefind_body: true } : {};
  writeFileSync(join(out, "archive.json"), JSON.stringify({ generator: "tests/archive/generate.mjs", seed: String(seed), count, ...marks, totals, replies: entries }, null, 1) + "\n");
  return { count, seed: String(seed), bytes, ms: performance.now() - t0, totals };
}

// ---------- command line ----------

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const count = Number(arg("--count"));
  const out = arg("--out");
  if (!Number.isInteger(count) || count < 1 || !out) {
    console.error("usage: node tests/archive/generate.mjs --count N --out DIR [--seed S] [--pagefind-body]");
    process.exit(1);
  }
  const res = generateArchive({ count, out, seed: arg("--seed") ?? DEFAULT_SEED, pagefindBody: args.includes("--pagefind-body") });
  const share = (n) => `${n} (${((100 * n) / count).toFixed(1)}%)`;
  console.log(`wrote ${count} replies + index.html to ${out}: ${(res.bytes / 1e6).toFixed(1)} MB in ${Math.round(res.ms)} ms (seed ${res.seed})`);
  console.log(`  政协提案 ${res.totals.cppcc}, 人大建议 ${res.totals.npc}; with a sum >= 100亿元: ${share(res.totals.money_ge_100yi)}`);
  console.log(`  ${Object.entries(res.totals.words).map(([k, n]) => `${k} ${share(n)}`).join(", ")}`);
}
