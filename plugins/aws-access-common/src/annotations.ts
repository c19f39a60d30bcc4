/**
 * Names the IAM Identity Center group (by group id or display name) that a catalog Group
 * stands for. Takes precedence over every other way of matching a Group. With several
 * organisations: a comma-separated list, each entry optionally qualified by an
 * organisation id (`prod:1234abcd-…`); an unqualified entry applies in every organisation.
 *
 * @public
 */
export const ANNOTATION_IDENTITY_CENTER_GROUP =
  'aws-access/identity-center-group';

/**
 * The AWS account id(s) an entity belongs to, comma separated. The same key the catalog's
 * AWS Organizations processor writes on account Resources.
 *
 * @public
 */
export const ANNOTATION_AWS_ACCOUNT_ID = 'amazonaws.com/account-id';

/**
 * The Entra ID (Azure AD) object id of a Group, as the Microsoft Graph catalog provider
 * writes it. Matched against the external ids of Identity Center groups provisioned by SCIM.
 *
 * @public
 */
export const ANNOTATION_ENTRA_GROUP_ID = 'graph.microsoft.com/group-id';

/**
 * Roadie's annotation for the AWS account a Resource stands for.
 *
 * @public
 */
export const ANNOTATION_ROADIE_ACCOUNT_ID = 'amazon.com/account-id';

/**
 * The IAM Identity Center user name of a catalog User, when it is neither their email nor
 * their entity name. Used to find their direct (user) assignments.
 *
 * @public
 */
export const ANNOTATION_IDENTITY_CENTER_USER =
  'aws-access/identity-center-user';

/**
 * The organisation id of an account Resource, when its account id is known to several
 * organisations of the portal.
 *
 * @public
 */
export const ANNOTATION_AWS_ORGANIZATION = 'aws-access/organization';
