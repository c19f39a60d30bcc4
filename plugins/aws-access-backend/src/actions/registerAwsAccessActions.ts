import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AuditTrail } from '../audit/AuditTrail';
import {
  ListAwsAccessActionOptions,
  registerListAwsAccessAction,
} from './listAwsAccessAction';
import {
  LookupAwsAccountActionOptions,
  registerLookupAwsAccountAction,
} from './lookupAwsAccountAction';
import {
  RenderAwsConfigActionOptions,
  registerRenderAwsConfigAction,
} from './renderAwsConfigAction';

/** What the actions need together. */
export type AwsAccessActionsOptions = LookupAwsAccountActionOptions &
  ListAwsAccessActionOptions &
  RenderAwsConfigActionOptions & {
    audit: Pick<AuditTrail, 'actions'>;
  };

/**
 * Registers the read-only actions assistants may call (through the MCP actions backend).
 * Each runs with the caller's credentials: the `aws-access.read` permission first, then
 * catalog reads as the caller, so a denied caller gets an error. Every call is audited.
 */
export function registerAwsAccessActions(
  actionsRegistry: ActionsRegistryService,
  options: AwsAccessActionsOptions,
) {
  const audited = options.audit.actions(actionsRegistry);
  registerLookupAwsAccountAction(audited, options);
  registerListAwsAccessAction(audited, options);
  registerRenderAwsConfigAction(audited, options);
}
