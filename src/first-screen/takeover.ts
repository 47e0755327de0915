/*
 * The hand-over from the first screen to the app (src/app/start.tsx): the app adopts the first view's requests
 * already in flight (first-view-request.ts) instead of sending its own, and its first render waits for their answers
 * up to the first view's patience, so that it paints the view whole rather than a skeleton for a fraction of a
 * second. React then renders the same screen in place of the drawn one (paint.ts keeps the clicks made meanwhile).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '../config/runtime-config';
import { campaignKeys } from '../features/campaigns/api/campaign-queries';
import { loadDetailPanel } from '../features/campaigns/routes/campaign-detail-route';
import { firstViewPatience } from './contract';
import { adoptFirstViewRequest, bootFirstViewRequest, startFirstViewRequest } from './first-view-request';

/** Resolves when the app may render its first view: its answers are in, or the patience has run out. */
export function takeOverFirstView(queryClient: QueryClient, config: RuntimeConfig): Promise<unknown> {
  const firstView = bootFirstViewRequest ?? startFirstViewRequest(config, window.location, window.sessionStorage);
  if (!firstView) return Promise.resolve();
  const { detail } = firstView;
  const answers = [adoptFirstViewRequest(queryClient, firstView.page, campaignKeys.list(firstView.filters))];
  if (detail) answers.push(adoptFirstViewRequest(queryClient, detail.campaign, campaignKeys.detail(detail.id)));
  // On a detail link the first render has the panel: it waits for the panel's code (a failed load leaves the panel
  // to load it itself), and for the answers within the first view's patience.
  const panelCode = detail && loadDetailPanel().catch(() => undefined);
  return Promise.race([Promise.all(answers), firstViewPatience()]).then(() => panelCode);
}
