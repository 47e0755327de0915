import { CAMPAIGN_STATUSES, DIALING_MODES, PRIORITIES, type CampaignFilters } from '../campaign-filters';
import { Field } from './filter-field';

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

const STATUS_LABELS: Record<(typeof CAMPAIGN_STATUSES)[number], string> = {
  incomplete: 'Incomplete',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
};

/** The filters chosen from a fixed list, in the order the bar shows them. */
export const SELECT_FILTERS = [
  {
    key: 'status',
    label: 'Status',
    anyLabel: 'All',
    values: CAMPAIGN_STATUSES,
    optionLabel: (value) => STATUS_LABELS[value],
  } satisfies SelectFilterDescription<'status'>,
  {
    key: 'dialingMode',
    label: 'Dialing mode',
    anyLabel: 'All',
    values: DIALING_MODES,
    optionLabel: (value) => (value === 'PREDICTIVE' ? 'Predictive' : 'Preview'),
  } satisfies SelectFilterDescription<'dialingMode'>,
  {
    key: 'priority',
    label: 'Priority',
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
