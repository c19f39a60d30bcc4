import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import type { Result } from 'axe-core';

/** Impacts that fail a view; "moderate" and "minor" ones are reported and listed in the README. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

function describe(violation: Result) {
  const targets = violation.nodes
    .slice(0, 3)
    .map(node => node.target.join(' '))
    .join('; ');
  return `${violation.id} (${violation.impact}, ${violation.nodes.length}): ${violation.help} at ${targets}`;
}

/**
 * Runs axe (all its rules: WCAG 2.x A and AA, and best practices) on the page as it is now and
 * fails on any violation of impact "serious" or "critical". Lesser ones are attached to the
 * test's report as annotations, so the README's list can be checked against a run.
 *
 * `upstream` names rules left out for this view only, each with the reason: markup of a
 * Backstage page around the plugin's part that the plugin cannot change (see the README).
 */
export async function expectNoSeriousA11yViolations(
  page: Page,
  view: string,
  upstream: Record<string, string> = {},
) {
  const builder = new AxeBuilder({ page });
  if (Object.keys(upstream).length > 0) {
    builder.disableRules(Object.keys(upstream));
  }
  const { violations } = await builder.analyze();
  for (const violation of violations) {
    if (!FAILING_IMPACTS.has(violation.impact ?? '')) {
      test.info().annotations.push({
        type: `axe ${violation.impact}`,
        description: `${view}: ${describe(violation)}`,
      });
    }
  }
  const failing = violations
    .filter(v => FAILING_IMPACTS.has(v.impact ?? ''))
    .map(describe);
  expect(failing, `serious or critical axe violations in ${view}`).toEqual([]);
}
