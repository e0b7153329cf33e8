import type Database from 'better-sqlite3-multiple-ciphers';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * A case store connection that may only be read from. The brand is a capability, not a runtime
 * check: a function that takes a `ReadonlyDb` promises not to write, and the type system keeps a
 * read path from being handed to code that would need a write lock (docs/STYLE.md §11, after Signal's
 * `ReadableDB`/`WritableDB`).
 */
export type ReadonlyDb = Database.Database & { readonly [readableBrand]: true };

/** A case store connection that may also be written to. Every `WritableDb` is a `ReadonlyDb`. */
export type WritableDb = ReadonlyDb & { readonly [writableBrand]: true };
