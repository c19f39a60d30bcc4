import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { CallCounter } from './CallCounter';
import { RequestPacer } from './RequestPacer';
import { IdentityCenterSettings } from './settings';

export interface IdentityCenterClients {
  ssoAdmin: SSOAdminClient;
  identityStore: IdentitystoreClient;
  organizations: OrganizationsClient;
}

type AnyClient = SSOAdminClient | IdentitystoreClient | OrganizationsClient;

function isThrottling(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  return /Throttl|TooManyRequests/.test(name);
}

/**
 * Counts every attempt (the deserialize step runs once per attempt, inside the SDK's
 * retry loop), paces each attempt to its service's budget where it has one, and sends
 * nothing once the read is stopped.
 */
function instrument(
  client: AnyClient,
  counter: CallCounter,
  stopped: AbortSignal,
  pacer?: RequestPacer,
): void {
  (client.middlewareStack as SSOAdminClient['middlewareStack']).add(
    (next, context) => async args => {
      if (pacer) {
        await pacer.acquire();
      }
      stopped.throwIfAborted();
      counter.add(String(context.commandName).replace(/Command$/, ''));
      try {
        return await next(args);
      } catch (error) {
        if (pacer && isThrottling(error)) {
          pacer.backOff();
        }
        throw error;
      }
    },
    { step: 'deserialize', name: 'awsAccessPaceAndCount', priority: 'low' },
  );
}

/**
 * Builds the three SDK clients for one sync, sharing a call counter. sso-admin and
 * Organizations each have their own quota and so their own pacer; `stopped` ends the
 * sync's remaining requests once one part of it has failed.
 */
export function createIdentityCenterClients(options: {
  settings: IdentityCenterSettings;
  credentials: AwsCredentialIdentityProvider;
  counter: CallCounter;
  stopped: AbortSignal;
}): IdentityCenterClients {
  const { settings, credentials, counter, stopped } = options;
  const common = { credentials, maxAttempts: settings.maxAttempts };
  const ssoAdmin = new SSOAdminClient({
    ...common,
    region: settings.region,
    ...(settings.endpoints.ssoAdmin && {
      endpoint: settings.endpoints.ssoAdmin,
    }),
  });
  const identityStore = new IdentitystoreClient({
    ...common,
    region: settings.region,
    ...(settings.endpoints.identityStore && {
      endpoint: settings.endpoints.identityStore,
    }),
  });
  const organizations = new OrganizationsClient({
    ...common,
    region: settings.organizationsRegion,
    ...(settings.endpoints.organizations && {
      endpoint: settings.endpoints.organizations,
    }),
  });
  instrument(
    ssoAdmin,
    counter,
    stopped,
    new RequestPacer(settings.requestsPerSecond),
  );
  instrument(identityStore, counter, stopped);
  instrument(
    organizations,
    counter,
    stopped,
    new RequestPacer(settings.organizationsRequestsPerSecond),
  );
  return { ssoAdmin, identityStore, organizations };
}
