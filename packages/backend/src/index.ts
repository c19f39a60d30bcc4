import { createBackend } from '@backstage/backend-defaults';
import { examplePermissionPolicyModule } from './modules/examplePermissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@backstage/plugin-permission-backend'));
// Allows everything but AWS access for the users in exampleOrg.awsAccessDeniedUsers.
backend.add(examplePermissionPolicyModule);
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// Where AWS Access's "Ask" button sends its requests (awsAccess.requestAccess.notifyTeam).
backend.add(import('@backstage/plugin-notifications-backend'));
// The events system, and the SQS module that publishes queue messages to it: AWS Access
// reads Identity Center changes from the queue configured under events.modules.awsSqs.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-aws-sqs'));

backend.add(import('@aws-access/backstage-plugin-aws-access-backend'));
// The portal's search with its default in-memory engine (Lunr): catalog entities and
// AWS accounts.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(
  import('@aws-access/backstage-plugin-search-backend-module-aws-access'),
);
// Exposes the actions of backend.actions.pluginSources to assistants over MCP.
backend.add(import('@backstage/plugin-mcp-actions-backend'));
backend.start();
