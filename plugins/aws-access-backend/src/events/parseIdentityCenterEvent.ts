import { RefreshTarget } from '../identityCenter/refreshTargets';

/** Why an event changes nothing. */
export type IgnoreReason =
  | 'malformed'
  | 'otherInstance'
  | 'unknownEvent'
  | 'failedCall'
  | 'membership';

export type ParsedEvent =
  | {
      type: 'refresh';
      target: RefreshTarget;
      eventTime?: Date;
      /** Whether the event named the scope's instance or identity store (not just no other). */
      matchedInstance: boolean;
    }
  | { type: 'ignore'; reason: IgnoreReason; detail: string };

/** The instance events must belong to; a field left out is not checked. */
export interface EventScope {
  instanceArn?: string;
  identityStoreId?: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 2048
    ? value
    : undefined;

const ignore = (reason: IgnoreReason, detail: string): ParsedEvent => ({
  type: 'ignore',
  reason,
  detail,
});

const GROUP_SOURCES = new Set([
  'identitystore.amazonaws.com',
  'identitystore-scim.amazonaws.com',
  'sso-directory.amazonaws.com',
]);

/** Group events by name, across the identity store API, SCIM and the console's directory. */
const GROUP_CHANGES = new Set([
  'CreateGroup',
  'DeleteGroup',
  'UpdateGroup',
  'PatchGroup',
  'PutGroup',
  'UpdateGroupDisplayName',
]);

const MEMBERSHIP_CHANGES = new Set([
  'CreateGroupMembership',
  'DeleteGroupMembership',
  'AddMemberToGroup',
  'RemoveMemberFromGroup',
]);

const PERMISSION_SET_CHANGES = new Set([
  'CreatePermissionSet',
  'UpdatePermissionSet',
  'DeletePermissionSet',
  'ProvisionPermissionSet',
]);

const ACCOUNT_CHANGES = new Set([
  'CreateAccount',
  'CreateGovCloudAccount',
  'CloseAccount',
  'MoveAccount',
  'InviteAccountToOrganization',
  'AcceptHandshake',
  'RemoveAccountFromOrganization',
  'LeaveOrganization',
]);

/**
 * Turns one event (the EventBridge envelope of a CloudTrail record, as the SQS message
 * body carries it, parsed or not) into what to re-read. Never throws: anything it cannot
 * use comes back as an ignore with a reason.
 */
export function parseIdentityCenterEvent(
  payload: unknown,
  scope: EventScope,
): ParsedEvent {
  let envelope = payload;
  if (typeof payload === 'string') {
    try {
      envelope = JSON.parse(payload);
    } catch {
      return ignore('malformed', 'the message body is not JSON');
    }
  }
  if (!isObject(envelope) || !isObject(envelope.detail)) {
    return ignore('malformed', 'no CloudTrail record in "detail"');
  }
  const record = envelope.detail;
  const source = text(record.eventSource);
  const name = text(record.eventName);
  if (!source || !name) {
    return ignore('malformed', 'the record has no eventSource or eventName');
  }
  const what = `${source} ${name}`;
  if (record.errorCode !== undefined && record.errorCode !== null) {
    return ignore('failedCall', `${what} failed: ${String(record.errorCode)}`);
  }
  const timeText = text(record.eventTime) ?? text(envelope.time);
  const parsedTime = timeText ? new Date(timeText) : undefined;
  const eventTime =
    parsedTime && !Number.isNaN(parsedTime.getTime()) ? parsedTime : undefined;
  const request = isObject(record.requestParameters)
    ? record.requestParameters
    : {};
  const response = isObject(record.responseElements)
    ? record.responseElements
    : {};
  const refresh = (
    target: RefreshTarget,
    matchedInstance: boolean,
  ): ParsedEvent => ({
    type: 'refresh',
    target,
    matchedInstance,
    ...(eventTime && { eventTime }),
  });

  if (source === 'sso.amazonaws.com') {
    const instanceArn = text(request.instanceArn);
    if (!instanceArn) {
      return PERMISSION_SET_CHANGES.has(name) ||
        name === 'CreateAccountAssignment' ||
        name === 'DeleteAccountAssignment'
        ? ignore('malformed', `${what} has no instanceArn`)
        : ignore('unknownEvent', what);
    }
    if (scope.instanceArn && instanceArn !== scope.instanceArn) {
      return ignore('otherInstance', `${what} for '${instanceArn}'`);
    }
    const matchedInstance = scope.instanceArn === instanceArn;
    if (
      name === 'CreateAccountAssignment' ||
      name === 'DeleteAccountAssignment'
    ) {
      const principalType = request.principalType;
      const principalId = text(request.principalId);
      const accountId = text(request.targetId);
      const permissionSetArn = text(request.permissionSetArn);
      if (
        (principalType !== 'GROUP' && principalType !== 'USER') ||
        !principalId ||
        !accountId ||
        !permissionSetArn
      ) {
        return ignore('malformed', `${what} names no principal and target`);
      }
      return refresh(
        {
          kind: 'principal',
          principalType,
          principalId,
          expect: {
            accountId,
            permissionSetArn,
            present: name === 'CreateAccountAssignment',
          },
        },
        matchedInstance,
      );
    }
    if (PERMISSION_SET_CHANGES.has(name)) {
      const created = isObject(response.permissionSet)
        ? text(response.permissionSet.permissionSetArn)
        : undefined;
      const arn = text(request.permissionSetArn) ?? created;
      return arn
        ? refresh({ kind: 'permissionSet', arn }, matchedInstance)
        : ignore('malformed', `${what} names no permission set`);
    }
    return ignore('unknownEvent', what);
  }

  if (GROUP_SOURCES.has(source)) {
    const identityStoreId = text(request.identityStoreId);
    if (
      scope.identityStoreId &&
      identityStoreId &&
      identityStoreId !== scope.identityStoreId
    ) {
      return ignore('otherInstance', `${what} for '${identityStoreId}'`);
    }
    if (GROUP_CHANGES.has(name)) {
      // SCIM records often hide their ids; the group list is cheap to read whole.
      return refresh(
        { kind: 'groups' },
        identityStoreId !== undefined &&
          identityStoreId === scope.identityStoreId,
      );
    }
    if (MEMBERSHIP_CHANGES.has(name)) {
      // Who is in a group comes from the catalog, not from Identity Center.
      return ignore('membership', what);
    }
    return ignore('unknownEvent', what);
  }

  if (source === 'organizations.amazonaws.com') {
    return ACCOUNT_CHANGES.has(name)
      ? refresh({ kind: 'accounts' }, false)
      : ignore('unknownEvent', what);
  }
  return ignore('unknownEvent', what);
}
