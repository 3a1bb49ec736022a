/** One subcommand of `wbk`: its help text and what it runs. Exit codes: 0 ok, 1 findings, 2 bad arguments. */
export interface Command {
  /** One line for `wbk --help`. */
  summary: string;
  /** The full help text for `wbk NAME --help`. */
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** An error in how the command was called; `wbk` prints its message and the usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
