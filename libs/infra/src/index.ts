export * from './ferretdb';
export * from './local-servers';
export * from './probe';
export * from './progress';
export * from './resolve-infrastructure';
export * from './stop-child';
export * from './ferretdb-scalar-fields';
