import type { PlatformProblem, Verdict } from '@prepmate/contracts';

/** One submission read from an import or a platform API, before it is stored. */
export interface ImportRecord {
  /** Position in the request (or in the fetched list): rejections refer to it. */
  index: number;
  platformSubmissionId: string;
  problem: PlatformProblem;
  verdict: Verdict;
  language: string | null;
  submittedAt: Date;
  runtimeMs: number | null;
  memoryKb: number | null;
  solveTimeSeconds: number | null;
}

/** A record refused one by one: the rest of the import goes on. */
export interface Rejection {
  index: number;
  /**
   * VALIDATION_FAILED (bad data), NOT_FINAL (still being judged: import it again later) or
   * QUOTA_EXCEEDED (over a per-import or per-day limit: import it again later).
   */
  code: 'VALIDATION_FAILED' | 'NOT_FINAL' | 'QUOTA_EXCEEDED';
  message: string;
  field?: string;
}

export interface ParsedImport {
  records: ImportRecord[];
  rejected: Rejection[];
  /** Records in the request, valid or not. */
  received: number;
}

export class RecordError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly code: Rejection['code'] = 'VALIDATION_FAILED',
  ) {
    super(`${field}: ${message}`);
  }
}

/** Runs `parse` on each item, keeping valid records and one rejection per invalid item. */
export function parseEach<T>(
  items: readonly T[],
  parse: (item: T, index: number) => ImportRecord,
): ParsedImport {
  const records: ImportRecord[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, index) => {
    try {
      records.push(parse(item, index));
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      rejected.push({ index, code: error.code, message: error.message, field: error.field });
    }
  });
  return { records, rejected, received: items.length };
}
