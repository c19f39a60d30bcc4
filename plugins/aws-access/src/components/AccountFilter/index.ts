export { AccountFilter } from './AccountFilter';
export { NO_FILTER, filterAccounts } from './filterAccounts';
export type { AccountFilterValue } from './filterAccounts';
