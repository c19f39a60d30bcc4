/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { planProfiles } from '@aws-access/backstage-plugin-aws-access-common';
import { account, organization, sandbox } from './__testUtils__/awsCliHome';
import { SetupScriptInput, renderSetupScript } from './renderSetupScript';
import { renderVerifyScript } from './renderVerifyScript';

/*
 * Debian's shellcheck (installed by scripts/test.sh) on the pieces in the package's scripts/
 * folder, whose headers name what the rendered header sets, and on whole rendered scripts,
 * where nothing is left to be set elsewhere.
 */

function shellcheck(args: string[], input?: string) {
  const run = spawnSync('shellcheck', args, {
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, out: run.stdout };
}

const organizations = [organization, sandbox];
const input: SetupScriptInput = {
  subject: 'group:default/platform',
  organizations,
  profiles: planProfiles(
    [
      account('318204556071', 'platform-dev', ['PowerUserAccess']),
      account('318204556245', 'platform-prod', ['ReadOnlyAccess']),
      account('999999999999', 'lab', ['ReadOnlyAccess'], 'sandbox'),
    ],
    organizations,
  ),
  portal: { name: 'AWS Access Portal', url: 'http://localhost:3000' },
};
const hostile: SetupScriptInput = {
  ...input,
  subject: "user:default/o'brien\n$(touch pwned) `touch pwned`",
  organizations: [organization],
  profiles: planProfiles(
    [account('111111111111', 'platform "prod" [eu]', ['a+b=c,d'])],
    [organization],
  ),
};

describe('shellcheck', () => {
  it('finds nothing in the pieces the scripts are made of', () => {
    const dir = resolvePackagePath(
      '@aws-access/backstage-plugin-aws-access-backend',
      'scripts',
    );
    const pieces = readdirSync(dir).filter(f => f.endsWith('.sh'));
    expect(pieces.length).toBeGreaterThan(0);
    expect(shellcheck(pieces.map(f => join(dir, f)))).toEqual({
      status: 0,
      out: '',
    });
  });

  it.each([
    ['setup', renderSetupScript(input)],
    [
      'legacy remote setup',
      renderSetupScript({ ...input, variant: 'legacy', remote: true }),
    ],
    ['verify', renderVerifyScript(input)],
    ['verify without profiles', renderVerifyScript({ ...input, profiles: [] })],
  ])('finds nothing in a rendered %s script', (_, script) => {
    expect(shellcheck(['-s', 'sh', '-'], script)).toEqual({
      status: 0,
      out: '',
    });
  });

  it('finds nothing in scripts for hostile names but the single quotes that keep them text', () => {
    // SC2016 and SC1003 say "$(...)" and \' inside single quotes stay as they are, which is
    // what the quoting is for (the hostile-names integration test runs such a script).
    for (const script of [
      renderSetupScript(hostile),
      renderVerifyScript(hostile),
    ]) {
      expect(
        shellcheck(['-s', 'sh', '-e', 'SC2016,SC1003', '-'], script),
      ).toEqual({ status: 0, out: '' });
    }
  });
});
