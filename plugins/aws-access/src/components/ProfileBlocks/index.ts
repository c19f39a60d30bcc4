export { ProfileBlocks } from './ProfileBlocks';
