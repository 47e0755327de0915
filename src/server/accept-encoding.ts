export type Encoding = 'br' | 'gzip' | 'identity';

/** The compressed encodings an Accept-Encoding header allows (q=0 refuses one). */
export function acceptedEncodings(header: string | string[] | undefined): Set<Encoding> {
  const accepted = new Set<Encoding>();
  for (const part of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if ((name === 'br' || name === 'gzip') && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}
