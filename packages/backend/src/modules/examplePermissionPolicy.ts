import {
  UserInfoService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { awsAccessReadPermission } from '@aws-access/backstage-plugin-aws-access-common';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * The example portal's policy: everything is allowed, except that users listed under
 * `exampleOrg.awsAccessDeniedUsers` (or members of groups listed there) may not read AWS
 * access. It shows how an organisation plugs `aws-access.read` into its own policy.
 */
class ExamplePolicy implements PermissionPolicy {
  constructor(
    private readonly denied: string[],
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (isPermission(request.permission, awsAccessReadPermission) && user) {
      const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
        user.credentials,
      );
      if (ownershipEntityRefs.some(ref => this.denied.includes(ref))) {
        return { result: AuthorizeResult.DENY };
      }
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const examplePermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new ExamplePolicy(
            config.getOptionalStringArray('exampleOrg.awsAccessDeniedUsers') ??
              [],
            userInfo,
          ),
        );
      },
    });
  },
});
