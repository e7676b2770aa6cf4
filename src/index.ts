export { validateManifests } from './validation';
export * from './validation/types';
