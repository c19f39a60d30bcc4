export { FakeIdentityCenter } from './FakeIdentityCenter';
export { generateOrg } from './generateOrg';
export type { OrgShape } from './generateOrg';
export type { FakeBehaviour, FakeOrg } from './model';
