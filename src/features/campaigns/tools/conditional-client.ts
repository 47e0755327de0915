/*
 * An HTTP client that asks again conditionally: it remembers the ETag and body of each URL's last answer and sends
 * If-None-Match, so an unchanged answer costs a 304 with no body, and it hands back the body it remembered. The
 * refresh's requests go through it; everything else (token, renewal, errors) is the wrapped client's. They leave
 * through the page's fetch, the app's client's own transport; the browser's cache cannot do this for us, since the
 * proxy marks API answers `no-store`.
 */
import type { HttpClient } from '../../../lib/http-client';

/** A view's page and its need-action count: the few URLs one refresh asks for, with room for a view or two before. */
const REMEMBERED_ANSWERS = 6;

export function createConditionalClient(client: HttpClient): HttpClient {
  const answers = new Map<string, { etag: string; body: unknown }>();
  return {
    async getJson(path, options = {}) {
      const url = `${path}?${options.query?.toString() ?? ''}`;
      const last = answers.get(url);
      let answer: Response | undefined;
      let body: unknown;
      try {
        body = await client.getJson(path, {
          ...options,
          fetch: async (input, init) => {
            const headers = new Headers(init?.headers);
            if (last) headers.set('If-None-Match', last.etag);
            answer = await fetch(input, { ...init, headers });
            return answer;
          },
        });
      } catch (error) {
        // Not ok to the wrapped client, which had no body to read: the one remembered is still the answer.
        if (last && answer?.status === 304) return last.body;
        throw error;
      }
      answers.delete(url);
      const etag = answer?.headers.get('ETag');
      if (etag) {
        answers.set(url, { etag, body });
        // The oldest first: a Map keeps insertion order.
        for (const old of answers.keys()) {
          if (answers.size <= REMEMBERED_ANSWERS) break;
          answers.delete(old);
        }
      }
      return body;
    },
  };
}
