/*
 * Page benchmark: the AWS Access page of a team holding N accounts x 3 roles, on a
 * production build of the example app served by the backend (app-backend), in Debian's
 * Chromium; N = 300 and 3,000. The app is built once per run. Prints per size:
 *   first_profile_ms  navigation to the first profile block on screen
 *   search_ms         an account name typed into the team's filter, to its card alone
 *   filter_ms         one keystroke in the filter to its result on screen
 *   js_kb             the plugin's own JavaScript as shipped (its bytes in the app's chunks)
 * and, on a line before, the longest task that blocked input while the page rendered.
 * Medians of 5 runs. Asserts nothing. Run: ./scripts/bench.sh page
 */
import { chromium, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BackendInstance } from '../e2e/support/backendInstance';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { pluginScriptBytes } from './pluginScriptBytes';
import { print } from './print';

const SIZES = [300, 3000];
const ROLES = ['Developer', 'Operator', 'Viewer'];
const RUNS = 5;
const PORT = 7450;
const repoRoot = resolve(__dirname, '..');
const accountId = (i: number) => String(200000000000 + i);

/** Extra config: the big team in the catalog and its accounts in the static org. */
function overlay(accounts: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-access-page-bench-'));
  writeFileSync(
    join(dir, 'team.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: big-team\nspec:\n  type: team\n  children: []\n',
  );
  const ids = Array.from({ length: accounts }, (_, i) => accountId(i));
  return `app:
  baseUrl: http://localhost:${PORT}
backend:
  cors: { origin: http://localhost:${PORT} }
catalog:
  locations:
    - { type: file, target: ${join(repoRoot, 'examples/org.yaml')} }
    - { type: file, target: ${join(dir, 'team.yaml')} }
awsAccess:
  static:
    accounts:
${ids
  .map(
    (id, i) =>
      `      - { id: '${id}', name: acct-${i}, environment: ${
        ['dev', 'test', 'prod'][i % 3]
      } }`,
  )
  .join('\n')}
    permissionSets:
${ROLES.map(r => `      - { name: ${r}, sessionDuration: PT8H }`).join('\n')}
    groups:
      - { displayName: big-team }
    assignments:
      - group: big-team
        accounts: [${ids.map(id => `'${id}'`).join(', ')}]
        permissionSets: [${ROLES.join(', ')}]
`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Records the long tasks (over 50 ms, which block input) from the page's start. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * Runs `act` (which changes the filter field) and measures, in the page, from the
 * field's input event to the first frame whose account cards start with `first` and no
 * longer show `gone`. Checked once a frame with one query, so the measuring costs the
 * page next to nothing.
 */
async function inputToResult(
  page: Page,
  act: () => Promise<void>,
  first: string,
  gone: string,
): Promise<number> {
  // As text: tsx would wrap named functions in a helper the page does not have. Returns
  // nothing, or evaluate would wait for the promise it sets up.
  await page.evaluate(`(() => {
    window.__result = new Promise((resolve, reject) => {
      let t0 = 0;
      let labels = [];
      setTimeout(() => reject(new Error('No result after 30 s; t0=' + t0 + ' input=' + (document.querySelector('#aws-access-account-filter') || {}).value + ' the cards: ' + labels.slice(0, 3).join(', '))), 30000);
      document.addEventListener('input', e => { t0 = e.timeStamp; },
        { once: true, capture: true });
      const check = () => {
        labels = [...document.querySelectorAll('section[aria-label^="Account "]')]
          .map(s => s.getAttribute('aria-label') || '');
        if (t0 && (labels[0] || '').startsWith(${JSON.stringify(
          `Account ${first} (`,
        )})
            && !labels.some(l => l.startsWith(${JSON.stringify(
              `Account ${gone} (`,
            )}))) {
          resolve(performance.now() - t0);
        } else {
          requestAnimationFrame(check);
        }
      };
      requestAnimationFrame(check);
    });
  })()`);
  await act();
  return page.evaluate(
    () => (window as unknown as { __result: Promise<number> }).__result,
  );
}

const longestTask = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      0,
      ...(window as unknown as { __longTasks: number[] }).__longTasks,
    ),
  );

async function measure(baseUrl: string, accounts: number) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(120_000);
  await watchLongTasks(page);
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'AWS Access' }).waitFor();

  const last = accounts - 1;
  const firstProfile: number[] = [];
  const search: number[] = [];
  const keystroke: number[] = [];
  const blocked: number[] = [];
  const filter = page.getByLabel('Filter accounts');
  for (let run = 0; run < RUNS; run++) {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/aws-access?team=group%3Adefault%2Fbig-team`);
    // From the navigation's start (the page's time origin) to the first frame with a
    // profile block, checked once a frame.
    const shown = await page.waitForFunction(
      () =>
        [...document.querySelectorAll('pre')].some(p =>
          p.textContent?.startsWith('[profile acct-0-Developer]'),
        ) && performance.now(),
      undefined,
      { polling: 'raf' },
    );
    firstProfile.push((await shown.jsonValue()) as number);
    blocked.push(await longestTask(page));
    // The page is still loading the rest (the reader's own roles, the teams) and may
    // replace the filter field once: type after that, as a person would.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);

    search.push(
      await inputToResult(
        page,
        () => filter.fill(`acct-${last}`),
        `acct-${last}`,
        'acct-0',
      ),
    );

    // One key: "acct-1" shows acct-1, acct-10, …; "acct-1" + "2" leaves acct-12, … only.
    await filter.fill('acct-1');
    await page.getByText('[profile acct-1-Developer]').waitFor();
    keystroke.push(
      await inputToResult(page, () => filter.press('2'), 'acct-12', 'acct-1'),
    );
    await filter.fill('');
  }
  await browser.close();
  return {
    firstProfile: median(firstProfile),
    search: median(search),
    filter: median(keystroke),
    blocked: median(blocked),
    runs: firstProfile,
  };
}

async function main() {
  print('building the app (packages/app) for production');
  execFileSync(
    process.execPath,
    [
      join(repoRoot, '.yarn/releases/yarn-4.13.0.cjs'),
      'workspace',
      'app',
      'build',
    ],
    { cwd: repoRoot, stdio: 'ignore' },
  );
  const jsKb = pluginScriptBytes(join(repoRoot, 'packages/app/dist')) / 1024;
  const lines: string[] = [];
  for (const accounts of SIZES) {
    const backend = BackendInstance.start(PORT, overlay(accounts));
    process.on('exit', () => backend.kill());
    try {
      await backend.waitUntilHealthy(240_000);
      const result = await measure(backend.baseUrl, accounts);
      print(
        `page accounts=${accounts} runs first_profile_ms=${result.runs
          .map(v => v.toFixed(0))
          .join(',')} longest_task_ms=${result.blocked.toFixed(0)}`,
      );
      lines.push(
        `page accounts=${accounts} roles=${
          ROLES.length
        } first_profile_ms=${result.firstProfile.toFixed(
          0,
        )} search_ms=${result.search.toFixed(
          0,
        )} filter_ms=${result.filter.toFixed(0)} js_kb=${jsKb.toFixed(0)}`,
      );
    } finally {
      await backend.stop();
    }
  }
  lines.forEach(line => print(line));
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
