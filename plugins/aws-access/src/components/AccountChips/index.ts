export { AccountChips } from './AccountChips';
