export { AccessView } from './AccessView';
