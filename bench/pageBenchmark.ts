/*
 * Page benchmark: a team with 300 accounts x 3 roles on the portal (backend + app started
 * with `yarn start` and an extra config), in Debian's Chromium. Prints the time from
 * navigation to the first profile block, and how long search and the role filter take to
 * show their result. Asserts nothing. Run: ./scripts/bench.sh page
 */
import { print } from './print';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackendInstance } from '../e2e/support/backendInstance';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

const ACCOUNTS = 300;
const ROLES = ['Developer', 'Operator', 'Viewer'];
const RUNS = 5;
const repoRoot = resolve(__dirname, '..');

/** Extra config: the big team in the catalog and its 300 accounts in the static org. */
function overlay(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-page-bench-'));
  writeFileSync(
    join(dir, 'team.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: big-team\nspec:\n  type: team\n  children: []\n',
  );
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
    const id = String(200000000000 + i);
    return `      - { id: '${id}', name: acct-${i}, environment: ${
      ['dev', 'test', 'prod'][i % 3]
    } }`;
  });
  return `catalog:
  locations:
    - { type: file, target: ${join(repoRoot, 'examples/org.yaml')} }
    - { type: file, target: ${join(dir, 'team.yaml')} }
awsAccess:
  static:
    accounts:
${accounts.join('\n')}
    permissionSets:
${ROLES.map(r => `      - { name: ${r}, sessionDuration: PT8H }`).join('\n')}
    groups:
      - { displayName: big-team }
    assignments:
      - group: big-team
        accounts: [${Array.from(
          { length: ACCOUNTS },
          (_, i) => `'${200000000000 + i}'`,
        ).join(', ')}]
        permissionSets: [${ROLES.join(', ')}]
`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const portal = BackendInstance.startPortal(overlay());
  process.on('exit', () => portal.kill());
  await portal.waitUntilHealthy(240_000);
  await portal.waitForUrl('http://localhost:3000', 240_000);

  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(120_000);
  await page.goto('http://localhost:3000/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'AWS Access' }).waitFor();

  const firstProfile: number[] = [];
  const search: number[] = [];
  const roleFilter: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('about:blank');
    const t0 = performance.now();
    await page.goto(
      'http://localhost:3000/aws-access?team=group%3Adefault%2Fbig-team',
    );
    await page.getByText('[profile acct-0-Developer]').waitFor();
    firstProfile.push(performance.now() - t0);

    const t1 = performance.now();
    await page.getByLabel('Filter accounts').fill('acct-299');
    await page.getByText('Account 200000000299').waitFor();
    search.push(performance.now() - t1);
    await page.getByLabel('Filter accounts').fill('');

    const t2 = performance.now();
    await page.getByLabel('Role').click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page
      .getByText('[profile acct-0-Developer]')
      .waitFor({ state: 'detached' });
    roleFilter.push(performance.now() - t2);
  }
  await browser.close();
  portal.kill();
  print(
    `runs=${RUNS} first_profile_ms=${firstProfile
      .map(v => v.toFixed(0))
      .join(',')}`,
  );
  print(
    `page accounts=${ACCOUNTS} roles=${ROLES.length} first_profile_ms=${median(
      firstProfile,
    ).toFixed(0)} ` +
      `search_ms=${median(search).toFixed(0)} role_filter_ms=${median(
        roleFilter,
      ).toFixed(0)}`,
  );
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
