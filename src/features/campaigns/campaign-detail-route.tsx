import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';

// The detail panel is not on the first screen: its code loads when a campaign is opened.
const CampaignDetailPanel = lazy(() => import('./components/campaign-detail-panel'));

export function CampaignDetailRoute() {
  const { campaignId = '' } = useParams();
  return (
    <Suspense fallback={null}>
      <CampaignDetailPanel campaignId={campaignId} />
    </Suspense>
  );
}
