/**
 * Domain errors carry a stable code and a hint for the user; the edge maps codes to HTTP statuses,
 * the CLI prints `message` and `hint`, the site shows them.
 */
export type ErrorCode =
  | 'image/empty'
  | 'image/unsupported'
  | 'image/corrupt'
  | 'image/too-large'
  | 'class/unknown'
  | 'class/ambiguous'
  | 'model/unknown'
  | 'model/not-ready'
  | 'model/prepare'
  | 'model/check-failed'
  | 'options/invalid'
  | 'aborted';

export class GradlensError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'GradlensError';
    this.code = code;
    this.hint = hint;
  }
}

export function isGradlensError(error: unknown): error is GradlensError {
  return error instanceof GradlensError;
}
