/**
 * Types, annotation names and AWS CLI configuration rendering shared by the AWS Access
 * frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './types';
export * from './awsConfig';
export * from './setupScript';
export * from './permissions';
export * from './accountResources';
export * from './facts';
export * from './requestAccess';
export * from './search';
export * from './temporaryAccess';
