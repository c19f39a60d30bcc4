/*
 * Page benchmark: a team with 300 accounts x 3 roles on the portal (backend + app started
 * with `yarn start` and an extra config), in Debian's Chromium. Prints the time from
 * navigation to the first profile block, and how long search and the role filter take to
 * show their result. Asserts nothing. Run: ./scripts/bench.sh page
 */
import { print } from './print';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

const ACCOUNTS = 300;
const ROLES = ['Developer', 'Operator', 'Viewer'];
const RUNS = 5;
const repoRoot = resolve(__dirname, '..');

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
  const file = join(dir, 'config.yaml');
  writeFileSync(
    file,
    `catalog:
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
`,
  );
  return file;
}

async function waitFor(url: string) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url)
        .then(r => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const portal = spawn(
    process.execPath,
    [
      join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs'),
      'start',
      '--config',
      join(repoRoot, 'app-config.yaml'),
      '--config',
      overlay(),
    ],
    { cwd: repoRoot, detached: true, stdio: 'ignore' },
  );
  const stop = () => {
    try {
      process.kill(-portal.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  await waitFor('http://localhost:7007/api/aws-access/health');
  await waitFor('http://localhost:3000');

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
  stop();
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
