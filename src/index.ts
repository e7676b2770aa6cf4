export { validateManifests } from './validation';
export * from './core/types';
export { envBindings, envBindingSources } from './bindings';
export * from './bindings/types';
export { applyDefaults } from './schema/defaults';
export * from './manifests';
export * from './constructs';
export * as l1 from './imports/toolhive.stacklok.dev';
export * from './plugin';
