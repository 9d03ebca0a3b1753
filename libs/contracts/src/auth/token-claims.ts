/** Defaults of the access-token claims auth signs and the gateway checks; both must agree. */
export const DEFAULT_TOKEN_ISSUER = 'prepmate-auth';
export const DEFAULT_TOKEN_AUDIENCE = 'prepmate';
