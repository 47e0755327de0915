import { lazy, Suspense, useState } from 'react';
import { useParams } from 'react-router';

// The detail panel is not on the first screen: its code loads once the app is idle (see src/app/start.tsx), or when a
// campaign is opened first.
let panel: typeof import('../components/campaign-detail-panel') | undefined;
export const loadDetailPanel = () => import('../components/campaign-detail-panel').then((module) => (panel = module));
const LazyPanel = lazy(loadDetailPanel);

export function CampaignDetailRoute() {
  const { campaignId = '' } = useParams();
  // Loaded already, the panel renders at once: React holds the first reveal of a lazy component back by up to 300 ms.
  // Chosen once per opening: switching components later would mount the open panel again.
  const [Panel] = useState(() => panel?.default ?? LazyPanel);
  return (
    <Suspense fallback={null}>
      <Panel campaignId={campaignId} />
    </Suspense>
  );
}
