/*
 * The Columns menu: which columns the table shows and how dense its rows are. Kept per browser (localStorage), not
 * in the URL; applied by src/first-screen/table-preferences.ts, which the page's inline script also runs before the
 * first frame, so a reload shows the table this way from its first paint.
 */
import { useState } from 'react';
import { TABLE_PREFERENCES_KEY } from '../../../first-screen/contract';
import { applyTablePreferences } from '../../../first-screen/table-preferences';
import { CAMPAIGN_COLUMNS, type CampaignColumnId } from '../components/campaign-columns';
import styles from './tools.module.css';
import { useMenu } from './use-menu';

type Density = 'comfortable' | 'compact';
interface TablePreferences {
  hidden: CampaignColumnId[];
  density: Density;
}

const DEFAULTS: TablePreferences = { hidden: [], density: 'comfortable' };
/** The name says which campaign a row is: it cannot be hidden. */
const ALWAYS_SHOWN: CampaignColumnId = 'name';

function readPreferences(): TablePreferences {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(TABLE_PREFERENCES_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return DEFAULTS;
    const { hidden, density } = stored as Record<string, unknown>;
    return {
      hidden: CAMPAIGN_COLUMNS.map((column) => column.id).filter((id) => id !== ALWAYS_SHOWN && Array.isArray(hidden) && hidden.includes(id)),
      density: density === 'compact' ? 'compact' : 'comfortable',
    };
  } catch {
    return DEFAULTS;
  }
}

function savePreferences(preferences: TablePreferences): void {
  try {
    localStorage.setItem(TABLE_PREFERENCES_KEY, JSON.stringify(preferences));
  } catch {
    // Storage full or disabled: the change still applies to this page below.
  }
  applyTablePreferences(TABLE_PREFERENCES_KEY);
}

// Pages the server did not draw (the Vite dev server) have no inline script: the preferences apply once this loads.
applyTablePreferences(TABLE_PREFERENCES_KEY);

export function TableOptions() {
  const menu = useMenu();
  const [preferences, setPreferences] = useState(readPreferences);
  const update = (next: TablePreferences) => {
    setPreferences(next);
    savePreferences(next);
  };

  return (
    <div className={styles.menuHolder}>
      <button {...menu.buttonProps}>Columns</button>
      {/* Only while open: its checkboxes share their names with the filters and headers. */}
      {menu.open ? (
      <div {...menu.panelProps} className={styles.menu}>
        <fieldset>
          <legend>Columns</legend>
          {CAMPAIGN_COLUMNS.map((column) => (
            <label key={column.id}>
              <input
                type="checkbox"
                checked={!preferences.hidden.includes(column.id)}
                disabled={column.id === ALWAYS_SHOWN}
                onChange={(event) =>
                  update({
                    ...preferences,
                    hidden: event.target.checked ? preferences.hidden.filter((id) => id !== column.id) : [...preferences.hidden, column.id],
                  })
                }
              />
              {column.header}
            </label>
          ))}
        </fieldset>
        <fieldset role="radiogroup" aria-label="Density">
          <legend>Density</legend>
          {(['comfortable', 'compact'] as const).map((density) => (
            <label key={density}>
              <input type="radio" name={`${menu.panelProps.id}-density`} checked={preferences.density === density} onChange={() => update({ ...preferences, density })} />
              {density === 'compact' ? 'Compact' : 'Comfortable'}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => update(DEFAULTS)}>
          Reset columns and density
        </button>
      </div>
      ) : null}
    </div>
  );
}
