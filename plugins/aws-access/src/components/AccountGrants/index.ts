export { AccountGrants } from './AccountGrants';
