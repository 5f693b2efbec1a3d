import { config, type core } from 'zod';
import { formatCount } from './formatCount.ts';

/** What a value of each JSON type is called in a message. */
const NOUNS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** A message's first word when the value is not there at all (see `isMissingIssue`). */
const REQUIRED = 'Required';

function nounOfValue(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'number') return String(input);
  if (typeof input === 'string') return input === '' ? 'empty text' : 'text';
  return NOUNS[typeof input] ?? typeof input;
}

const count = formatCount;

/**
 * zod's own words for a check a schema gives no message of its own ("Too big: expected string to
 * have <=64 characters", "Invalid input: expected number, received string"), said plainly ("At
 * most 64 characters", "Expected a number, not text"): people read them beside a field, in an
 * import's problems and on the command line. Undefined leaves zod's.
 */
export function plainMessage(issue: core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = NOUNS[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `${REQUIRED}: ${expected}`;
      // JSON has no Infinity: a number past the largest (1e309) parses as one; say so as the bounds below do, not "not Infinity".
      const wantsNumber = issue.expected === 'number' || issue.expected === 'int';
      if (wantsNumber && (issue.input === Infinity || issue.input === -Infinity)) return issue.input > 0 ? 'Too large a number' : 'Too small a number';
      return `Expected ${expected}, not ${nounOfValue(issue.input)}`;
    }
    case 'too_big': {
      if (issue.origin === 'string') return `At most ${count(issue.maximum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${count(issue.maximum)} items`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.maximum === Number.MAX_SAFE_INTEGER ? 'Too large a number' : issue.inclusive ? `At most ${count(issue.maximum)}` : `Less than ${count(issue.maximum)}`;
      return undefined;
    }
    case 'too_small': {
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'Must not be empty' : `At least ${count(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(issue.minimum) === 1 ? 'At least one item' : `At least ${count(issue.minimum)} items`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.minimum === Number.MIN_SAFE_INTEGER ? 'Too small a number' : issue.inclusive ? `At least ${count(issue.minimum)}` : `More than ${count(issue.minimum)}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Whether an issue says a field is not there at all (the input lacks it). */
export function isMissingIssue(issue: core.$ZodIssue): boolean {
  return issue.code === 'invalid_type' && issue.message.startsWith(`${REQUIRED}: `);
}

// For every schema: the core schemas import this module (see ids.ts).
config({ customError: plainMessage });
