import { exampleAwsAccessConfig } from './exampleOrg';

/**
 * Root config for a backend reading Identity Center from a fake at `fakeUrl` with fake
 * static credentials and two attempts per call; `identityCenter` adds or overrides keys
 * of `awsAccess.identityCenter` (the schedule, events).
 */
export function identityCenterConfig(
  fakeUrl: string,
  identityCenter: Record<string, unknown>,
) {
  return {
    aws: {
      mainAccount: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
    },
    awsAccess: {
      sso: exampleAwsAccessConfig.sso,
      source: 'identityCenter',
      identityCenter: {
        maxAttempts: 2,
        endpoints: {
          ssoAdmin: fakeUrl,
          identityStore: fakeUrl,
          organizations: fakeUrl,
        },
        ...identityCenter,
      },
    },
  };
}
