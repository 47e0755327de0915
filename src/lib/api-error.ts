import * as z from 'zod/mini';

/** Talkdesk's documented error body; `code` values are undocumented, so handling keys on the HTTP status. */
export const apiErrorBodySchema = z.object({
  code: z.optional(z.string()),
  message: z.optional(z.string()),
  description: z.optional(z.string()),
  fields: z.optional(z.array(z.object({ name: z.string(), description: z.string() }))),
});

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

export interface ApiFieldError {
  name: string;
  description: string;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | null;
  readonly fields: ApiFieldError[];
  /** From a 429/503 Retry-After header, in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(init: { kind: ApiErrorKind; message: string; status?: number | null; fields?: ApiFieldError[]; retryAfterMs?: number | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.fields = init.fields ?? [];
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Worth trying again later: rate limits, server trouble, the network. Not 4xx answers about the request. */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    return this.status === 429 || (this.status !== null && this.status >= 500);
  }
}

/** The message a supervisor sees for an error: specific to what went wrong, never a stack trace. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong while loading campaigns.';
  switch (error.kind) {
    case 'network':
      return 'Could not reach Talkdesk. Check your connection.';
    case 'timeout':
      return 'Talkdesk took too long to answer.';
    case 'invalid-response':
      // Set where the answer was read: unreadable JSON and a shape the dashboard does not know say different things.
      return error.message;
    case 'http':
      break;
  }
  if (error.status === 429) return 'Too many requests to Talkdesk right now.';
  if (error.status === 502 || error.status === 503 || error.status === 504) return `Talkdesk is unavailable (${error.status}). ${error.message}`.trim();
  return error.message;
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
