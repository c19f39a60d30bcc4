import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  AwsCliSettings,
  SIGNED_IN_USER,
  renderAwsConfig,
} from '@aws-access/backstage-plugin-aws-access-common';
import { SubjectResolver } from '../resolution/SubjectResolver';
import { offeredRegions, subjectProfiles } from '../resolution/subjectProfiles';
import { shapes } from './shapes';

/** What `render-aws-config` needs. */
export interface RenderAwsConfigActionOptions {
  subjects: SubjectResolver;
  settings: AwsCliSettings;
}

/** `render-aws-config`: a catalog entity's (or the caller's) `~/.aws/config` text. */
export function registerRenderAwsConfigAction(
  actionsRegistry: ActionsRegistryService,
  { subjects, settings }: RenderAwsConfigActionOptions,
) {
  actionsRegistry.register({
    name: 'render-aws-config',
    title: 'Render ~/.aws/config',
    description:
      "Renders the AWS CLI configuration (~/.aws/config: one [sso-session] per organisation and one [profile] per account and role) of a catalog entity, or of the caller with 'me'. Contains no secrets.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: zod =>
        zod.object({
          entityRef: shapes(zod).subject.default(SIGNED_IN_USER),
          region: zod
            .enum(
              offeredRegions(settings.organizations) as [string, ...string[]],
            )
            .optional()
            .describe('The default region for the profiles'),
          variant: zod
            .enum(['sso-session', 'legacy'])
            .optional()
            .describe("'legacy' for AWS CLIs older than 2.9"),
        }),
      output: zod =>
        zod.object({
          entityRef: zod.string(),
          config: zod.string().describe('The ~/.aws/config text'),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entityRef, resolution } = await subjects.resolve(
        SubjectResolver.parse(input.entityRef),
        credentials,
      );
      const { profiles, organizations } = subjectProfiles(
        resolution.accounts,
        settings.organizations,
        input.region,
      );
      return {
        output: {
          entityRef,
          config: renderAwsConfig(profiles, organizations, input.variant),
        },
      };
    },
  });
}
