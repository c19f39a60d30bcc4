export { AnnotationWarnings } from './AnnotationWarnings';
