import { planProfiles } from '@aws-access/backstage-plugin-aws-access-common';
import { account, settings, sso } from './__testUtils__/awsCliHome';
import { renderSetupScript } from './renderSetupScript';
import { renderVerifyScript } from './renderVerifyScript';
import { loadScriptAsset } from './scriptAssets';
import { commentText } from './scriptVariables';

/* What the scripts are made of, read as text; running them is the integration tests' job. */

const input = {
  subject: "user:default/o'brien\n$(touch pwned)",
  sso,
  profiles: planProfiles(
    [account('318204556071', 'platform-dev', ['ReadOnlyAccess'])],
    settings,
  ),
  settings,
};

describe('the rendered scripts', () => {
  it('puts the variables first, then the checks, then the main part of each script', () => {
    const verify = renderVerifyScript(input);
    expect(verify.startsWith('#!/bin/sh\n')).toBe(true);
    expect(verify).toContain(
      '\nSESSION=sikt\nSTART_URL=https://d-c3670fd13e.awsapps.com/start\n',
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

  it('keeps a hostile subject on its comment lines and inside single quotes', () => {
    const setup = renderSetupScript(input);
    expect(setup).toContain(
      "# Installs the AWS CLI profiles of user:default/o'brien $(touch pwned) into",
    );
    expect(setup).toContain(
      "SUBJECT='user:default/o'\\''brien $(touch pwned)'\n",
    );
  });

  it('makes any text one comment line', () => {
    expect(commentText('a\nb\r\u2028c\u0007d')).toBe('a b c d');
  });
});
