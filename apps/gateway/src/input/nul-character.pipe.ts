import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from '@prepmate/platform';

interface Step {
  value: unknown;
  parent: Step | null;
  key: string | number | null;
}

function pathOf(step: Step, root: string): string {
  const parts: Array<string | number> = [];
  for (let at: Step | null = step; at && at.key !== null; at = at.parent) parts.push(at.key);
  return parts
    .reverse()
    .reduce<string>(
      (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key),
      root,
    );
}

/**
 * Where the first U+0000 is in a JSON value (a key or a string), or null. Iterative, and the
 * path is only spelled out when one is found: any depth, linear in the size of the value.
 */
export function findNulCharacter(value: unknown, root: string): string | null {
  const stack: Step[] = [{ value, parent: null, key: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pathOf(step, root);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, parent: step, key: index }));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return pathOf(step, root);
        stack.push({ value: item, parent: step, key });
      }
    }
  }
  return null;
}

/**
 * Refuses U+0000 anywhere in a request's path parameters, query or body (400 naming the
 * field). No PrepMate value holds one, and a string carrying it cannot be stored (PostgreSQL
 * under FerretDB refuses it: a database error, a 500) or safely logged.
 */
@Injectable()
export class NulCharacterPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const root = metadata.data ?? (metadata.type === 'body' ? 'body' : '');
    const field = findNulCharacter(value, root);
    if (field !== null)
      throw AppError.validation([
        { field: field || metadata.type, message: 'must not contain the character U+0000' },
      ]);
    return value;
  }
}
