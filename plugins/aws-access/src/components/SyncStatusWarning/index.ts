export { SyncStatusWarning } from './SyncStatusWarning';
