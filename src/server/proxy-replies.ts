/*
 * How the proxy answers on its own behalf: API errors in the Talkdesk error shape ({code, message, fields}), OAuth
 * errors in the OAuth shape ({error, error_description}), both as JSON.
 */
import type { ServerResponse } from 'node:http';

/** Logged when the browser went away before the answer (nginx's convention). */
export const CLIENT_CLOSED = 499;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiError(code: string, message: string): string {
  return JSON.stringify({ code, message, fields: [] });
}

export function codeFor(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 404: return 'not_found';
    case 405: return 'method_not_allowed';
    case 414: return 'uri_too_long';
    case 431: return 'request_header_fields_too_large';
    case 502: return 'bad_gateway';
    case 504: return 'gateway_timeout';
    default: return 'error';
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(headOnly ? undefined : body);
}

/** An API error answer from an HttpError. */
export function sendApiError(res: ServerResponse, error: HttpError): number {
  sendJson(res, error.status, apiError(codeFor(error.status), error.message), error.headers);
  return error.status;
}
