export { Troubleshooting } from './Troubleshooting';
