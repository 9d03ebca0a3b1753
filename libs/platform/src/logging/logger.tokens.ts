/** DI token of the process's root pino logger; classes take `.child({ component })` of it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
