import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer } from 'source-map';

/** The plugin's own sources as webpack names them in source maps. */
const PLUGIN_SOURCE = /\/plugins\/aws-access(-common)?\/src\//;

/**
 * The bytes of a built app's JavaScript that come from the frontend plugin and its
 * common package, counted through each chunk's source map: every generated segment is
 * attributed to the source it maps to, up to the next segment on its line.
 */
export function pluginScriptBytes(appDist: string): number {
  const dir = join(appDist, 'static');
  let bytes = 0;
  for (const file of readdirSync(dir).filter(f => f.endsWith('.js'))) {
    let map;
    try {
      map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8'));
    } catch {
      continue; // no source map: not built from the plugin's sources
    }
    if (!map.sources.some((s: string) => PLUGIN_SOURCE.test(s))) {
      continue;
    }
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const consumer = new SourceMapConsumer(map);
    const segments: Array<{ line: number; column: number; plugin: boolean }> =
      [];
    consumer.eachMapping(m =>
      segments.push({
        line: m.generatedLine,
        column: m.generatedColumn,
        plugin: m.source !== null && PLUGIN_SOURCE.test(m.source),
      }),
    );
    segments.forEach((segment, i) => {
      if (!segment.plugin) return;
      const next = segments[i + 1];
      const end =
        next && next.line === segment.line
          ? next.column
          : lines[segment.line - 1]?.length ?? segment.column;
      bytes += Math.max(0, end - segment.column);
    });
  }
  return bytes;
}
