/* tslint:disable */
/* eslint-disable */

/**
 * Each figure's stance, deadline and indicator, for a reply given as the contract's JSON (the
 * page module's `reply_core::json::reply`): an array with one `[stance, by, indicator]` per
 * figure, in the reply's order, each a string or null (`["target", "2025", "技术合同成交额"]`).
 * A reply that cannot be read throws an `Error` naming the field.
 */
export function annotate(json: string): Array<any>;

/**
 * The text of the reply bundled with the widget (`reply_core::BUNDLED_TEXT`): the page
 * module's `bundledReply()` parses it.
 */
export function bundledText(): string;

/**
 * The money chart's markup (`reply_web::chart::draw`) of the held reply `id`, for the figures
 * the filter leaves (`shown`: their indices), `selected` (-1: none) marked; `badges`: the
 * panel shows targets and results.
 */
export function chart(id: number, shown: Uint32Array | number[], selected: number, badges: boolean): string;

/**
 * The citation of figure `figure` of the held reply `id` (`reply_core::export::citation`).
 */
export function cite(id: number, figure: number): string;

/**
 * The export of the figures `shown` (indices) of the held reply `id`: CSV (inert in a
 * spreadsheet, `reply_core::export::csv`) or JSON.
 */
export function exportFigures(id: number, shown: Uint32Array | number[], csv: boolean): string;

/**
 * Keeps a mount's reply (the contract's JSON, with its stances) for what a tap asks of this
 * module: the chart, the exports, the citations. Returns its id; the page module gives it
 * back with [`release`] when the mount goes or its reply changes.
 */
export function hold(json: string): number;

/**
 * Reads a reply object given from JS (`mount({ reply })`), as the page module did before the
 * split: every field checked and a bad one named by its path (`options.reply.figures[3].end:
 * expected a whole number of chars`), nesting limited and cycles refused, then validated
 * (`reply_core::model::validate`) and annotated. Returns the reply as a fresh plain object of
 * the contract's shape (one `JSON.parse` of `reply_core::json`), which the page module reads
 * without checking again.
 */
export function readReply(reply: any, path: string): any;

/**
 * Forgets a reply [`hold`] kept.
 */
export function release(id: number): void;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly annotate: (a: any) => [number, number, number];
    readonly bundledText: () => [number, number];
    readonly chart: (a: number, b: number, c: number, d: number, e: number) => [number, number, number, number];
    readonly cite: (a: number, b: number) => [number, number, number, number];
    readonly exportFigures: (a: number, b: number, c: number, d: number) => [number, number, number, number];
    readonly hold: (a: any) => [number, number, number];
    readonly readReply: (a: any, b: any) => [number, number, number];
    readonly release: (a: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
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
