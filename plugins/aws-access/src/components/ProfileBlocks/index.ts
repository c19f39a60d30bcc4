export { ProfileBlocks } from './ProfileBlocks';
export { profileKey } from './profileKey';
