/*
 * The React floor (npm run bench): the plain page with its rows rendered by React 19 and nothing else (no router,
 * query cache, table library or schema validation), the rows the window shows first and the rest a frame later, as
 * the plain page does. It shows how much of the dashboard's cold load React itself accounts for. Cold load only: it
 * has no interactions.
 */
import { createElement as h, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
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
interface CampaignPage {
  total: number;
  total_pages: number;
  _embedded?: { campaigns?: Campaign[] };
}
// Set by the plain page's first script (bench/plain-page/first-request.js).
declare global {
  interface Window {
    firstAnswer: Promise<CampaignPage>;
    signedInAs: string;
  }
}

const STATUS_ICONS: Record<string, string> = { INCOMPLETE: '◌', READY: '○', RUNNING: '▶', PAUSED: '❚❚' };
const count = new Intl.NumberFormat();
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

function row(campaign: Campaign): ReactNode {
  return h(
    'tr',
    { key: campaign.id, className: campaign.action_required ? 'needs-action' : undefined },
    h('td', null, h('a', { className: 'name', href: `/campaigns/${encodeURIComponent(campaign.id)}`, title: campaign.name }, h('bdi', null, campaign.name))),
    h(
      'td',
      null,
      h('span', { className: `badge ${campaign.status.toLowerCase()}` }, h('span', { className: 'icon' }, STATUS_ICONS[campaign.status]), capitalised(campaign.status)),
    ),
    h('td', null, capitalised(campaign.dialing_mode)),
    h('td', { className: 'numeric' }, campaign.priority),
    h('td', null, campaign.run_once ? 'Yes' : 'No'),
    h('td', null, campaign.action_required ? h('span', { className: 'badge attention' }, 'Needs action') : h('span', { className: 'muted' }, '—')),
    h('td', null, h('time', { dateTime: campaign.created_at, title: exact.format(new Date(campaign.created_at)) }, relativeTime(campaign.created_at))),
  );
}

const text = (id: string, value: string) => {
  document.getElementById(id)!.textContent = value;
};
const tbody = document.querySelector('tbody')!;
const root = createRoot(tbody);

void window.firstAnswer.then((page) => {
  const campaigns = page._embedded?.campaigns ?? [];
  text('user', window.signedInAs);
  text('total', `${count.format(page.total)} campaigns`);
  text('range', `Showing 1–${count.format(campaigns.length)} of ${count.format(page.total)}`);
  text('position', `Page 1 of ${count.format(page.total_pages)}`);
  document.querySelector('table')!.setAttribute('aria-busy', 'false');
  flushSync(() => root.render(campaigns.slice(0, 1).map(row)));
  const { top, height } = tbody.rows[0]!.getBoundingClientRect();
  const inView = Math.max(1, Math.ceil((window.innerHeight - top) / height));
  flushSync(() => root.render(campaigns.slice(0, inView).map(row)));
  requestAnimationFrame(() => setTimeout(() => root.render(campaigns.map(row))));
});
