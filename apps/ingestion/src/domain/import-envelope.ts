import {
  type ImportFormat,
  MAX_IMPORT_SUBMISSIONS,
  PLATFORMS,
  type Platform,
} from '@prepmate/contracts';
import { isObject } from './fields';

/** The body as a whole is unusable: the request is refused (400 or 413) and nothing is stored. */
export class EnvelopeError extends Error {
  constructor(
    readonly code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The records of an import body, not yet checked one by one. */
export interface ImportEnvelope {
  platform: Platform;
  items: unknown[];
  /** LeetCode's `recentAcSubmissionList` holds accepted submissions only. */
  acceptedList: boolean;
}

function limited(items: unknown[], field: string): unknown[] {
  if (items.length > MAX_IMPORT_SUBMISSIONS)
    throw new EnvelopeError(
      'PAYLOAD_TOO_LARGE',
      `an import may carry at most ${MAX_IMPORT_SUBMISSIONS} submissions (got ${items.length}); split it`,
      field,
    );
  return items;
}

function prepmate(body: unknown): ImportEnvelope {
  if (!isObject(body)) throw new EnvelopeError('VALIDATION_FAILED', 'the body must be an object');
  if (!PLATFORMS.includes(body.platform as Platform))
    throw new EnvelopeError(
      'VALIDATION_FAILED',
      `must be one of ${PLATFORMS.join(', ')}`,
      'platform',
    );
  if (!Array.isArray(body.submissions))
    throw new EnvelopeError('VALIDATION_FAILED', 'must be an array', 'submissions');
  return {
    platform: body.platform as Platform,
    items: limited(body.submissions, 'submissions'),
    acceptedList: false,
  };
}

function codeforces(body: unknown): ImportEnvelope {
  if (Array.isArray(body))
    return { platform: 'codeforces', items: limited(body, 'result'), acceptedList: false };
  if (!isObject(body))
    throw new EnvelopeError(
      'VALIDATION_FAILED',
      'expected the body of user.status or its result array',
    );
  if (body.status === 'FAILED')
    throw new EnvelopeError(
      'VALIDATION_FAILED',
      `the export is a failed Codeforces answer: ${String(body.comment ?? 'no comment')}`,
      'status',
    );
  if (body.status !== 'OK' || !Array.isArray(body.result))
    throw new EnvelopeError(
      'VALIDATION_FAILED',
      'expected { "status": "OK", "result": [...] }',
      'result',
    );
  return { platform: 'codeforces', items: limited(body.result, 'result'), acceptedList: false };
}

/** The submissions of one LeetCode GraphQL answer, and whether they are all accepted. */
function leetcodePage(page: unknown, at: string): { items: unknown[]; acceptedList: boolean } {
  if (!isObject(page))
    throw new EnvelopeError('VALIDATION_FAILED', 'expected a GraphQL answer', at);
  if (Array.isArray(page.errors) && page.errors.length > 0 && !isObject(page.data))
    throw new EnvelopeError(
      'VALIDATION_FAILED',
      'the export is a failed LeetCode answer',
      `${at}errors`,
    );
  const data = page.data;
  if (!isObject(data))
    throw new EnvelopeError('VALIDATION_FAILED', 'must be an object', `${at}data`);
  if (Array.isArray(data.recentAcSubmissionList))
    return { items: data.recentAcSubmissionList, acceptedList: true };
  for (const key of ['submissionList', 'questionSubmissionList']) {
    const list = data[key];
    if (isObject(list) && Array.isArray(list.submissions))
      return { items: list.submissions, acceptedList: false };
  }
  throw new EnvelopeError(
    'VALIDATION_FAILED',
    'expected data.recentAcSubmissionList, data.submissionList.submissions or data.questionSubmissionList.submissions',
    `${at}data`,
  );
}

function leetcode(body: unknown): ImportEnvelope[] {
  const pages = Array.isArray(body) ? body : [body];
  const envelopes = pages.map((page, i) => {
    const { items, acceptedList } = leetcodePage(page, Array.isArray(body) ? `[${i}].` : '');
    return { platform: 'leetcode' as const, items, acceptedList };
  });
  limited(
    envelopes.flatMap((envelope) => envelope.items),
    'data',
  );
  return envelopes;
}

/**
 * Reads an import body in one of the three formats (docs/product.md). Several LeetCode pages give
 * several envelopes; record indexes run on across them.
 */
export function readImportEnvelopes(format: ImportFormat, body: unknown): ImportEnvelope[] {
  switch (format) {
    case 'prepmate':
      return [prepmate(body)];
    case 'codeforces':
      return [codeforces(body)];
    case 'leetcode':
      return leetcode(body);
  }
}
