import { CAMPAIGN_STATUSES, DIALING_MODES, PRIORITIES, type CampaignFilters } from '../campaign-filters';
import { Field } from './filter-field';

type SelectKey = 'status' | 'dialingMode' | 'priority';
type SelectValue = NonNullable<CampaignFilters[SelectKey]>;

export interface SelectFilterDescription<K extends SelectKey = SelectKey> {
  key: K;
  label: string;
  /** The first option, which lifts the filter. */
  anyLabel: string;
  options: readonly { value: NonNullable<CampaignFilters[K]>; label: string }[];
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
    options: CAMPAIGN_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
  } satisfies SelectFilterDescription<'status'>,
  {
    key: 'dialingMode',
    label: 'Dialing mode',
    anyLabel: 'All',
    options: DIALING_MODES.map((value) => ({ value, label: value === 'PREDICTIVE' ? 'Predictive' : 'Preview' })),
  } satisfies SelectFilterDescription<'dialingMode'>,
  {
    key: 'priority',
    label: 'Priority',
    anyLabel: 'Any',
    options: PRIORITIES.map((value) => ({ value, label: String(value) })),
  } satisfies SelectFilterDescription<'priority'>,
];

export function SelectFilter(props: {
  description: SelectFilterDescription;
  value: SelectValue | null;
  error?: string;
  onChange: (value: SelectValue | null) => void;
}) {
  const { label, anyLabel, options } = props.description;
  return (
    <Field label={label} error={props.error}>
      {(control) => (
        <select
          {...control}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(options.find((option) => String(option.value) === e.target.value)?.value ?? null)}
        >
          <option value="">{anyLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
