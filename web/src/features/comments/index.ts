export { PostComments } from './PostComments';
