/*
 * The benchmark's floor: the same GET /campaigns through the same proxy with the same stored token, the same rows,
 * and the same interactions (URL state, Back, debounced search) with plain listeners and no cache.
 */
/* global window, document, sessionStorage, location, history, fetch, URLSearchParams, AbortController */

const DEFAULT_ORDER = 'created_at:desc';
const DEFAULT_PER_PAGE = '50';
const SEARCH_DEBOUNCE_MS = 300;

const $ = (id) => document.getElementById(id);
const tbody = document.querySelector('tbody');
const table = document.querySelector('table');

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relativeTime = (iso) => {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return relative.format(0, 'minute');
};

function accessToken() {
  const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
  return key ? JSON.parse(sessionStorage.getItem(key)).access_token : null;
}

function readState() {
  const params = new URLSearchParams(location.search);
  return {
    search: params.get('search') ?? '',
    status: params.get('status') ?? '',
    orderBy: params.get('order_by') ?? DEFAULT_ORDER,
    page: Number(params.get('page') ?? '1'),
    perPage: params.get('per_page') ?? DEFAULT_PER_PAGE,
  };
}

function writeState(state, replace) {
  const params = new URLSearchParams();
  if (state.search) params.set('search', state.search);
  if (state.status) params.set('status', state.status);
  if (state.orderBy !== DEFAULT_ORDER) params.set('order_by', state.orderBy);
  if (state.perPage !== DEFAULT_PER_PAGE) params.set('per_page', state.perPage);
  if (state.page !== 1) params.set('page', String(state.page));
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  load();
}

let inFlight = null;
let totalPages = 1;

async function load() {
  const state = readState();
  $('search').value = document.activeElement === $('search') ? $('search').value : state.search;
  $('status').value = state.status;
  $('per-page').value = state.perPage;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const query = new URLSearchParams({ page: String(state.page), per_page: state.perPage, order_by: state.orderBy });
  if (state.status) query.set('status', state.status);
  if (state.search) query.set('search', state.search);
  table.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(`/api/campaigns?${query}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken()}` },
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render(state, await response.json());
  } catch (error) {
    if (controller.signal.aborted) return;
    $('total').textContent = `Campaigns could not be loaded: ${error.message}`;
  }
  if (inFlight === controller) table.setAttribute('aria-busy', 'false');
}

function cell(row, content) {
  const td = document.createElement('td');
  if (typeof content === 'string') td.textContent = content;
  else td.append(content);
  row.append(td);
}

function badge(text, className) {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

function render(state, body) {
  const campaigns = body._embedded?.campaigns ?? body._embedded?.campaings ?? [];
  totalPages = body.total_pages ?? body.total_page ?? Math.ceil(body.total / body.per_page);
  const rows = campaigns.map((campaign) => {
    const tr = document.createElement('tr');
    const link = document.createElement('a');
    link.href = `/campaigns/${encodeURIComponent(campaign.id)}`;
    link.title = campaign.name;
    link.textContent = campaign.name;
    cell(tr, link);
    cell(tr, badge(campaign.status.charAt(0) + campaign.status.slice(1).toLowerCase(), 'badge'));
    cell(tr, campaign.dialing_mode.charAt(0) + campaign.dialing_mode.slice(1).toLowerCase());
    cell(tr, String(campaign.priority));
    cell(tr, campaign.run_once ? 'Yes' : 'No');
    cell(tr, campaign.action_required ? badge('Needs action', 'badge attention') : '—');
    const time = document.createElement('time');
    time.dateTime = campaign.created_at;
    time.title = exact.format(new Date(campaign.created_at));
    time.textContent = relativeTime(campaign.created_at);
    cell(tr, time);
    return tr;
  });
  tbody.replaceChildren(...rows);
  $('total').textContent = `${body.total} campaigns`;
  const first = (state.page - 1) * Number(state.perPage) + 1;
  $('range').textContent = campaigns.length ? `Showing ${first}–${first + campaigns.length - 1} of ${body.total}` : '';
  $('previous').disabled = state.page <= 1;
  $('next').disabled = state.page >= totalPages;
}

$('next').addEventListener('click', () => {
  const state = readState();
  if (state.page < totalPages) writeState({ ...state, page: state.page + 1 });
});
$('previous').addEventListener('click', () => {
  const state = readState();
  if (state.page > 1) writeState({ ...state, page: state.page - 1 });
});
$('status').addEventListener('change', (event) => writeState({ ...readState(), status: event.target.value, page: 1 }));
$('per-page').addEventListener('change', (event) => writeState({ ...readState(), perPage: event.target.value, page: 1 }));
for (const button of document.querySelectorAll('th button[data-sort]')) {
  button.addEventListener('click', () => {
    const state = readState();
    const [field, direction] = state.orderBy.split(':');
    const next = field === button.dataset.sort && direction === 'asc' ? 'desc' : 'asc';
    writeState({ ...state, orderBy: `${button.dataset.sort}:${next}`, page: 1 });
  });
}
let searchTimer;
$('search').addEventListener('input', (event) => {
  window.clearTimeout(searchTimer);
  const value = event.target.value;
  searchTimer = window.setTimeout(() => {
    if (value.trim() !== readState().search) writeState({ ...readState(), search: value.trim(), page: 1 }, true);
  }, SEARCH_DEBOUNCE_MS);
});
window.addEventListener('popstate', load);

load();
