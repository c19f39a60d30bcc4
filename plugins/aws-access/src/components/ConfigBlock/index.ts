export { ConfigBlock } from './ConfigBlock';
