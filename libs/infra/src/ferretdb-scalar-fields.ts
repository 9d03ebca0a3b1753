/**
 * Top-level fields that hold a single value in every PrepMate collection, never an array:
 * libs/infra/ferretdb/scalar-field-pushdown.patch sends equality and `$in` on them to
 * PostgreSQL as `=` / `= ANY`, which their indexes serve, where stock FerretDB 1.24 scans the
 * table with `@>` (docs/architecture.md "FerretDB notes"). startFerretDb passes the list as
 * FERRETDB_PREPMATE_SCALAR_FIELDS. A field joins only if every schema declaring it declares a
 * single value (test/unit/ferretdb-scalar-fields.spec.ts checks every schema of every app):
 * in MongoDB `{ f: v }` also matches an array holding v, which `=` would miss.
 */
export const FERRETDB_SCALAR_FIELDS: readonly string[] = [
  'userId',
  'mentorId',
  'studentId',
  'createdBy',
  'authorId',
  'canonicalProblemId',
  'taskId',
  'roadmapId',
  'syncBatchId',
];
