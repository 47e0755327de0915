/* What the detail panel shows of a campaign: its settings, its dialing configuration and strategy, in sections. */
import type { ReactNode } from 'react';
import type { CampaignDetail, DialingModeConfiguration, DialingStrategy } from '../api/campaign-schemas';
import { formatDateTime, formatDialingMode } from '../format/format';
import { NeedsActionBadge, StatusBadge } from './status-badge';
import styles from './campaign-detail-panel.module.css';

export function CampaignDetails({ campaign }: { campaign: CampaignDetail }) {
  return (
    <>
      <div className={styles.badges}>
        <StatusBadge status={campaign.status} />
        {campaign.action_required ? <NeedsActionBadge /> : null}
      </div>
      <Section title="Overview">
        <Item label="Dialing mode">{formatDialingMode(campaign.dialing_mode)}</Item>
        <Item label="Priority">{campaign.priority}</Item>
        <Item label="Run once">{campaign.run_once ? 'Yes' : 'No'}</Item>
        <Item label="Created">{formatDateTime(campaign.created_at)}</Item>
        <Item label="Campaign ID" wide>
          <code>{campaign.id}</code>
        </Item>
        {campaign.user_id ? (
          <Item label="User ID" wide>
            <code>{campaign.user_id}</code>
          </Item>
        ) : null}
        {campaign.record_list_id ? (
          <Item label="Record list ID" wide>
            <code>{campaign.record_list_id}</code>
          </Item>
        ) : null}
        {campaign.do_not_call_list_id ? (
          <Item label="Do-not-call list ID" wide>
            <code>{campaign.do_not_call_list_id}</code>
          </Item>
        ) : null}
      </Section>
      {campaign.dialing_mode_configuration ? <DialingConfiguration config={campaign.dialing_mode_configuration} /> : null}
      {campaign.dialing_strategy ? <Strategy strategy={campaign.dialing_strategy} /> : null}
    </>
  );
}

function DialingConfiguration({ config }: { config: DialingModeConfiguration }) {
  return (
    <Section title="Dialing limits">
      {config.answering_machine_detection != null ? (
        <Item label="Answering machine detection">{config.answering_machine_detection ? 'On' : 'Off'}</Item>
      ) : null}
      {config.max_abandonment_rate != null ? <Item label="Max abandonment rate">{config.max_abandonment_rate}%</Item> : null}
      {config.max_dialing_ratio != null ? <Item label="Max dialing ratio">{quantity(config.max_dialing_ratio, 'lines', '')} per agent</Item> : null}
      {config.max_ring_time_in_secs != null ? <Item label="Max ring time">{config.max_ring_time_in_secs} s</Item> : null}
      {config.abandonment_timeout?.amount != null ? (
        <Item label="Abandonment timeout">{quantity(config.abandonment_timeout.amount, config.abandonment_timeout.unit, 's')}</Item>
      ) : null}
    </Section>
  );
}

function Strategy({ strategy }: { strategy: DialingStrategy }) {
  const dispositions = Object.entries(strategy.dispositions ?? {});
  return (
    <>
      <Section title="Dialing strategy">
        {strategy.strategy_type ? <Item label="Strategy">{titleCase(strategy.strategy_type)}</Item> : null}
        {strategy.max_attempts != null ? <Item label="Max attempts">{strategy.max_attempts}</Item> : null}
        {strategy.max_skip_attempts != null ? <Item label="Max skip attempts">{strategy.max_skip_attempts}</Item> : null}
        {strategy.preview_timeout != null ? (
          <Item label="Preview timeout">
            {typeof strategy.preview_timeout === 'number'
              ? `${strategy.preview_timeout} s`
              : quantity(strategy.preview_timeout.amount ?? '—', strategy.preview_timeout.unit, 's')}
          </Item>
        ) : null}
        {strategy.retry_period != null ? (
          <Item label="Retry after">{quantity(strategy.retry_period, strategy.retry_time_unit, '')}</Item>
        ) : null}
      </Section>
      {strategy.calling_hours?.length ? (
        <section className={styles.section}>
          <h3>Calling hours</h3>
          <ul className={styles.list}>
            {strategy.calling_hours.map((hours, index) => (
              <li key={index}>
                <span className={styles.days}>{(hours.week_days ?? []).map(titleCase).join(', ') || 'Every day'}</span>
                <span className={styles.hours}>
                  {hours.from}–{hours.to}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dispositions.length ? (
        <section className={styles.section}>
          <h3>Dispositions</h3>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">After the call</th>
                <th scope="col">Max attempts</th>
              </tr>
            </thead>
            <tbody>
              {dispositions.map(([name, rule]) => (
                <tr key={name}>
                  <th scope="row">{titleCase(name)}</th>
                  <td>{rule.status_after_call ? titleCase(rule.status_after_call) : '—'}</td>
                  <td>{rule.max_attempts ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {strategy.record_chain?.length ? (
        <section className={styles.section}>
          <h3>Phone number order</h3>
          <ol className={styles.list}>
            {strategy.record_chain.map((link, index) => (
              <li key={index}>
                <span>{titleCase(link.type)}</span>
                <span className={styles.hours}>
                  {link.max_attempts != null ? quantity(link.max_attempts, 'attempts', '') : ''}
                  {link.retry_period != null ? `, retry after ${quantity(link.retry_period, link.retry_time_unit, '')}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <h3>{props.title}</h3>
      <dl className={styles.grid}>{props.children}</dl>
    </section>
  );
}

function Item(props: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={props.wide ? `${styles.item} ${styles.wide}` : styles.item}>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

function titleCase(value: string): string {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The singular of each plural unit the API names (SECONDS, MINUTES…) or the panel does. */
const SINGULAR: Readonly<Record<string, string>> = {
  seconds: 'second',
  minutes: 'minute',
  hours: 'hour',
  days: 'day',
  weeks: 'week',
  lines: 'line',
  attempts: 'attempt',
};

/** "1 minute", "17 minutes": an amount with its unit (`fallback` when the API names none), in agreement. */
function quantity(amount: number | string, unitName: string | null | undefined, fallback: string): string {
  const plural = unitName ? unitName.toLowerCase() : fallback;
  const word = amount === 1 ? (SINGULAR[plural] ?? plural) : plural;
  return word ? `${amount} ${word}` : String(amount);
}
