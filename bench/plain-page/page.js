/*
 * The plain page's rows and interactions, inlined at the end of its <body> (npm run bench inlines it). It paints
 * the answer to the request the page's first script sent, with the rows the window shows first and the rest a frame
 * later; then every change (page, sort, status, search, Back) asks the same API again, with plain listeners, the
 * URL as the state and no cache.
 */
/* global window, document, location, history, fetch, requestAnimationFrame, setTimeout, clearTimeout, URLSearchParams, AbortController */

const DEFAULT_ORDER = 'created_at:desc';
const DEFAULT_PER_PAGE = '50';
const SEARCH_DEBOUNCE_MS = 300;
const STATUS = {
  INCOMPLETE: ['◌', 'Incomplete'],
  READY: ['○', 'Ready'],
  RUNNING: ['▶', 'Running'],
  PAUSED: ['❚❚', 'Paused'],
};

const $ = (id) => document.getElementById(id);
const tbody = document.querySelector('tbody');
const table = document.querySelector('table');
const count = new Intl.NumberFormat();
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
const capitalised = (value) => value.charAt(0) + value.slice(1).toLowerCase();

function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function rowOf(campaign) {
  const tr = element('tr', campaign.action_required ? 'needs-action' : '');
  const link = element('a', 'name', element('bdi', '', campaign.name));
  link.href = `/campaigns/${encodeURIComponent(campaign.id)}`;
  link.title = campaign.name;
  const [icon, label] = STATUS[campaign.status] ?? ['', capitalised(campaign.status)];
  const time = element('time', '', relativeTime(campaign.created_at));
  time.dateTime = campaign.created_at;
  time.title = exact.format(new Date(campaign.created_at));
  tr.append(
    element('td', '', link),
    element('td', '', element('span', `badge ${campaign.status.toLowerCase()}`, element('span', 'icon', icon), label)),
    element('td', '', capitalised(campaign.dialing_mode)),
    element('td', 'numeric', String(campaign.priority)),
    element('td', '', campaign.run_once ? 'Yes' : 'No'),
    element('td', '', campaign.action_required ? element('span', 'badge attention', 'Needs action') : element('span', 'muted', '—')),
    element('td', '', time),
  );
  return tr;
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

let totalPages = 1;

/** The count, the pager and the rows; with `inViewFirst`, the rows the window shows, and the rest a frame later. */
function render(state, body, inViewFirst = false) {
  const campaigns = body._embedded?.campaigns ?? body._embedded?.campaings ?? [];
  totalPages = body.total_pages ?? body.total_page ?? Math.ceil(body.total / body.per_page);
  $('total').textContent = `${count.format(body.total)} campaigns`;
  const first = (state.page - 1) * Number(state.perPage) + 1;
  $('range').textContent = campaigns.length ? `Showing ${count.format(first)}–${count.format(first + campaigns.length - 1)} of ${count.format(body.total)}` : '';
  $('position').textContent = `Page ${count.format(state.page)} of ${count.format(totalPages)}`;
  $('previous').disabled = state.page <= 1;
  $('next').disabled = state.page >= totalPages;
  table.setAttribute('aria-busy', 'false');
  if (!inViewFirst || campaigns.length === 0) {
    tbody.replaceChildren(...campaigns.map(rowOf));
    return;
  }
  // The first row's place and height say how many fit above the window's bottom edge.
  const firstRow = rowOf(campaigns[0]);
  tbody.replaceChildren(firstRow);
  const { top, height } = firstRow.getBoundingClientRect();
  const inView = Math.max(1, Math.ceil((window.innerHeight - top) / height));
  tbody.append(...campaigns.slice(1, inView).map(rowOf));
  requestAnimationFrame(() => setTimeout(() => tbody.append(...campaigns.slice(inView).map(rowOf))));
}

let inFlight = null;

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
      headers: { Accept: 'application/json', Authorization: window.firstAuthorization },
      signal: controller.signal,
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    render(state, await response.json());
  } catch (error) {
    if (!controller.signal.aborted) $('total').textContent = `Campaigns could not be loaded: ${error.message}`;
  }
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
  void load();
}

window.firstAnswer.then(
  (body) => {
    $('user').textContent = window.signedInAs;
    render(readState(), body, true);
  },
  (error) => {
    $('total').textContent = `Campaigns could not be loaded: ${error.message}`;
  },
);

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
  clearTimeout(searchTimer);
  const value = event.target.value;
  searchTimer = setTimeout(() => {
    if (value.trim() !== readState().search) writeState({ ...readState(), search: value.trim(), page: 1 }, true);
  }, SEARCH_DEBOUNCE_MS);
});
window.addEventListener('popstate', () => void load());
