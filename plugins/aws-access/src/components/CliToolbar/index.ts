export { CliToolbar } from './CliToolbar';
