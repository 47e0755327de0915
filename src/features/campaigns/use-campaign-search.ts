/*
 * Reads the view's state from the URL and writes it back. Discrete changes push a history entry so Back undoes
 * them; typing in search and corrections replace the entry. A non-canonical URL (bad values, defaults spelled
 * out) is replaced by its canonical form once, and what was ignored is kept to tell the supervisor.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { CampaignFilters } from './campaign-filters';
import { parseCampaignSearch, toSearchString } from './search-params';

export interface WriteOptions {
  replace?: boolean;
}

export function useCampaignSearch() {
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

  useEffect(() => {
    if (canonical !== current) {
      navigate({ pathname: location.pathname, search: canonical, hash: location.hash }, { replace: true, state: location.state });
    }
  }, [canonical, current, navigate, location.pathname, location.hash, location.state]);

  const setFilters = useCallback(
    (next: CampaignFilters, options: WriteOptions = {}) => {
      const search = toSearchString(next);
      if (search === canonical) return;
      navigate({ pathname: location.pathname, search }, { replace: options.replace ?? false, state: location.state });
    },
    [navigate, canonical, location.pathname, location.state],
  );

  const dismissIgnored = useCallback(() => setIgnored([]), []);

  return { filters: parsed.filters, search: canonical, setFilters, ignored, dismissIgnored };
}
