export {
  EntityAwsAccessCard,
  EntityAwsAccessContent,
} from './EntityAwsAccessCard';
