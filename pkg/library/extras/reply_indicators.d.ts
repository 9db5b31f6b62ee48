/* tslint:disable */
/* eslint-disable */

/**
 * The library module's CSV downloads of the view shown (not a public API):
 * `indicatorCsv({ index, key, promises })` downloads every value of the indicator, or its
 * 承诺追踪 (`promises: true`), from the files the view read; false if they are not here.
 */
export function indicatorCsv(options: any): boolean;

/**
 * An indicator's values in other replies of the archive, for a figure's card on a reply page:
 * `indicatorValues({ index, indicator, kind, unit?, position?, text?, page?, element? })` →
 * a Promise of at most 8 values (`{ text, value, high, unit, kind, stance, by, reported, title,
 * url, link, context }`, the newest reply first; `link` goes to the figure in its reply's page),
 * of the same kind and unit, not of the page's own reply (the value at `position` with `text`
 * whose address is `page`, by default `location.href`). An option missing is read from the
 * element's `data-…` attributes (the card's block of the widget's `onCard` carries
 * `data-indicator`, `data-kind`, `data-unit`, `data-position`). With `element`, they are drawn into it
 * (同一指标在其他答复中), or one quiet line when the index cannot answer; the Promise then
 * resolves with no values, it never rejects for a missing or unreadable index. The library
 * module's `indicatorValues` is this one, loaded on first call.
 */
export function indicatorValues(options: { index: string; indicator: string; kind?: string; unit?: string | null; position?: number; text?: string; page?: string; element?: Element }): Promise<object[]>;

/**
 * The library module's indicator view (not a public API): `indicatorView({ index, key, limit,
 * manifest? })` → a Promise of `[status, element, why]`: the status line and a detached
 * element holding the view (its first `limit` rows), or `["", null, why]` when the index cannot
 * be read (the library then says why, as for its own files). `manifest`: the bytes of the
 * manifest the library read (not fetched again).
 */
export function indicatorView(options: any): Promise<[string, Element | null, string | null]>;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly indicatorCsv: (a: any) => number;
    readonly indicatorValues: (a: any) => [number, number, number];
    readonly indicatorView: (a: any) => [number, number, number];
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___alloc_364ef1ffeae73c51___string__String__wasm_bindgen_61971e8a6a07cc88___JsValue__alloc_364ef1ffeae73c51___string__String______true_: (a: number, b: number, c: number, d: number, e: any, f: number, g: number) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___js_sys_c814443a675af1ef___Function_fn_wasm_bindgen_61971e8a6a07cc88___JsValue_____wasm_bindgen_61971e8a6a07cc88___sys__Undefined___js_sys_c814443a675af1ef___Function_fn_wasm_bindgen_61971e8a6a07cc88___JsValue_____wasm_bindgen_61971e8a6a07cc88___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke_______true_: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
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
