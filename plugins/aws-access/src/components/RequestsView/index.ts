export { RequestsView } from './RequestsView';
