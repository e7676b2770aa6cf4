export { validateManifests } from './validation';
export * from './validation/types';
export { envBindings } from './bindings';
export * from './bindings/types';
export { applyDefaults } from './schema/defaults';
