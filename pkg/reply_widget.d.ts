/* tslint:disable */
/* eslint-disable */

/** A paragraph of the reply. */
export interface Paragraph { id: string; text: string }
/** A heading (一、 / (一) / 1. / (1)) with its paragraphs and subsections. */
export interface Section { id: string; number: string; title: string; paragraphs: Paragraph[]; children: Section[] }
export type FigureKind = "money" | "percent" | "count" | "multiple" | "year" | "date";
export type Qualifier = "nearly" | "over" | "at_least" | "about" | "under" | "since" | "end";
/** A promise (with its deadline in `by`: "2025", "2025-12") or a reported result; null when neither. */
export type Stance = "target" | "result";
/** A figure of the reply: value normalised (money in 元, percent in points), offsets in chars.
 * `paragraph` is a paragraph's id, a section's id for a figure in its heading (offsets in its
 * title), or "title" for one in the reply's title. */
export interface Figure {
    id: string; text: string; kind: FigureKind; value: number; high: number | null; date: string | null;
    unit: string | null; qualifier: Qualifier | null; section: string; paragraph: string;
    start: number; end: number; context: string;
    /** Optional in a reply given to `mount`; `indicator` and `kind` together name what is measured. */
    stance?: Stance | null; by?: string | null; indicator?: string | null;
}
/** The structured reply (docs/contract.md); `meta`, `salutation`, `preamble`, `signature` extend it. */
export interface Reply {
    title: string; published: string | null; source: string | null;
    publishedDate?: string | null; documentNumber?: string | null; signed?: string | null; sections: Section[];
    closing: Paragraph[]; figures: Figure[]; meta?: string[]; salutation?: Paragraph | null;
    preamble?: Paragraph[]; signature?: Paragraph[];
}
/** Options of a single-part mount: the reply to show is required (there is no article to read). */
export interface PartOptions { reply?: Reply; hash?: boolean; elder?: boolean; layout?: "auto" | "wide" | "compact"; onCard?: (card: FigureCard) => void }
/** A figure's card opened (`onCard`): an empty block at the card's end for the page to fill,
 * naming the figure in `data-indicator`, `data-kind`, `data-unit`, `data-position`. */
export type FigureCard = HTMLElement;
/** Options of `mount`: each part an Element or a CSS selector; every part optional. Without
 * `reply`, the article's own content is the reply (read and enhanced in place); with it, the
 * widget draws that reply in the article's place. */
export interface MountOptions extends PartOptions {
    outline?: Element | string | null; figures?: Element | string | null; article?: Element | string | null;
}



/**
 * A mounted widget. Parts mounted together are linked: filtering narrows all of them.
 */
export class Widget {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Removes every listener and observer this widget added and gives the page back exactly
     * what it had: the article its own DOM, the other hosts their own content. Calling it
     * twice is harmless.
     */
    destroy(): void;
    /**
     * Filters the outline, the figure panel and the article: a text query (`科技金融`) or a
     * figure comparison (`>=100亿元`, `<20%`, `2022年`). An empty string clears the filter.
     */
    filter(query: string): void;
    /**
     * Reads the article again (its content changed: a CMS that fills it late, a page script)
     * and mounts again with it, keeping the query. A widget given a reply just redraws it.
     */
    refresh(): void;
    /**
     * Selects a figure by id (`f13`), marking it in the article and scrolling to it, or goes to
     * a section by id (`s2-1`).
     */
    select(id: string): void;
    /**
     * Ids of the figures the current filter leaves visible, in document order.
     */
    visibleFigures(): string[];
}

/**
 * The reply bundled with the widget, structured. Its text is in the extras module (which
 * `init()` loads): after the embed script's start, `await loadExtras()` first.
 */
export function bundledReply(): Readonly<Reply>;

/**
 * Where the article is on a page whose body container is none of the known ones (the embed
 * script asks when its list finds nothing): the block of `document.body` with the page's
 * running text — sentence paragraphs, not navigation, link lists, footers or addresses — as the
 * command line finds it; `undefined` on a page without prose.
 */
