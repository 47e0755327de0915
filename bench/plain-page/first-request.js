/*
 * The plain page's first request, inlined at the top of its <head> (npm run bench inlines it): sent with the stored
 * token while the page is still being parsed, as early as any page could send it.
 */
/* global window, sessionStorage, location, fetch, URLSearchParams */
(() => {
  const params = new URLSearchParams(location.search);
  const query = new URLSearchParams({
    page: params.get('page') ?? '1',
    per_page: params.get('per_page') ?? '50',
    order_by: params.get('order_by') ?? 'created_at:desc',
  });
  for (const name of ['status', 'search']) if (params.get(name)) query.set(name, params.get(name));
  const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
  const user = key ? JSON.parse(sessionStorage.getItem(key)) : null;
  window.firstAuthorization = `Bearer ${user?.access_token}`;
  window.firstAnswer = fetch(`/api/campaigns?${query}`, { headers: { Accept: 'application/json', Authorization: window.firstAuthorization } }).then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))));
  window.signedInAs = user?.profile?.name ?? '';
})();
