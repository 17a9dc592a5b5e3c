/** Structured logs: one JSON object a line, always carrying the request id. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  (level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, errorMessage: error.message, stack: error.stack };
  return { error: String(error) };
}

/**
 * A logger bound to one request.
 *
 * @example
 * const log = requestLogger('3f1c…');
 * log('info', 'result stored', { id });
 */
export function requestLogger(requestId: string): Logger {
  return (level, message, fields = {}) => {
    const { error, ...rest } = fields;
    const line = JSON.stringify({
      time: new Date().toISOString(),
      level,
      message,
      requestId,
      ...rest,
      ...(error === undefined ? {} : errorFields(error)),
    });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
}
