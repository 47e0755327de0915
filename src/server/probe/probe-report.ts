/*
 * The probe's report as a person reads it (one line per entry: verdict, entry, what was seen, and the fix under it)
 * or as JSON (--json), and its exit status: 0 nothing wrong, 1 something wrong, 2 the probe could not run.
 */
import type { ProbeReport } from './run-probe.ts';

export const EXIT = { ok: 0, wrong: 1, stopped: 2 } as const;

export function exitStatus(report: ProbeReport): number {
  return report.summary.wrong > 0 ? EXIT.wrong : EXIT.ok;
}

export function summaryLine(report: ProbeReport): string {
  const { confirmed, wrong, notTestable } = report.summary;
  return `${confirmed} confirmed, ${wrong} wrong, ${notTestable} not testable (${report.requests} requests, all GET)`;
}

export function formatText(report: ProbeReport): string {
  const width = Math.max(...report.entries.map((entry) => entry.entry.length));
  const lines = report.entries.flatMap((entry) => [
    `${entry.verdict.padEnd(12)} ${entry.entry.padEnd(width)}  ${entry.saw}`,
    ...(entry.fix ? [`${' '.repeat(13 + width)}  fix: ${entry.fix}`] : []),
  ]);
  lines.push('', summaryLine(report));
  if (report.queryNamesFix) lines.push(`To correct the names without a rebuild, give the server (and the probe) ${report.queryNamesFix}`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: ProbeReport): string {
  return `${JSON.stringify({ ...report, exitStatus: exitStatus(report) }, null, 2)}\n`;
}

/** Replaces every secret in `text`, whatever printed it. */
export function redact(text: string, secrets: (string | undefined)[]): string {
  return secrets.reduce<string>((result, secret) => (secret && secret.length >= 4 ? result.split(secret).join('[redacted]') : result), text);
}
