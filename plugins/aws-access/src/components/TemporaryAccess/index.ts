export { RequestTemporaryAccess } from './RequestTemporaryAccess';
