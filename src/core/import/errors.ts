/**
 * The one error every importer throws: a sentence for the user that names where the problem is
 * (line, field or column) and what is wrong, so a bad file can be fixed without guessing.
 */
export interface ImportErrorWhere {
  /** 1-based line in the pasted text or file. */
  line?: number;
  /** JSON path, e.g. `data.options[12].option`. */
  field?: string;
  /** The CSV column the message is about (a header name, or the role we looked for). */
  column?: string;
}

export class ImportError extends Error {
  override name = 'ImportError';
  readonly where: ImportErrorWhere;

  constructor(message: string, where: ImportErrorWhere = {}) {
    super(message);
    this.where = where;
  }
}
