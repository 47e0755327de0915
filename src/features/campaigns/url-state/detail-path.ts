/*
 * Where a campaign's detail panel lives: `/campaigns/:id`, over the list of the same query (the router's route in
 * src/app/app.tsx). The server draws that list for such a link, and sends the panel's request early with the list's.
 */

const DETAIL_PATH = /^\/campaigns\/([^/]+)$/;

export function isDetailPath(pathname: string): boolean {
  return DETAIL_PATH.test(pathname);
}

/** The campaign id in a detail path, as the router reads it (decoded); null for other paths, or one that cannot be. */
export function campaignIdOfPath(pathname: string): string | null {
  const segment = DETAIL_PATH.exec(pathname)?.[1];
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
