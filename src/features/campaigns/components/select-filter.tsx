import { CAMPAIGN_STATUSES, DIALING_MODES, PRIORITIES, type CampaignFilters } from '../url-state/campaign-filters';
import { FILTER_LABELS, Field } from './filter-field';

type SelectKey = 'status' | 'dialingMode' | 'priority';
type SelectValue = NonNullable<CampaignFilters[SelectKey]>;

export interface SelectFilterDescription<K extends SelectKey = SelectKey> {
  key: K;
  label: string;
  /** The first option, which lifts the filter. */
  anyLabel: string;
  values: readonly NonNullable<CampaignFilters[K]>[];
  // A method, so that a description of one key is a description of any: each is checked where it is written.
  optionLabel(value: NonNullable<CampaignFilters[K]>): string;
}

/** A status or dialing-mode code as the word it is: 'running' is Running, 'PREVIEW' is Preview. */
function asWord(code: string): string {
  return code.charAt(0).toUpperCase() + code.slice(1).toLowerCase();
}

/** The filters chosen from a fixed list, in the order the bar shows them. */
export const SELECT_FILTERS = [
  {
    key: 'status',
    label: FILTER_LABELS.status,
    anyLabel: 'All',
    values: CAMPAIGN_STATUSES,
    optionLabel: (value) => asWord(value),
  } satisfies SelectFilterDescription<'status'>,
  {
    key: 'dialingMode',
    label: FILTER_LABELS.dialingMode,
    anyLabel: 'All',
    values: DIALING_MODES,
    optionLabel: (value) => asWord(value),
  } satisfies SelectFilterDescription<'dialingMode'>,
  {
    key: 'priority',
    label: FILTER_LABELS.priority,
    anyLabel: 'Any',
    values: PRIORITIES,
    optionLabel: String,
  } satisfies SelectFilterDescription<'priority'>,
];

export function SelectFilter(props: {
  description: SelectFilterDescription;
  value: SelectValue | null;
  error?: string;
  onChange: (value: SelectValue | null) => void;
}) {
  const { label, anyLabel, values, optionLabel } = props.description;
  return (
    <Field label={label} error={props.error}>
      {(control) => (
        <select
          {...control}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(values.find((value) => String(value) === e.target.value) ?? null)}
        >
          <option value="">{anyLabel}</option>
          {values.map((value) => (
            <option key={value} value={value}>
              {optionLabel(value)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
