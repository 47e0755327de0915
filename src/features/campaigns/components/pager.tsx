import { useId } from 'react';
import { PAGE_SIZES, type PageSize } from '../url-state/campaign-filters';
import { formatCount } from '../format/format';
import { shownRange } from '../url-state/paging';
import styles from './pager.module.css';

interface PagerProps {
  page: number;
  perPage: PageSize;
  total: number | null;
  totalPages: number | null;
  rowCount: number;
  /** Moves relative to the latest page, so quick clicks add up instead of repeating one target. */
  onPageChange: (to: (page: number) => number) => void;
  onPerPageChange: (perPage: PageSize) => void;
}

export function Pager(props: PagerProps) {
  const sizeId = useId();
  const { page, total, totalPages } = props;
  const known = total !== null && totalPages !== null;
  const lastPage = Math.max(1, totalPages ?? 1);
  const range = shownRange(page, props.perPage, total ?? 0, props.rowCount);
  return (
    <nav className={styles.pager} aria-label="Pagination">
      <p className={styles.range}>
        {known ? `Showing ${formatCount(range.first)}–${formatCount(range.last)} of ${formatCount(total)}` : '\u00a0'}
      </p>
      <div className={styles.size}>
        <label htmlFor={sizeId}>Rows per page</label>
        <select id={sizeId} value={props.perPage} onChange={(e) => props.onPerPageChange(Number(e.target.value) as PageSize)}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.buttons}>
        <button type="button" aria-label="First page" title="First page" disabled={page <= 1} onClick={() => props.onPageChange(() => 1)}>
          <span aria-hidden="true">«</span>
        </button>
        <button type="button" aria-label="Previous page" title="Previous page" disabled={page <= 1} onClick={() => props.onPageChange((current) => current - 1)}>
          <span aria-hidden="true">‹</span>
        </button>
        <span className={styles.position}>{known ? `Page ${formatCount(page)} of ${formatCount(lastPage)}` : `Page ${formatCount(page)}`}</span>
        <button
          type="button"
          aria-label="Next page"
          title="Next page"
          disabled={!known || page >= lastPage}
          onClick={() => props.onPageChange((current) => current + 1)}
        >
          <span aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          aria-label="Last page"
          title="Last page"
          disabled={!known || page >= lastPage}
          onClick={() => props.onPageChange(() => lastPage)}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
    </nav>
  );
}
