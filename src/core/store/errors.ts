/** Something about the case store the officer must act on; the message names the file or case. */
export class CaseStoreError extends Error {
  override readonly name: string = 'CaseStoreError';
}

/**
 * The database was written by a newer Auskunft. Opening it anyway would risk writing rows the newer
 * schema forbids, so the store refuses before touching anything.
 */
export class CaseStoreTooNewError extends CaseStoreError {
  override readonly name: string = 'CaseStoreTooNewError';

  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${file}: the case store has schema version ${found}, but this version of Auskunft knows only up to ${supported}. ` +
        'Update Auskunft to open it; the file was not changed.',
    );
  }
}

/** The file cannot be read: wrong or missing key, or not an Auskunft case store at all. */
export class CaseStoreUnreadableError extends CaseStoreError {
  override readonly name: string = 'CaseStoreUnreadableError';

  constructor(
    readonly file: string,
    readonly encrypted: boolean,
  ) {
    super(
      encrypted
        ? `${file}: cannot read the case store with this key (wrong key, or the file is not encrypted).`
        : `${file}: cannot read the case store (it is encrypted and needs a key, or it is not a database).`,
    );
  }
}

/** A case id that names no case in this store. */
export class CaseNotFoundError extends CaseStoreError {
  override readonly name: string = 'CaseNotFoundError';

  constructor(readonly caseId: string) {
    super(`no case ${caseId} in the case store`);
  }
}
