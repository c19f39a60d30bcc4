export { SetupMachine } from './SetupMachine';
