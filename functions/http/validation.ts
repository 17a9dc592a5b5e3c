/**
 * A failed zod validation as a 400 problem naming every offending field. The route validators (query
 * strings) and the multipart form reader (image-input.ts) share it, so both read the same.
 */
import { ProblemError } from './problem.ts';

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

/** Unknown names are echoed clipped and few: a junk body parsed as a form has thousands of megabyte-long "keys". */
const ECHO_MAX_KEYS = 5;
const ECHO_MAX_CHARS = 40;

function issueMessage(issue: ValidationIssue): string {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return issue.message;
  const clip = (key: string) => JSON.stringify(key.length > ECHO_MAX_CHARS ? `${key.slice(0, ECHO_MAX_CHARS)}…` : key);
  const shown = issue.keys.slice(0, ECHO_MAX_KEYS).map(clip).join(', ');
  const more = issue.keys.length - ECHO_MAX_KEYS;
  return `Unrecognized key${issue.keys.length === 1 ? '' : 's'}: ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}

export function validationProblem(issues: ValidationIssue[]): ProblemError {
  const detail = issues
    .map((i) => {
      const where = i.path.map(String).join('.') || 'request';
      const message = issueMessage(i);
      // Limit messages name their parameter already ("samples must be …").
      return message.startsWith(`${where} `) ? message : `${where}: ${message}`;
    })
    .join('; ');
  return new ProblemError(400, detail);
}

/** The `defaultHook` of the OpenAPI apps. */
export function validationHook(result: { success: boolean; error?: { issues: ValidationIssue[] } }) {
  if (!result.success && result.error) throw validationProblem(result.error.issues);
}
