/*
 * Fault injection for tests: state changed through /__sandbox/faults on the sandbox origin only (never under
 * /campaigns, so the dashboard's proxy cannot reach it). Nothing is injected until a test asks for it.
 */
import { z } from 'zod';

export const FAULT_KINDS = ['429', '500', '502', '503', 'hang', 'drop', 'malformed-json', 'bad-schema', 'token-down'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultTarget = 'list' | 'detail' | 'token';

const faultRuleSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  retryAfterSeconds: z.number().int().min(0).optional(),
  times: z.number().int().min(1).optional(),
  path: z.enum(['list', 'detail', 'any']).optional(),
});

export const faultConfigSchema = z.object({
  latencyMs: z.number().min(0).max(600_000).optional(),
  latencyJitterMs: z.number().min(0).max(600_000).optional(),
  tokenLatencyMs: z.number().min(0).max(600_000).optional(),
  rules: z.array(faultRuleSchema).optional(),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultRule = z.infer<typeof faultRuleSchema>;

interface ActiveRule extends FaultRule { remaining?: number }

export class FaultState {
  private latencyMs = 0;
  private latencyJitterMs = 0;
  private tokenLatencyMs = 0;
  private rules: ActiveRule[] = [];
  private requests: Record<FaultTarget, number> = { list: 0, detail: 0, token: 0 };

  configure(config: FaultConfig): void {
    this.latencyMs = config.latencyMs ?? 0;
    this.latencyJitterMs = config.latencyJitterMs ?? 0;
    this.tokenLatencyMs = config.tokenLatencyMs ?? 0;
    this.rules = (config.rules ?? []).map((rule) => ({ ...rule, remaining: rule.times }));
  }

  reset(): void {
    this.configure({});
    this.requests = { list: 0, detail: 0, token: 0 };
  }

  count(target: FaultTarget): void {
    this.requests[target] += 1;
  }

  /** Delay to apply to one request of this target, in ms. */
  latencyFor(target: FaultTarget): number {
    if (target === 'token') return this.tokenLatencyMs;
    return this.latencyMs + (this.latencyJitterMs > 0 ? Math.random() * this.latencyJitterMs : 0);
  }

  /** The rule that fires for this request, if any; consumes one of its `times`. */
  take(target: FaultTarget): FaultRule | undefined {
    const rule = this.rules.find((candidate) => {
      if (candidate.remaining === 0) return false;
      if (target === 'token') return candidate.kind === 'token-down';
      if (candidate.kind === 'token-down') return false;
      return candidate.path === undefined || candidate.path === 'any' || candidate.path === target;
    });
    if (rule?.remaining !== undefined) rule.remaining -= 1;
    return rule;
  }

  snapshot(): object {
    return {
      latencyMs: this.latencyMs,
      latencyJitterMs: this.latencyJitterMs,
      tokenLatencyMs: this.tokenLatencyMs,
      rules: this.rules.map((rule) => ({ ...rule })),
      requests: { ...this.requests },
    };
  }
}
