/**
 * The one error chain readers throw: where (1-based line, field name) and what is wrong.
 * `message` names both, e.g. 'line 7, field "Open Interest": not a number ("abc")'.
 */
export class ChainParseError extends Error {
  override name = 'ChainParseError';
  /** 1-based line number in the file; 0 when the problem is the file as a whole. */
  readonly line: number;
  /** Column or header field concerned, e.g. 'IV', 'Date', 'Calls'; '' when none. */
  readonly field: string;
  /** What is wrong, without the location. */
  readonly problem: string;

  constructor(line: number, field: string, problem: string) {
    const where = [line > 0 ? `line ${line}` : '', field ? `field "${field}"` : '']
      .filter(Boolean)
      .join(', ');
    super(where ? `${where}: ${problem}` : problem);
    this.line = line;
    this.field = field;
    this.problem = problem;
  }
}
