// Resolves a new app of one Backstage release twice with npm, as generated and with the
// packed plugin packages added as their READMEs' install steps say, and fails on every
// @backstage/* package the plugins bring in a second version. Resolving only writes
// package-lock.json (no tarballs are downloaded); registry metadata stays in npm's cache.
//
// Usage: node check.cjs <template dir> <tarballs dir> <work dir> <cache dir>
// Env: AWS_ACCESS_COMPAT_OFFLINE=1 resolves from the caches alone.
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createRegistry, releaseSet, SCOPE } = require('./releaseSet.cjs');

const [templateDir, tarballsDir, workDir, cacheDir] = process.argv.slice(2);
const repoRoot = path.resolve(__dirname, '../..');
const semver = require(path.join(repoRoot, 'node_modules/semver'));
const offline = process.env.AWS_ACCESS_COMPAT_OFFLINE === '1';

// Where the READMEs say each package goes. The common package comes along with the others;
// it is listed so that their `^0.1.0` on it resolves to its tarball, not to the registry.
const install = {
  app: ['aws-access', 'aws-access-common'],
  backend: [
    'aws-access-backend',
    'search-backend-module-aws-access',
    'aws-access-common',
  ],
};

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, value) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

/** The template's app or backend manifest, less links to the other workspace. */
function templateManifest(workspace) {
  const manifest = readJson(
    path.join(templateDir, 'packages', workspace, 'package.json'),
  );
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      if (/^(link|workspace|file):/.test(spec)) delete manifest[field][name];
    }
  }
  return manifest;
}

