// Typed errors the commands turn into exit codes: InsufficientDataError when an extract is readable
// but too short (or too thin) for what was asked, so the command can say what is short and exit 2.

/**
 * The extract is valid but holds too little for the analysis (e.g. too few months of history for the
 * leaving-risk model). `needs` names what is short in a few words, for notes and the "not applicable"
 * status; the message says what is needed, what the extract has, and how to get further.
 * @example throw new InsufficientDataError('needs 49 months of records per person; the extract has 12 months of overtime (2024-04 to 2025-03).', '49 months of records')
 */
export class InsufficientDataError extends Error {
  constructor(
    message: string,
    /** What is short, in a few words, e.g. '49 months of records per person'. */
    readonly needs: string,
  ) {
    super(message);
    this.name = 'InsufficientDataError';
  }
}
