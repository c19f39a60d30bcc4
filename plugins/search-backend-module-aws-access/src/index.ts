/**
 * Backstage search collator for AWS Access accounts.
 *
 * @packageDocumentation
 */
export {};
