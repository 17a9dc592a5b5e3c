/**
 * The site's client for the gradlens HTTP API (`/api/v1`, same origin). Errors arrive as problem
 * JSON (`{ title, detail, code, hint }`) and become `ApiError`s the page can show.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetchFn?: typeof fetch;
  /** A request that takes longer fails with code `timeout` instead of spinning forever. */
  timeoutMs?: number;
}

export type Fields = Record<string, string | number | boolean | undefined>;

export function createApiClient(options: ApiClientOptions = {}) {
  const base = options.baseUrl ?? '/api/v1';
  const timeoutMs = options.timeoutMs ?? 90_000;
  const fetchFn = options.fetchFn ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(path: string, init?: RequestInit): Promise<T> {
    let response: Response;
    const signal = init?.signal ?? AbortSignal.timeout(timeoutMs);
    try {
      response = await fetchFn(base + path, { ...init, signal, headers: { accept: 'application/json', ...init?.headers } });
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') {
        throw new ApiError(0, 'timeout', `The server did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'Try again in a moment, or compute in the browser.');
      }
      throw new ApiError(0, 'network', 'The server cannot be reached.', 'Check your connection; computing in the browser still works.');
    }
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) throw problemToError(response.status, body);
    if (body === null) throw new ApiError(response.status, 'api/bad-response', 'The server sent an unexpected response.');
    return body as T;
  }

  /** Sends an image and options as multipart form data: `image` plus one field per option. */
  function postImage<T>(path: string, image: Blob, fields: Fields = {}): Promise<T> {
    const form = new FormData();
    form.append('image', image, 'image.png');
    for (const [name, value] of Object.entries(fields)) {
      if (value !== undefined) form.append(name, String(value));
    }
    return request<T>(path, { method: 'POST', body: form });
  }

  return {
    request,
    postImage,
    get: <T>(path: string) => request<T>(path),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function problemToError(status: number, body: unknown): ApiError {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof problem[key] === 'string' ? (problem[key] as string) : undefined);
  const message = text('detail') ?? text('title') ?? text('message') ?? `The server answered HTTP ${status}.`;
  const code = text('code') ?? (status === 429 ? 'rate-limited' : status === 404 ? 'not-found' : `http/${status}`);
  return new ApiError(status, code, message, text('hint'));
}

export const api = createApiClient();
