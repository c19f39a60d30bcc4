import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The AWS Access collator: AWS accounts in the portal's search. */
      awsAccess?: {
        /**
         * How often accounts are indexed. Defaults to every 10 minutes, 3 seconds after
         * start, with a 5-minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where the AWS Access page is mounted in the app, for the links of search hits.
         * Defaults to `/aws-access`.
         */
        accountsPath?: string;
      };
    };
  };
}
