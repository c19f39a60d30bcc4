/*
 * The production build of the backend for the memory benchmark and the soak: the bundle
 * `yarn build:backend` writes (packages/backend/dist/bundle.tar.gz, built by the scripts
 * that need it), unpacked as Backstage's Dockerfile unpacks it.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..');
const BUNDLE = join(repoRoot, 'packages/backend/dist/bundle.tar.gz');

/**
 * Unpacks the bundle into node_modules/.cache/backend-bundle-<pid> (removed when the
 * process exits) and returns that directory;
 * run `node packages/backend` in it. The Dockerfile installs the bundle's production
 * dependencies with `yarn workspaces focus --all --production`; here the unpacked copy
 * sits inside the repository, so Node finds the third-party packages in the root
 * node_modules (the versions yarn.lock pins for both), and links the bundle's own
 * packages (the plugins, as built) into its node_modules, so they come from the bundle.
 */
export function backendBundleDir(): string {
  if (!existsSync(BUNDLE)) {
    throw new Error(
      `No backend bundle at '${BUNDLE}'; build it with 'yarn build:backend'`,
    );
  }
  // One copy per run, so that two benchmarks at once do not unpack over each other.
  const dir = join(
    repoRoot,
    `node_modules/.cache/backend-bundle-${process.pid}`,
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  execFileSync('tar', ['xzf', BUNDLE, '-C', dir]);
  for (const parent of ['packages', 'plugins']) {
    for (const name of readdirSync(join(dir, parent))) {
      const packageDir = join(dir, parent, name);
      const { name: packageName } = JSON.parse(
        readFileSync(join(packageDir, 'package.json'), 'utf8'),
      ) as { name: string };
      if (packageName === 'backend') continue;
      const link = join(dir, 'node_modules', packageName);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(relative(dirname(link), packageDir), link);
    }
  }
  return dir;
}
