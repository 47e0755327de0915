/*
 * One schema per API response. The fetchers parse, so components only ever see checked data. The reference page
 * spells `campaings` and `total_page`; both spellings are read.
 */
import * as z from 'zod/mini';

export const campaignStatusSchema = z.enum(['INCOMPLETE', 'READY', 'RUNNING', 'PAUSED']);
export const dialingModeSchema = z.enum(['PREDICTIVE', 'PREVIEW']);

export const campaignSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(36)),
  name: z.string(),
  dialing_mode: dialingModeSchema,
  priority: z.number().check(z.int(), z.gte(1), z.lte(10)),
  run_once: z.boolean(),
  action_required: z.boolean(),
  status: campaignStatusSchema,
  created_at: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time')),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

const pageShape = z.object({
  total: z.number().check(z.int(), z.gte(0)),
  count: z.optional(z.number()),
  page: z.number().check(z.int(), z.gte(1)),
  per_page: z.number().check(z.int(), z.gte(1)),
  total_pages: z.optional(z.number().check(z.int(), z.gte(0))),
  total_page: z.optional(z.number().check(z.int(), z.gte(0))),
  _embedded: z.optional(
    z.object({
      campaigns: z.optional(z.array(campaignSchema)),
      campaings: z.optional(z.array(campaignSchema)),
    }),
  ),
});

export interface CampaignPage {
  campaigns: Campaign[];
  total: number;
  page: number;
  perPage: number;
  totalPages: number;
}

export const campaignPageSchema = z.pipe(
  pageShape,
  z.transform((body): CampaignPage => {
    const campaigns = body._embedded?.campaigns ?? body._embedded?.campaings ?? [];
    const totalPages = body.total_pages ?? body.total_page ?? Math.ceil(body.total / body.per_page);
    return { campaigns, total: body.total, page: body.page, perPage: body.per_page, totalPages };
  }),
);

const numberOrNull = z.optional(z.nullable(z.number()));
const stringOrNull = z.optional(z.nullable(z.string()));

export const dialingModeConfigurationSchema = z.object({
  answering_machine_detection: z.optional(z.nullable(z.boolean())),
  max_abandonment_rate: numberOrNull,
  max_dialing_ratio: numberOrNull,
  max_ring_time_in_secs: numberOrNull,
  abandonment_timeout: z.optional(z.nullable(z.object({ amount: numberOrNull, unit: stringOrNull }))),
});

const dispositionSchema = z.object({
  status_after_call: stringOrNull,
  max_attempts: numberOrNull,
  retry_period: numberOrNull,
  retry_time_unit: stringOrNull,
});

export const dialingStrategySchema = z.object({
  strategy_type: stringOrNull,
  max_attempts: numberOrNull,
  max_skip_attempts: numberOrNull,
  preview_timeout: z.optional(z.nullable(z.union([z.number(), z.object({ amount: numberOrNull, unit: stringOrNull })]))),
  retry_period: numberOrNull,
  retry_time_unit: stringOrNull,
  calling_hours: z.optional(
    z.nullable(z.array(z.object({ from: z.string(), to: z.string(), week_days: z.optional(z.array(z.string())) }))),
  ),
  dispositions: z.optional(z.nullable(z.record(z.string(), dispositionSchema))),
  record_chain: z.optional(
    z.nullable(
      z.array(z.object({ type: z.string(), max_attempts: numberOrNull, retry_period: numberOrNull, retry_time_unit: stringOrNull })),
    ),
  ),
});

export const campaignDetailSchema = z.extend(campaignSchema, {
  user_id: stringOrNull,
  record_list_id: stringOrNull,
  do_not_call_list_id: stringOrNull,
  dialing_mode_configuration: z.optional(z.nullable(dialingModeConfigurationSchema)),
  dialing_strategy: z.optional(z.nullable(dialingStrategySchema)),
});

export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
export type DialingStrategy = z.infer<typeof dialingStrategySchema>;
export type DialingModeConfiguration = z.infer<typeof dialingModeConfigurationSchema>;
