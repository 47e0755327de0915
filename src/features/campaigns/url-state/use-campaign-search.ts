/*
 * Reads the view's state from the URL and writes it back. Discrete changes push a history entry so Back undoes
 * them; typing in search and corrections replace the entry. A non-canonical URL (bad values, defaults spelled
 * out) is replaced by its canonical form once, and what was ignored is kept to tell the supervisor.
 *
 * Writes are updates applied to the LATEST URL, not to the state on screen: a change may render a task later (see
 * setFilters), so two quick changes (status, then priority) must not start the second from a stale state.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { CampaignFilters } from './campaign-filters';
import { parseCampaignSearch, toSearchString } from './search-params';
import { yieldToMain } from '../../../lib/yield-to-main';

export interface WriteOptions {
  replace?: boolean;
}

export type FiltersUpdate = (current: CampaignFilters) => CampaignFilters;

/** Views of up to this many rows render in the task of the input that changed them (see setFilters). */
const RENDER_IN_INPUT_TASK_MAX_ROWS = 50;

/**
 * `willShow` is told of each view a write is about to show, with its filters as the URL will hold them, before it
 * renders: rendering the change takes about 15 ms of the input's task with 50 rows, and the view's request need not
 * wait for it.
 */
export function useCampaignSearch(willShow?: (filters: CampaignFilters) => void) {
  const location = useLocation();
  const navigate = useNavigate();
  const parsed = useMemo(() => parseCampaignSearch(location.search), [location.search]);
  const [ignored, setIgnored] = useState<string[]>(() => parsed.ignored);
  const [reported, setReported] = useState(parsed);
  if (reported !== parsed) {
    setReported(parsed);
    if (parsed.ignored.length > 0) setIgnored(parsed.ignored);
  }

  const canonical = toSearchString(parsed.filters);
  const current = location.search.replace(/^\?/, '');
  const latestSearch = useRef(canonical);
  useLayoutEffect(() => {
    latestSearch.current = canonical;
  }, [canonical]);
  const latestWillShow = useRef(willShow);
  useLayoutEffect(() => {
    latestWillShow.current = willShow;
  });

  useEffect(() => {
    if (canonical !== current) {
      navigate({ pathname: location.pathname, search: canonical, hash: location.hash }, { replace: true, state: location.state });
    }
  }, [canonical, current, navigate, location.pathname, location.hash, location.state]);

  const setFilters = useCallback(
    (update: FiltersUpdate, options: WriteOptions = {}) => {
      const previous = parseCampaignSearch(latestSearch.current).filters;
      const next = update(previous);
      const search = toSearchString(next);
      if (search === latestSearch.current) return;
      latestSearch.current = search;
      latestWillShow.current?.(parseCampaignSearch(search).filters);
      const go = () => navigate({ pathname: location.pathname, search }, { replace: options.replace ?? false, state: location.state });
      // Replacing up to 100 rows, with their layout, can take more than 50 ms of main thread (npm run bench): such a
      // change renders in a task of its own after the input event's, so no single task blocks input that long. That
      // costs about a frame, so smaller views still render in the input's task. Writes that follow start from
      // latestSearch, already up to date.
      if (Math.max(previous.perPage, next.perPage) > RENDER_IN_INPUT_TASK_MAX_ROWS) void yieldToMain().then(go);
      else go();
    },
    [navigate, location.pathname, location.state],
  );

  const dismissIgnored = useCallback(() => setIgnored([]), []);

  return { filters: parsed.filters, search: canonical, setFilters, ignored, dismissIgnored };
}
