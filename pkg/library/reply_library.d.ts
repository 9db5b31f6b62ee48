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
 * a Promise of at most 8 values (docs/contract.md). The lookup lives in the second module
 * (`pkg/library/extras/`), loaded on the first call: a wrong option rejects the Promise with
 * the `Error` naming it (options that are not an object throw at once).
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
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___u32__wasm_bindgen_61971e8a6a07cc88___JsValue______true_: (a: number, b: number, c: number, d: any) => void;
    readonly wasm_bindgen_61971e8a6a07cc88___convert__closures_____invoke___web_sys_39eb7ad2a79f8dfb___features__gen_Event__Event______true_: (a: number, b: number, c: any) => void;
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
