export { NotAllowed, isNotAllowed } from './NotAllowed';
