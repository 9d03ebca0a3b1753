/** Distinct users with an open report that flag a problem for review. */
export const FLAG_AFTER_REPORTS = 3;

/** What a problem's open reports make of it (docs/product.md#normalization). */
export interface ReportStanding {
  /** Distinct users with an open report. */
  openReports: number;
  /** Reported by enough of them to be reviewed by an admin. */
  flagged: boolean;
}

/** The standing of a problem from the reporters of its open reports (one user counts once). */
export function reportStanding(openReporters: string[]): ReportStanding {
  const openReports = new Set(openReporters).size;
  return { openReports, flagged: openReports >= FLAG_AFTER_REPORTS };
}
