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
 * Counts every attempt with its outcome (the deserialize step runs once per attempt,
 * inside the SDK's retry loop), paces each attempt to its service's budget where it has one, and sends
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
      const operation = String(context.commandName).replace(/Command$/, '');
      try {
        const output = await next(args);
        counter.add(operation, 'success');
        return output;
      } catch (error) {
        const throttled = isThrottling(error);
        counter.add(operation, throttled ? 'throttled' : 'error');
        if (pacer && throttled) {
          pacer.backOff();
        }
        throw error;
      }
    },
    // Outside the SDK's deserializer (which has normal priority), so a failed attempt
    // arrives here as its modelled error, e.g. ThrottlingException, not as a raw response.
    { step: 'deserialize', name: 'awsAccessPaceAndCount', priority: 'high' },
  );
}

/**
 * The request budgets of one backend instance. Full syncs and incremental refreshes share
 * them, so together they stay within the quotas.
 */
export interface RequestPacers {
  ssoAdmin: RequestPacer;
  organizations: RequestPacer;
}

export function createRequestPacers(
  settings: IdentityCenterSettings,
): RequestPacers {
  return {
    ssoAdmin: new RequestPacer(settings.requestsPerSecond),
    organizations: new RequestPacer(settings.organizationsRequestsPerSecond),
  };
}

/**
 * Builds the three SDK clients for one read, sharing a call counter. sso-admin and
 * Organizations each have their own quota and so their own pacer; `stopped` ends the
 * read's remaining requests once one part of it has failed.
 */
export function createIdentityCenterClients(options: {
  settings: IdentityCenterSettings;
  credentials: AwsCredentialIdentityProvider;
  counter: CallCounter;
  stopped: AbortSignal;
  pacers: RequestPacers;
}): IdentityCenterClients {
  const { settings, credentials, counter, stopped, pacers } = options;
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
  instrument(ssoAdmin, counter, stopped, pacers.ssoAdmin);
  instrument(identityStore, counter, stopped);
  instrument(organizations, counter, stopped, pacers.organizations);
  return { ssoAdmin, identityStore, organizations };
}
