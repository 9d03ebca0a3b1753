/** DI token of the running service's name (`auth`, `ingestion`, ...). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
