export { RoleCliSteps } from './RoleCliSteps';
