// The Backstage release an app template belongs to, as one version per @backstage/* package.
//
// A create-app template names its direct dependencies with caret ranges, and a new app
// normally gets the rest from a lock file seeded for that release (downloaded from a host
// this project cannot reach). Resolved today without it, the caret ranges of packages the
// template does not name float to newer releases and the app carries two versions of
// frontend-plugin-api and others before any plugin is added. So the release is rebuilt
// here: Backstage publishes each package with its @backstage/* dependencies at the versions
// of the same release (`^<version>`), so the lowest version of each range, taken at the
// highest any package of the release asks for, walked from the template's own
// dependencies, is that release's version of every package the app reaches.
const fs = require('node:fs');
const path = require('node:path');

const SCOPE = '@backstage/';

/**
 * Reads registry metadata through a cache directory, so a second run needs no network.
 * Keeps only what the walk needs: each version's @backstage/* dependencies.
 */
function createRegistry({ cacheDir, registryUrl, offline }) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const memory = new Map();
  async function load(name) {
    const file = path.join(cacheDir, `${name.replace('/', '+')}.json`);
    if (fs.existsSync(file)) {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    if (offline) {
      throw new Error(`No cached registry metadata for '${name}' (offline)`);
    }
    const url = `${registryUrl.replace(/\/$/, '')}/${name.replace('/', '%2f')}`;
    const response = await fetch(url, {
      headers: { accept: 'application/vnd.npm.install-v1+json' },
    });
    if (!response.ok) {
      throw new Error(`Registry answered ${response.status} for '${name}'`);
    }
    const packument = await response.json();
    const versions = {};
    for (const [version, manifest] of Object.entries(packument.versions)) {
      versions[version] = Object.fromEntries(
        Object.entries({
          ...manifest.peerDependencies,
          ...manifest.dependencies,
        }).filter(([dep]) => dep.startsWith(SCOPE)),
      );
    }
    fs.writeFileSync(file, JSON.stringify(versions));
    return versions;
  }
  return function versionsOf(name) {
    if (!memory.has(name)) memory.set(name, load(name));
    return memory.get(name);
  };
}

/**
 * Walks from the template's @backstage/* dependencies (name to range) and returns the
 * release: name to version, plus the ranges that asked for each, to check them against it.
 */
async function releaseSet({ roots, versionsOf, semver }) {
  const pins = new Map();
  const askedFor = new Map();
  let queue = Object.entries(roots);
  while (queue.length > 0) {
    const next = [];
    const chosen = await Promise.all(
      queue.map(async ([name, range]) => {
        const published = Object.keys(await versionsOf(name)).filter(
          v => !semver.prerelease(v),
        );
        const lowest = semver.minSatisfying(published, range);
        if (!lowest) {
          throw new Error(`No published version of '${name}' matches ${range}`);
        }
        return [name, range, lowest];
      }),
    );
    for (const [name, range, lowest] of chosen) {
      if (!askedFor.has(name)) askedFor.set(name, new Set());
      askedFor.get(name).add(range);
      const current = pins.get(name);
      if (current && semver.gte(current, lowest)) continue;
      pins.set(name, lowest);
      const deps = (await versionsOf(name))[lowest];
      next.push(...Object.entries(deps));
    }
    queue = next;
  }
  const conflicts = [];
  for (const [name, ranges] of askedFor) {
    for (const range of ranges) {
      if (!semver.satisfies(pins.get(name), range)) {
        conflicts.push(`${name}@${pins.get(name)} does not match ${range}`);
      }
    }
  }
  return { pins: Object.fromEntries([...pins].sort()), conflicts };
}

module.exports = { createRegistry, releaseSet, SCOPE };
