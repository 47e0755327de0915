/*
 * The React floor (npm run bench): the baseline's first screen with its table rendered by React 19 and nothing else
 * (no router, query cache, table library or schema validation), from the same API with the same stored token. It
 * shows how much of the dashboard's cold load React itself accounts for. Cold load only: it has no interactions.
 */
/* global document, sessionStorage, location, fetch, URLSearchParams */
import { createElement as h, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

interface Campaign {
  id: string;
  name: string;
  status: string;
  dialing_mode: string;
  priority: number;
  run_once: boolean;
  action_required: boolean;
  created_at: string;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const relativeTime = (iso: string) => {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  return relative.format(0, 'minute');
};
const capitalised = (value: string) => value.charAt(0) + value.slice(1).toLowerCase();
const HEADERS = ['Name', 'Status', 'Dialing mode', 'Priority', 'Run once', 'Needs action', 'Created'];

function accessToken(): string | null {
  const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
  return key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token ?? null : null;
}

function row(campaign: Campaign): ReactNode {
  return h(
    'tr',
    { key: campaign.id },
    h('td', null, h('a', { href: `/campaigns/${encodeURIComponent(campaign.id)}`, title: campaign.name }, campaign.name)),
    h('td', null, h('span', { className: 'badge' }, capitalised(campaign.status))),
    h('td', null, capitalised(campaign.dialing_mode)),
    h('td', null, campaign.priority),
    h('td', null, campaign.run_once ? 'Yes' : 'No'),
    h('td', null, campaign.action_required ? h('span', { className: 'badge attention' }, 'Needs action') : '—'),
    h('td', null, h('time', { dateTime: campaign.created_at, title: exact.format(new Date(campaign.created_at)) }, relativeTime(campaign.created_at))),
  );
}

function table(campaigns: Campaign[]): ReactNode {
  return h(
    'table',
    { 'aria-label': 'Campaigns' },
    h('thead', null, h('tr', null, ...HEADERS.map((header) => h('th', { key: header, scope: 'col' }, header)))),
    h('tbody', null, campaigns.map(row)),
  );
}

const params = new URLSearchParams(location.search);
const query = new URLSearchParams({
  page: params.get('page') ?? '1',
  per_page: params.get('per_page') ?? '50',
  order_by: params.get('order_by') ?? 'created_at:desc',
});
const root = createRoot(document.getElementById('root')!);
void fetch(`/api/campaigns?${query}`, { headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken()}` } })
  .then((response) => response.json() as Promise<{ _embedded?: { campaigns?: Campaign[] } }>)
  .then((body) => root.render(table(body._embedded?.campaigns ?? [])));
