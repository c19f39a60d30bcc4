#!/usr/bin/env node
// Fails when a folder of a package's src imports, directly or through other folders, a
// folder that imports it back: each folder should be readable on top of the ones it uses.
// Usage: node scripts/check-folder-cycles.cjs [package dir...] (default: every plugin).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
      ? [full]
      : [];
  });
}

/** The top folder under src a file belongs to; files directly in src belong to none. */
function folderOf(src, file) {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Folders of one package, each with the folders it imports. */
function folderGraph(src) {
  const graph = new Map();
  for (const file of sourceFiles(src)) {
    const from = folderOf(src, file);
    if (!from || from.startsWith('__')) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/from '(\.[^']*)'/g)) {
      const to = folderOf(src, path.resolve(path.dirname(file), spec));
      if (to && to !== from && !to.startsWith('__')) {
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from).add(to);
      }
    }
  }
  return graph;
}

/** Every folder that reaches itself again, with one path that shows how. */
function cycles(graph) {
  const found = [];
  for (const start of graph.keys()) {
    const queue = [[start]];
    const seen = new Set();
    while (queue.length) {
      const trail = queue.shift();
      for (const next of graph.get(trail[trail.length - 1]) ?? []) {
        if (next === start) {
          found.push([...trail, start].join(' -> '));
          queue.length = 0;
          break;
        }
        if (!seen.has(next)) {
          seen.add(next);
          queue.push([...trail, next]);
        }
      }
    }
  }
  return found;
}

const packages = process.argv.slice(2).length
  ? process.argv.slice(2)
  : fs.readdirSync(path.join(root, 'plugins')).map(p => `plugins/${p}`);
let problems = 0;
for (const pkg of packages) {
  const src = path.resolve(root, pkg, 'src');
  if (!fs.existsSync(src)) continue;
  for (const cycle of cycles(folderGraph(src))) {
    console.error(`${pkg}: folders import each other: ${cycle}`);
    problems++;
  }
}
if (problems === 0) {
  console.log(
    `No folder imports one that imports it back (${packages.join(', ')})`,
  );
}
process.exit(problems === 0 ? 0 : 1);
