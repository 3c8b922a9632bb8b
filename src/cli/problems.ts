/** A problem the CLI reports as one line: the file, the field, and what is expected. */
export class CliProblem extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${file}: ${field === '(file)' ? '' : `${field} `}${expected}`);
    this.name = 'CliProblem';
  }
}

/** Several problems found in one pass, so staff can fix them all at once. */
export class CliProblems extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'CliProblems';
  }
}
