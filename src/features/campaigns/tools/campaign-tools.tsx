/*
 * The list's tools, beside its title: everything a supervisor reaches for after the rows themselves. None of it is
 * needed to draw the first rows, so this module and what it imports load on demand: the list route renders it
 * lazily (routes/campaigns-route.tsx), and it appears once the app has taken the first screen over. The title row
 * keeps its height meanwhile (campaign-list.module.css), so nothing moves when it does.
 */
import type { CampaignListView } from '../routes/use-campaign-list';
import { AutoRefresh } from './auto-refresh';
import { CopyLinkButton } from './copy-link-button';
import { ExportCsv } from './export-csv';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { TableOptions } from './table-options';
import { ViewsMenu } from './views-menu';

export interface CampaignToolsProps {
  /** The list view as the route shows it: its filters, their writer, the page on screen and the queries. */
  view: CampaignListView;
}

export default function CampaignTools({ view }: CampaignToolsProps) {
  return (
    <>
      <ViewsMenu search={view.search} />
      <AutoRefresh view={view} />
      <TableOptions />
      <CopyLinkButton />
      <ExportCsv filters={view.filters} />
      <KeyboardShortcuts view={view} />
    </>
  );
}
