import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
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
  RenderAwsConfigActionOptions;

/**
 * Registers the read-only actions assistants may call (through the MCP actions backend).
 * Each runs with the caller's credentials: the `aws-access.read` permission first, then
 * catalog reads as the caller, so a denied caller gets an error.
 */
export function registerAwsAccessActions(
  actionsRegistry: ActionsRegistryService,
  options: AwsAccessActionsOptions,
) {
  registerLookupAwsAccountAction(actionsRegistry, options);
  registerListAwsAccessAction(actionsRegistry, options);
  registerRenderAwsConfigAction(actionsRegistry, options);
}
