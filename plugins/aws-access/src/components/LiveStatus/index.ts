export { AccessUpdatedStatus } from './AccessUpdatedStatus';
export { LiveStatus } from './LiveStatus';
