// Runs in the fresh app: the installed packages load, carry what they need, and every
// package their built files import is installed beside them (declared dependencies).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

// Each package and the Backstage plugin it belongs to.
const pluginIds = {
  '@aws-access/backstage-plugin-aws-access-common': 'aws-access',
  '@aws-access/backstage-plugin-aws-access-backend': 'aws-access',
  '@aws-access/backstage-plugin-aws-access': 'aws-access',
  '@aws-access/backstage-plugin-search-backend-module-aws-access': 'search',
};
const packages = Object.keys(pluginIds);
const root = path.join(process.cwd(), 'node_modules');
const dirOf = name => path.join(root, name);
const packageName = spec =>
  spec.startsWith('@')
    ? spec.split('/').slice(0, 2).join('/')
    : spec.split('/')[0];

function filesBelow(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/**
 * The relative link and image targets of a Markdown text, without their #fragment:
 * inline `[text](target)`, reference definitions `[ref]: target` and HTML src/href.
 * Code blocks and inline code are left out, so examples are not read as links.
 */
function relativeTargets(markdown) {
  const prose = markdown
    .replace(/^(```|~~~)[^]*?^\1/gm, '')
    .replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
      m => m[1],
    ),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map(
      m => m[1],
    ),
    ...[...prose.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map(
      m => m[1],
    ),
  ];
  return targets
    .filter(t => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t))
    .map(t => decodeURIComponent(t.split('#')[0]))
    .filter(Boolean);
}

function installedFrom(dir, name) {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'node_modules', name, 'package.json'))) {
      return true;
    }
  }
  return false;
}

for (const name of packages) {
  const dir = dirOf(name);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json')));
  assert.equal(
    manifest.backstage.pluginId,
    pluginIds[name],
    `${name}: backstage.pluginId`,
  );
  assert.ok(manifest.repository?.url, `${name}: repository`);
  for (const file of ['README.md', 'CHANGELOG.md', 'dist/index.d.ts']) {
    assert.ok(
      fs.existsSync(path.join(dir, file)),
      `${name}: ${file} is packed`,
    );
  }
  const specifiers = new Set();
  for (const file of filesBelow(path.join(dir, 'dist'))) {
    if (!/\.(c?js|mjs|d\.ts)$/.test(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(
      /(?:from\s+|require\(|import\()\s*['"]([^'".][^'"]*)['"]/g,
    )) {
      if (!m[1].startsWith('node:')) specifiers.add(packageName(m[1]));
    }
  }
  // npm shows the README on its own: a relative link or image must name a file the
  // package ships (anything else needs an absolute URL).
  const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
  const broken = relativeTargets(readme).filter(target => {
    const file = path.join(dir, target);
    return path.relative(dir, file).startsWith('..') || !fs.existsSync(file);
  });
  assert.deepEqual(
    broken,
    [],
    `${name}: README.md links to files the package does not ship`,
  );
  const builtins = new Set(require('node:module').builtinModules);
  const missing = [...specifiers].filter(
    s => !builtins.has(s) && !installedFrom(dir, s),
  );
  assert.deepEqual(missing, [], `${name}: imports packages it does not bring`);
}

const common = require('@aws-access/backstage-plugin-aws-access-common');
assert.match(
  common.renderSsoSessionBlock({
    sessionName: 'sikt',
    startUrl: 'https://d-c3670fd13e.awsapps.com/start',
    ssoRegion: 'eu-north-1',
    registrationScopes: 'sso:account:access',
  }),
  /^\[sso-session sikt\]/,
);

for (const name of [
  '@aws-access/backstage-plugin-aws-access-backend',
  '@aws-access/backstage-plugin-search-backend-module-aws-access',
]) {
  assert.equal(
    require(name).default.$$type,
    '@backstage/BackendFeature',
    `${name}: default export`,
  );
}
const backendDir = dirOf('@aws-access/backstage-plugin-aws-access-backend');
assert.ok(
  fs
    .readdirSync(path.join(backendDir, 'migrations'))
    .some(f => f.endsWith('.js')),
);
// The backend renders the setup and verify scripts from these pieces when asked for one.
const scriptPieces = fs.readdirSync(path.join(backendDir, 'scripts'));
for (const piece of [
  'verify-checks.sh',
  'verify-aws-access.sh',
  'setup-aws-access.sh',
  'merge-config.awk',
]) {
  assert.ok(
    scriptPieces.includes(piece),
    `@aws-access/backstage-plugin-aws-access-backend: scripts/${piece} is packed`,
  );
}
for (const name of [
  '@aws-access/backstage-plugin-aws-access-backend',
  '@aws-access/backstage-plugin-search-backend-module-aws-access',
]) {
  assert.ok(
    fs.existsSync(path.join(dirOf(name), 'config.schema.json')),
    `${name}: config schema is packed`,
  );
}

process.stdout.write(`${packages.length} packages installed and checked\n`);
