/* axe-core on the page as it is (WCAG 2 A and AA): the serious and critical violations, each printed with its nodes. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** `name` says which state of the page was checked, in the printed report. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  for (const violation of serious) {
    console.error(
      `axe (${name}): ${violation.impact} ${violation.id}: ${violation.help}\n` +
        violation.nodes.map((node) => `  ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
    );
  }
  return serious.map((violation) => `${violation.id} (${violation.nodes.length} nodes)`);
}
