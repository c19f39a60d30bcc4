import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';

/** The pieces the scripts are made of, in the package's `scripts/` folder. */
export type ScriptAsset =
  | 'verify-checks.sh'
  | 'verify-aws-access.sh'
  | 'setup-aws-access.sh'
  | 'merge-config.awk';

const loaded = new Map<ScriptAsset, string>();

/**
 * Drops the comment lines a piece opens with: they speak to readers and shellcheck of the
 * file, not to the user of the script. The blank line after them stays, as the line that
 * sets the piece apart from what comes before it in a script.
 */
export function scriptPiece(fileText: string): string {
  const header = /^(?:#[^\n]*\n)+/.exec(fileText);
  if (!header || !fileText.startsWith('\n', header[0].length)) {
    throw new TypeError(
      'A script piece must open with comment lines and a blank line',
    );
  }
  return fileText.slice(header[0].length);
}

/**
 * One piece of the scripts, read from the package once (the files ship with it, as the
 * migrations do).
 */
export function loadScriptAsset(name: ScriptAsset): string {
  let text = loaded.get(name);
  if (text === undefined) {
    const path = resolvePackagePath(
      '@aws-access/backstage-plugin-aws-access-backend',
      'scripts',
      name,
    );
    text = scriptPiece(readFileSync(path, 'utf8'));
    loaded.set(name, text);
  }
  return text;
}
