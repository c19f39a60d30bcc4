export { AccountLookupView } from './AccountLookupView';
export { AccountSearch } from './AccountSearch';
