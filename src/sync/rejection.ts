/** A refusal of a feed version for what it is (unsigned, rolled back, invalid), as opposed to a passing failure. */
export class Rejection extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}
