// JSON files the user writes (mappings), read against a zod schema: one place that says what is wrong.
import { z } from 'zod';

/** How parseJsonAs names the input in its messages. */
export interface ParseJsonOptions {
  /** The file or argument, e.g. the mapping's path (starts every message). */
  where: string;
  /** What the input should be, after "is not", e.g. 'a valid mapping'. */
  what: string;
  /** The last line of a validation message: where the format is documented. */
  help: string;
}

/**
 * `input` (JSON text, or an already parsed value) validated against `schema`, with defaults filled
 * in. Throws "<where>: not valid JSON (…)" for text that does not parse, and "<where> is not <what>:"
 * followed by every problem with its path (zod's prettifyError) and `help` for a value that does not
 * match.
 * @example parseJsonAs('{"a": 1}', z.object({ a: z.number() }), { where: 'x.json', what: 'a valid x', help: 'See docs/x.md.' }) // { a: 1 }
 */
export function parseJsonAs<S extends z.ZodType>(
  input: unknown,
  schema: S,
  { where, what, help }: ParseJsonOptions,
): z.output<S> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new Error(
        `${where}: not valid JSON (${(error as Error).message}). Fix the syntax and retry.`,
      );
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${where} is not ${what}:\n${z.prettifyError(result.error)}\n${help}`);
  }
  return result.data;
}