function npmResolve(dir) {
  const args = [
    'install',
    '--package-lock-only',
    '--ignore-scripts',
    // Yarn, which Backstage apps use, does not install peer dependencies either.
    '--legacy-peer-deps',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    offline ? '--offline' : '--prefer-offline',
  ];
  execFileSync('npm', args, {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** name to (version to the lock paths holding it), for @backstage/* packages. */
function backstageVersions(dir) {
  const lock = readJson(path.join(dir, 'package-lock.json'));
  const found = new Map();
  for (const [location, entry] of Object.entries(lock.packages)) {
    const at = location.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = location.slice(at + 'node_modules/'.length);
    if (!name.startsWith(SCOPE) || !entry.version) continue;
    if (!found.has(name)) found.set(name, new Map());
    const versions = found.get(name);
    if (!versions.has(entry.version)) versions.set(entry.version, []);
    versions.get(entry.version).push(location);
  }
  return { found, lock };
}

/** Who asks for `name` with a range the app's version does not meet. */
function askers(lock, name, appVersion) {
  return Object.entries(lock.packages)
    .filter(([, entry]) => {
      const range = entry.dependencies?.[name];
      return range && !semver.satisfies(appVersion, range);
    })
    .map(([location, entry]) => {
      const who = location.slice(location.lastIndexOf('node_modules/') + 13);
      return `${who || location}@${entry.version} (${
        entry.dependencies[name]
      })`;
    });
}

async function main() {
  const started = Date.now();
  const manifests = {
    app: templateManifest('app'),
    backend: templateManifest('backend'),
  };
  const roots = {};
  for (const manifest of Object.values(manifests)) {
    for (const field of ['dependencies', 'devDependencies']) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (name.startsWith(SCOPE)) roots[name] = range;
      }
    }
  }
  const release = readJson(path.join(templateDir, 'backstage.json')).version;
  const registryUrl = execFileSync('npm', ['config', 'get', 'registry'], {
    encoding: 'utf8',
  }).trim();
  const { pins, conflicts } = await releaseSet({
    roots,
    versionsOf: createRegistry({
      cacheDir: path.join(cacheDir, 'registry'),
      registryUrl,
      offline,
    }),
    semver,
  });
  console.log(
    `Backstage ${release}: ${
      Object.keys(roots).length
    } @backstage/* packages in the template, ` +
      `${Object.keys(pins).length} in the release they reach`,
  );
  for (const conflict of conflicts) console.log(`  note: ${conflict}`);

  // As generated: the template's manifests, every @backstage/* package at its release
  // version. The resolved lock is kept, keyed by what went into it.
  const baseline = path.join(workDir, 'baseline');
  const rootManifest = {
    name: 'compatibility-app',
    private: true,
    workspaces: ['packages/app', 'packages/backend'],
  };
  writeJson(path.join(baseline, 'package.json'), {
    ...rootManifest,
    overrides: pins,
  });
  for (const [workspace, manifest] of Object.entries(manifests)) {
    writeJson(
      path.join(baseline, 'packages', workspace, 'package.json'),
      manifest,
    );
  }
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify({ manifests, pins }))
    .digest('hex')
    .slice(0, 16);
  const cachedLock = path.join(cacheDir, `baseline-${key}.json`);
  if (fs.existsSync(cachedLock)) {
    fs.copyFileSync(cachedLock, path.join(baseline, 'package-lock.json'));
  } else {
    npmResolve(baseline);
    fs.copyFileSync(path.join(baseline, 'package-lock.json'), cachedLock);
  }
  const before = backstageVersions(baseline);
  const baselineDuplicates = [...before.found].filter(([, v]) => v.size > 1);
  if (baselineDuplicates.length > 0) {
    for (const [name, versions] of baselineDuplicates) {
      console.log(
        `FAIL the app as generated has ${name} twice: ${[
          ...versions.keys(),
        ].join(', ')}`,
      );
    }
    return false;
  }
  console.log(
    `As generated: ${before.found.size} @backstage/* packages, one version each`,
  );

  // With the plugins: the same app and lock, the release pins dropped (an installing
  // organisation has none), the packed tarballs added where the READMEs put them.
  const added = path.join(workDir, 'with-plugins');
  fs.rmSync(added, { recursive: true, force: true });
  writeJson(path.join(added, 'package.json'), rootManifest);
  fs.copyFileSync(
    path.join(baseline, 'package-lock.json'),
    path.join(added, 'package-lock.json'),
  );
  const tarballs = {};
  for (const file of fs.readdirSync(tarballsDir)) {
    tarballs[path.basename(file, '.tgz')] = path.join(tarballsDir, file);
  }
  for (const [workspace, manifest] of Object.entries(manifests)) {
    const dependencies = { ...manifest.dependencies };
    for (const pkg of install[workspace]) {
      const name = readJson(
        path.join(repoRoot, 'plugins', pkg, 'package.json'),
      ).name;
      dependencies[name] = `file:${tarballs[pkg]}`;
    }
    writeJson(path.join(added, 'packages', workspace, 'package.json'), {
      ...manifest,
      dependencies,
    });
  }
  npmResolve(added);
  const after = backstageVersions(added);

  const seconds = [];
  const brought = [];
  for (const [name, versions] of after.found) {
    const had = before.found.get(name);
    if (!had) {
      brought.push(`${name}@${[...versions.keys()].join(', ')}`);
      continue;
    }
    const appVersion = [...had.keys()][0];
    for (const version of versions.keys()) {
      if (!had.has(version)) {
        seconds.push({
          name,
          appVersion,
          version,
          askers: askers(after.lock, name, appVersion),
        });
      }
    }
  }
  if (brought.length > 0) {
    console.log(
      `The plugins bring ${
        brought.length
      } @backstage/* packages the app did not have: ${brought.join('; ')}`,
    );
  }
  for (const { name, appVersion, version, askers: who } of seconds) {
    // Our own packages first: they are the ones to change.
    const ours = who.filter(w => w.startsWith('@aws-access/'));
    const others = who.length - ours.length;
    const by = [...ours, ...(others ? [`${others} packages they bring`] : [])];
    console.log(
      `FAIL ${name}: the app has ${appVersion}, the plugins add ${version} (asked for by ${by.join(
        ', ',
      )})`,
    );
  }
  console.log(
    `${seconds.length === 0 ? 'OK' : 'FAIL'}: ${
      seconds.length
    } @backstage/* packages in a second version ` +
      `after adding the plugins to a Backstage ${release} app (${Math.round(
        (Date.now() - started) / 1000,
      )} s)`,
  );
  return seconds.length === 0;
}

main().then(
  ok => process.exit(ok ? 0 : 1),
  error => {
    console.error(error.message);
    process.exit(1);
  },
);