export function findArticle(): Element | undefined;

/**
 * Loads the reply page's second module (`pkg/extras/`: targets and results of the figures),
 * once. `init()` resolves after it (unless given `extras: "later"`, as the embed script does:
 * then a mount loads it when the browser is idle after the first paint).
 */
export function loadExtras(): Promise<any>;

/**
 * Mounts the widget: `mount({ outline, figures, article, reply?, hash?, elder? })`. Each part is
 * an Element or a CSS selector; every part is optional, parts mounted together are linked.
 * Without `reply` the article's own content is read as the reply and enhanced in place; with
 * it (`bundledReply()`, `parseReply(text)`) the widget draws that reply in the article's place.
 * `hash: false` leaves `location.hash` alone; `elder: true` starts in large-text mode (适老化),
 * otherwise the reader's stored choice.
 */
export function mount(options: MountOptions): Widget;

/**
 * The page marked nothing (the embed script's one-line mode): mounts on its article and puts
 * a compact outline-and-figures bar just before it. `mountPage({ article, hash?, elder? })`;
 * what it adds, `destroy()` removes.
 */
export function mountPage(options: { article: Element | string; hash?: boolean; elder?: boolean; onCard?: (card: FigureCard) => void }): Widget;

/**
 * Reads the reply an element of the page shows, as `mount` does without a `reply` (and as
 * `reply-widget parse page.html` does on the command line): a frozen plain object.
 */
export function parseArticle(el: Element | string): Readonly<Reply>;

/**
 * Parses the plain text of a reply into the structured reply (title, sections, closing,
 * figures): a frozen plain object (copy it with `structuredClone` to edit). Any text is
 * accepted; a non-string throws.
 */
export function parseReply(text: string): Readonly<Reply>;

/**
 * Mounts the figure panel alone (with its own searchbox): `renderFigurePanel(el, { reply, hash? })`.
 */
export function renderFigurePanel(el: Element | string, options: PartOptions | undefined): Widget;

/**
 * Mounts the outline alone (with its searchbox): `renderOutline(el, { reply, hash? })`.
 */
export function renderOutline(el: Element | string, options: PartOptions | undefined): Widget;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_widget_free: (a: number, b: number) => void;
    readonly bundledReply: () => [number, number, number];
    readonly findArticle: () => [number, number, number];
    readonly loadExtras: () => any;
    readonly mount: (a: any) => [number, number, number];
    readonly mountPage: (a: any) => [number, number, number];
    readonly parseArticle: (a: any) => [number, number, number];
    readonly parseReply: (a: any) => [number, number, number];
    readonly renderFigurePanel: (a: any, b: any) => [number, number, number];
    readonly renderOutline: (a: any, b: any) => [number, number, number];
    readonly widget_destroy: (a: number) => void;
    readonly widget_filter: (a: number, b: any) => [number, number];
    readonly widget_refresh: (a: number) => [number, number];
    readonly widget_select: (a: number, b: any) => [number, number];
    readonly widget_visibleFigures: (a: number) => [number, number, number, number];
    readonly wasm_bindgen_c8073bd074573ed7___convert__closures_____invoke___js_sys_7ba812741bfc641c___Array__web_sys_73e27128217738de___features__gen_ResizeObserver__ResizeObserver______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_c8073bd074573ed7___convert__closures_____invoke___js_sys_7ba812741bfc641c___Array__web_sys_73e27128217738de___features__gen_ResizeObserver__ResizeObserver______true__15: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_c8073bd074573ed7___convert__closures_____invoke___web_sys_73e27128217738de___features__gen_Event__Event______true_: (a: number, b: number, c: any) => void;
    readonly wasm_bindgen_c8073bd074573ed7___convert__closures_____invoke_______true_: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __externref_drop_slice: (a: number, b: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
