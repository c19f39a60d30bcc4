import { ScriptAsset, loadScriptAsset, scriptPiece } from './scriptAssets';

describe('scriptPiece', () => {
  it('drops the opening comment lines and keeps the blank line after them', () => {
    expect(
      scriptPiece('# for readers\n# shellcheck shell=sh\n\nrun\n# kept\n'),
    ).toBe('\nrun\n# kept\n');
  });

  it('refuses a file without its opening comment lines and blank line', () => {
    expect(() => scriptPiece('run\n')).toThrow(TypeError);
    expect(() => scriptPiece('# header\nrun\n')).toThrow(TypeError);
  });
});

describe('loadScriptAsset', () => {
  it.each<ScriptAsset>([
    'verify-checks.sh',
    'verify-aws-access.sh',
    'setup-aws-access.sh',
    'merge-config.awk',
  ])('reads %s from the package without its header', name => {
    const piece = loadScriptAsset(name);
    expect(piece).toMatch(/^\n[^#\n]/);
    expect(piece.endsWith('\n')).toBe(true);
  });
});
