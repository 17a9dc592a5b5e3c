/**
 * RFC 9457 problem details. Every error response of the API is one of these, built by the single
 * error handler (error-handler.ts) from a thrown ProblemError, GradlensError or HTTPException.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  /** A URI reference naming the problem type; ours resolve to the API page's problem section. */
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  hint?: string;
  code?: string;
}

/** Titles and type slugs of the statuses the API answers with. */
export const PROBLEM_KINDS: Readonly<Record<number, { slug: string; title: string }>> = {
  400: { slug: 'bad-request', title: 'Bad request' },
  401: { slug: 'unauthorized', title: 'Delete token required' },
  403: { slug: 'forbidden', title: 'Wrong delete token' },
  404: { slug: 'not-found', title: 'Not found' },
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  413: { slug: 'payload-too-large', title: 'Request body too large' },
  415: { slug: 'unsupported-media-type', title: 'Not a supported image' },
  422: { slug: 'unprocessable-image', title: 'Image cannot be processed' },
  429: { slug: 'rate-limited', title: 'Too many requests' },
  // nginx's "client closed request": logged, never seen by the client that left.
  499: { slug: 'client-closed', title: 'Client closed the request' },
  500: { slug: 'internal', title: 'Internal error' },
  503: { slug: 'not-ready', title: 'Service not ready or busy' },
};

export function problemType(status: number): string {
  return `/api#problem-${PROBLEM_KINDS[status]?.slug ?? 'internal'}`;
}

/** Thrown anywhere in the edge app to answer with a problem; the error handler renders it. */
export class ProblemError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly hint?: string;
  readonly code?: string;

  constructor(status: number, detail: string, options: { headers?: Record<string, string>; hint?: string; code?: string } = {}) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.headers = options.headers ?? {};
    this.hint = options.hint;
    this.code = options.code;
  }
}

export function problemBody(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  const kind = PROBLEM_KINDS[status] ?? PROBLEM_KINDS[500];
  return { type: problemType(status), title: kind.title, status, detail, ...extra };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  });
}
