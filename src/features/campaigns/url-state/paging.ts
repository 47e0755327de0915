/** The page to show when the server says there are `totalPages`: never past the end, never below 1. */
export function clampPage(page: number, totalPages: number): number {
  if (totalPages < 1) return 1;
  return Math.min(Math.max(1, page), totalPages);
}

/** "Showing a–b of N": 1-based positions of the first and last row of a page; 0–0 when there is nothing. */
export function shownRange(page: number, perPage: number, total: number, rowCount: number): { first: number; last: number } {
  if (total === 0 || rowCount === 0) return { first: 0, last: 0 };
  const first = (page - 1) * perPage + 1;
  return { first, last: first + rowCount - 1 };
}
