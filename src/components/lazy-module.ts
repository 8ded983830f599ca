/**
 * A module in a chunk of its own, imported once per page on first use and shared by every
 * element. A failed import is forgotten, so the next call fetches it again: browsers that follow
 * the HTML standard's current module map (whatwg/html#10327; Chromium does) do not keep a failed
 * fetch's result either.
 */
export interface LazyModule<T> {
  /** The module, once loaded (by any element of the page). */
  readonly module: T | undefined;
  /** The import under way, if any. */
  readonly loading: Promise<T> | undefined;
  /** Imports the module (once per page), or joins the import under way. */
  load(): Promise<T>;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    get module() {
      return module;
    },
    get loading() {
      return loading;
    },
    load: () =>
      (loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
  };
}
