export { ProfileBlocks, profileKey } from './ProfileBlocks';
