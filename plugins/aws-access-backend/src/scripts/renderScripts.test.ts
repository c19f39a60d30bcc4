import { planProfiles } from '@aws-access/backstage-plugin-aws-access-common';
import { account, organization, sandbox } from './__testUtils__/awsCliHome';
import {
  SetupScriptInput,
  managedBlockMarkers,
  renderManagedBlock,
  renderSetupScript,
} from './renderSetupScript';
import { renderVerifyScript } from './renderVerifyScript';
import { loadScriptAsset } from './scriptAssets';
import { commentText } from './scriptVariables';

/* What the scripts are made of, read as text; running them is the integration tests' job. */

const organizations = [organization, sandbox];
const input: SetupScriptInput = {
  subject: "user:default/o'brien\n$(touch pwned)",
  organizations,
  profiles: planProfiles(
    [
      account('318204556071', 'platform-dev', ['ReadOnlyAccess']),
      account('999999999999', 'lab', ['ReadOnlyAccess'], 'sandbox'),
    ],
    organizations,
  ),
};

describe('the rendered scripts', () => {
  it('puts the variables first, then the checks, then the main part of each script', () => {
    const verify = renderVerifyScript(input);
    expect(verify.startsWith('#!/bin/sh\n')).toBe(true);
    expect(verify).toContain(
      '\nuse_session() {\n  case $1 in\n    1)\n      SESSION=sikt\n      START_URL=https://d-c3670fd13e.awsapps.com/start\n',
    );
    expect(verify.endsWith(loadScriptAsset('verify-aws-access.sh'))).toBe(true);
    expect(verify).toContain(loadScriptAsset('verify-checks.sh'));

    const setup = renderSetupScript(input);
    expect(setup.endsWith(loadScriptAsset('setup-aws-access.sh'))).toBe(true);
    expect(setup).toContain(loadScriptAsset('verify-checks.sh'));
    expect(setup).toContain(
      `cat >"$work/merge.awk" <<'AWS_ACCESS_MERGE_PROGRAM'\n${loadScriptAsset(
        'merge-config.awk',
      )}AWS_ACCESS_MERGE_PROGRAM\n}`,
    );
  });

  it("sets each session's variables in turn, in organisation order", () => {
    const verify = renderVerifyScript(input);
    const body = verify.slice(
      verify.indexOf('use_session() {'),
      verify.indexOf('\n}\n', verify.indexOf('use_session() {')),
    );
    expect(verify).toContain('\nSESSION_COUNT=2\n');
    expect(body.match(/^ +(\d\)|SESSION=\S+)$/gm)).toEqual([
      '    1)',
      '      SESSION=sikt',
      '    2)',
      '      SESSION=sandbox',
    ]);
    expect(body).toContain(
      "      EXPECTED='sandbox-lab-ReadOnlyAccess|999999999999|ReadOnlyAccess'\n",
    );
    expect(body).toContain(
      "      LOGIN_COMMAND='aws sso login --sso-session sandbox'\n",
    );
    const none = renderVerifyScript({
      ...input,
      organizations: [],
      profiles: [],
    });
    expect(none).toContain('\nSESSION_COUNT=0\n');
    expect(none).toContain('use_session() {\n  :\n}\n');
  });

  it('writes one block per session, each between markers that name its session', () => {
    const setup = renderSetupScript(input);
    const opening = "<<'AWS_ACCESS_MANAGED_BLOCK'\n";
    const blocks = setup.slice(
      setup.indexOf(opening) + opening.length,
      setup.indexOf('\nAWS_ACCESS_MANAGED_BLOCK\n'),
    );
    expect(`${blocks}\n`).toBe(
      renderManagedBlock(input, organization) +
        renderManagedBlock(input, sandbox),
    );
    const sandboxBlock = renderManagedBlock(input, sandbox);
    expect(sandboxBlock).toMatch(
      /^# >>> AWS Access sso-session sandbox >>>\n# The AWS profiles of user:default\/o'brien \$\(touch pwned\) in Sandbox,/,
    );
    expect(sandboxBlock).toContain(
      '\n[profile sandbox-lab-ReadOnlyAccess]\nsso_session = sandbox\n',
    );
    expect(sandboxBlock).not.toContain('sikt');
    expect(
      sandboxBlock.endsWith(`${managedBlockMarkers('sandbox').end}\n`),
    ).toBe(true);
    expect(setup).toContain(
      "\nSESSIONS='sikt\nsandbox'\nSTART_URLS='https://d-c3670fd13e.awsapps.com/start\nhttps://d-9067c0ffee.awsapps.com/start'\nBEGIN_MARKERS='# >>> AWS Access sso-session sikt >>>\n# >>> AWS Access sso-session sandbox >>>'\n",
    );
  });

  it('keeps a hostile subject on its comment lines and inside single quotes', () => {
    const setup = renderSetupScript(input);
    expect(setup).toContain(
      "# Installs the AWS CLI profiles of user:default/o'brien $(touch pwned) into",
    );
    expect(setup).toContain(
      "SUBJECT='user:default/o'\\''brien $(touch pwned)'\n",
    );
  });

  it('refuses a session name or profile name it would not write safely', () => {
    const hostileSession = {
      ...sandbox,
      sso: { ...sandbox.sso, sessionName: "it's $(x)" },
    };
    for (const render of [renderSetupScript, renderVerifyScript]) {
      expect(() =>
        render({ ...input, organizations: [organization, hostileSession] }),
      ).toThrow(
        new TypeError(
          'SSO session name "it\'s $(x)" cannot be used in a script: it may contain only letters, digits, ".", "_" and "-"',
        ),
      );
    }
    for (const render of [renderSetupScript, renderVerifyScript]) {
      expect(() =>
        render({
          ...input,
          profiles: [{ ...input.profiles[0], profileName: 'default' }],
        }),
      ).toThrow(
        new TypeError(
          'Profile name "default" cannot be used in a script: it is a name the AWS CLI treats specially',
        ),
      );
    }
    expect(() =>
      renderSetupScript({ ...input, organizations: [organization] }),
    ).toThrow(/belongs to organisation 'sandbox', which is not among/);
  });

  it('makes any text one comment line', () => {
    expect(commentText('a\nb\r\u2028c\u0007d')).toBe('a b c d');
  });
});
