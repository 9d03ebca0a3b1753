/**
 * What request bodies and queries of several services check the same way (class-validator and
 * class-transformer decorators take these).
 */

/** `@Transform`: a string without the white space around it; any other value as it is. */
export const trimString = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** A topic slug: lower-case letters and digits, in words joined by single hyphens. */
export const TOPIC_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
