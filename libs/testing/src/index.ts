export * from './broker';
export * from './eventually';
export * from './free-ports';
export * from './infra-file';
export * from './isolation';
export * from './test-service';
export { runCommand } from '@prepmate/infra';
export * from './factories/submission-events';
export * from './event-tap';
