/* tslint:disable */
/* eslint-disable */

/**
 * The archive's search, mounted on the column page (`mountLibrary`).
 */
export class LibraryWidget {
    private constructor();
    free(): void;
    [Symbol.dispose](): void;
    /**
     * Removes the search and gives the host its own list back; fetches under way land nowhere.
     */
    destroy(): void;
    /**
     * Searches the archive as if the reader typed `query` (words, or `>=100亿元`, `2022年`).
     */
    search(query: string): void;
}

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
 * resolves with no values, it never rejects for a missing or unreadable index.
 */
export function indicatorValues(options: { index: string; indicator: string; kind?: string; unit?: string | null; position?: number; text?: string; page?: string; element?: Element }): Promise<object[]>;

/**
 * Mounts the archive's search: `mountLibrary({ element, index, elder? })`. `element` (an
 * Element or a CSS selector) holds the page's own list of replies, which stays as the fallback;
 * `index` is the URL of the folder `reply-widget index` wrote.
 */
export function mountLibrary(options: { element: Element | string; index: string; elder?: boolean }): LibraryWidget;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_librarywidget_free: (a: number, b: number) => void;
    readonly indicatorValues: (a: any) => [number, number, number];
    readonly librarywidget_destroy: (a: number) => void;
    readonly librarywidget_search: (a: number, b: any) => [number, number];
    readonly mountLibrary: (a: any) => [number, number, number];
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___alloc_364ef1ffeae73c51___string__String__wasm_bindgen_61971e8a6a07cc88___JsValue__alloc_364ef1ffeae73c51___string__String______true_: (a: number, b: number, c: number, d: number, e: any, f: number, g: number) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___js_sys_c814443a675af1ef___Function_fn_wasm_bindgen_61971e8a6a07cc88___JsValue_____wasm_bindgen_61971e8a6a07cc88___sys__Undefined___js_sys_c814443a675af1ef___Function_fn_wasm_bindgen_61971e8a6a07cc88___JsValue_____wasm_bindgen_61971e8a6a07cc88___sys__Undefined_______true_: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___web_sys_ffd4be7a219fbdc0___features__gen_Event__Event______true_: (a: number, b: number, c: any) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke_______true_: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_exn_store: (a: number) => void;
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
