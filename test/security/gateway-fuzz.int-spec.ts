/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document and bodies are walked as plain JSON */
import { eventually, sleep } from '@prepmate/testing';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';

/**
 * Fuzzing the edge (issue 11): every route of the gateway's OpenAPI document — so a route added
 * later is fuzzed too — gets generated path parameters, query values and bodies (wrong types,
 * huge strings, deep nesting, `$`-keys, `__proto__`/`constructor` keys, unicode, nulls), as a
 * student and, for admin routes, as an admin. Every answer must be below 500 and every error
 * in the one shape; another user's data (their export) must not change.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 8);
/** Every route is fuzzed in one test, so its time grows with the routes (about 90 today). */
const FUZZ_TIMEOUT_MS = 480_000;
/** Routes that end the fuzzer's session are fuzzed last. */
const LAST = new Set(['DELETE /api/v1/me', 'POST /api/v1/auth/logout']);

/** A JSON value as a tree, so keys such as `__proto__` survive until they are serialized. */
type Tree =
  | { kind: 'raw'; json: string }
  | { kind: 'array'; items: Tree[] }
  | { kind: 'object'; entries: Array<[string, Tree]> };

function serialize(tree: Tree): string {
  if (tree.kind === 'raw') return tree.json;
  if (tree.kind === 'array') return `[${tree.items.map(serialize).join(',')}]`;
  return `{${tree.entries.map(([key, value]) => `${JSON.stringify(key)}:${serialize(value)}`).join(',')}}`;
}

const raw = (value: unknown): Tree => ({ kind: 'raw', json: JSON.stringify(value) });

const nasty = [
  '',
  ' ',
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  'NaN',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\r\nx-injected: 1',
  "' OR 1=1 --",
  '{"$gt":""}',
  '$where',
  '__proto__',
  'constructor',
  'ñ-ü-ß-😀-𝔘-\u202e',
  '<script>alert(1)</script>',
  '2026-02-30T25:61:61Z',
  '00000000-0000-0000-0000-000000000000',
  'leetcode',
  'accepted',
];

const scalar: fc.Arbitrary<Tree> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER).map(raw),
  fc.constantFrom(...nasty).map(raw),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(raw),
  fc.integer().map(raw),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(raw),
  fc.constantFrom(1_000, 100_000).map((size) => raw('x'.repeat(size))),
);

const evilKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '$where',
    '$gt',
    '$ne',
    '$set',
    'a.b',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

const value: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }).map((items): Tree => ({ kind: 'array', items })),
    fc
      .array(fc.tuple(evilKey, tie('tree')), { maxLength: 4 })
      .map((entries): Tree => ({ kind: 'object', entries })),
  ),
})).tree;

/** 300 levels of `{"a":[...]}`, the kind of body that overflows recursive validators. */
const deep: Tree = Array.from({ length: 300 }).reduce<Tree>(
  (inner) => ({ kind: 'object', entries: [['a', { kind: 'array', items: [inner] }]] }),
  raw(1),
);

/** A body for a route: its own fields (from its schema) given hostile values, or anything. */
function bodyFor(fields: string[]): fc.Arbitrary<Tree | undefined> {
  const known = fields.length > 0 ? fc.constantFrom(...fields) : evilKey;
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(deep),
    value,
    fc
      .array(fc.tuple(fc.oneof(known, known, evilKey), value), { maxLength: 6 })
      .map((entries): Tree => ({ kind: 'object', entries })),
  );
}

const queryValue = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('x'.repeat(5000), '1', '100', '101', '-5', '1.5', 'true'),
);

const pathValue = fc.oneof(
  fc.uuid(),
  fc.constantFrom(...nasty.filter((text) => text !== '')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constant('x'.repeat(3000)),
);

interface Route {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  admin: boolean;
}

function resolveRef(document: any, schema: any): any {
  if (!schema?.$ref) return schema;
  return schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node: any, key: string) => node?.[key], document);
}

function routesOf(document: any): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries<any>(document.paths))
    for (const [method, operation] of Object.entries<any>(operations)) {
      const parameters = (operation.parameters ?? []).map((p: any) => resolveRef(document, p));
      const schema = resolveRef(
        document,
        operation.requestBody?.content?.['application/json']?.schema,
      );
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name),
        queryParams: parameters.filter((p: any) => p.in === 'query').map((p: any) => p.name),
        bodyFields: Object.keys(schema?.properties ?? {}),
        admin: path.startsWith('/api/v1/admin'),
      });
    }
  return routes.sort(
    (a, b) => Number(LAST.has(`${a.method} ${a.path}`)) - Number(LAST.has(`${b.method} ${b.path}`)),
  );
}

describe('fuzzing every gateway route', () => {
  const platforms = new RecordedPlatformServer();
  let system: PipelineSystem;
  let fuzzer: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let victim: { token: string; userId: string };

  beforeAll(async () => {
    await platforms.start();
    system = await startPipeline('fuzz', {
      admins: ['root'],
      env: {
        // No call leaves the machine: syncs the fuzzer starts reach the recorded platforms.
        ingestion: {
          CODEFORCES_API_URL: `${platforms.url}/api`,
          LEETCODE_GRAPHQL_URL: `${platforms.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: '1000',
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
        aggregation: { AGGREGATION_DEBOUNCE_MS: '100' },
      },
    });
    fuzzer = await system.register('fuzzer');
    admin = await system.register('root');
    victim = await system.register('victim');
    // The victim's data: submissions (normalized into problems), a custom roadmap, a follow.
    const imported = await system.api('POST', '/submissions/import', {
      token: victim.token,
      body: {
        platform: 'codeforces',
        submissions: [1, 2, 3].map((i) => ({
          platformSubmissionId: `v-${i}`,
          problem: { platformProblemId: `190${i}A`, title: `Victim Problem ${i}`, tags: ['math'] },
          verdict: i === 2 ? 'wrong_answer' : 'accepted',
          submittedAt: new Date(Date.UTC(2026, 1, i)).toISOString(),
        })),
      },
    });
    expect(imported.body.inserted).toBe(3);
    const roadmap = await system.api('POST', '/roadmaps/custom', {
      token: victim.token,
      body: { name: 'Victim plan', topics: [{ topic: 'math', weight: 1, layer: 'core' }] },
    });
    expect(roadmap.status).toBe(201);
    await system.api('POST', '/roadmaps/interview-core/follow', { token: victim.token });
    // The pipeline has carried the import through to the roadmap progress.
    await eventually(
      () => system.api('GET', '/roadmaps/pci', { token: victim.token }),
      (r) => r.body?.items?.length === 2 && r.body.items.every((p: any) => p.pciScore > 0),
      { timeoutMs: 30_000, what: "the victim's progress" },
    );
  });

  afterAll(async () => {
    await system?.stop();
    await platforms.stop();
  });

  /** The victim's export once the pipeline has settled (two equal reads a moment apart). */
  async function settledExport(): Promise<string> {
    // Two equal reads a moment apart (the export's own time left out).
    let previous = '';
    return eventually(
      async () => {
        await sleep(300);
        const response = await system.api('GET', '/me/export', { token: victim.token });
        expect(response.status).toBe(200);
        const { exportedAt: _when, ...data } = response.body;
        const current = JSON.stringify(data);
        // Settled includes advisory's advice, refreshed (debounced) after the victim's own
        // pci.recomputed: it is the victim's derived data, not something a fuzzer wrote.
        const stable = current === previous && data.services?.advisory?.advice != null;
        previous = current;
        return stable ? current : null;
      },
      (text) => text !== null,
      { timeoutMs: 30_000, what: "the victim's export to settle" },
    ) as Promise<string>;
  }

  it(
    'answers every generated request below 500, in the one error shape, leaving others alone',
    async () => {
      const document = await (await fetch(`${system.gateway.url}/docs-json`)).json();
      const routes = routesOf(document);
      expect(routes.length).toBeGreaterThan(40);
      const before = await settledExport();
      let requests = 0;
      const started = Date.now();

      for (const route of routes) {
        const tokens = route.admin ? [fuzzer.token, admin.token] : [fuzzer.token];
        for (const token of tokens) {
          await fc.assert(
            fc.asyncProperty(
              fc.record({
                path: fc.tuple(...route.pathParams.map(() => pathValue)),
                query: fc.array(
                  fc.tuple(
                    fc.oneof(
                      route.queryParams.length > 0
                        ? fc.constantFrom(...route.queryParams)
                        : evilKey,
                      fc.constantFrom('limit', 'cursor', 'q[$ne]', '__proto__[role]', 'format'),
                    ),
                    queryValue,
                  ),
                  { maxLength: 4 },
                ),
                body: bodyFor(route.bodyFields),
                contentType: fc.constantFrom(
                  'application/json',
                  'application/json',
                  'application/json; charset=utf-16',
                  'text/plain',
                ),
              }),
              async ({ path, query, body, contentType }) => {
                let url = route.path;
                route.pathParams.forEach((name, i) => {
                  url = url.replace(`{${name}}`, encodeURIComponent(path[i]));
                });
                const search = new URLSearchParams(query).toString();
                requests += 1;
                const response = await fetch(
                  `${system.gateway.url}${url}${search ? `?${search}` : ''}`,
                  {
                    method: route.method,
                    headers: {
                      authorization: `Bearer ${token}`,
                      ...(body === undefined ? {} : { 'content-type': contentType }),
                    },
                    body:
                      body === undefined || route.method === 'GET' ? undefined : serialize(body),
                  },
                );
                // A live stream (GET /events/stream) never ends: its answer is its status and
                // headers; the body is not read.
                if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
                  await response.body?.cancel();
                  if (response.status !== 200)
                    throw new Error(`stream answered ${response.status}: ${route.path}`);
                  return;
                }
                const text = await response.text();
                const what = `${route.method} ${url}?${search} → ${response.status} ${text.slice(0, 300)}`;
                // The system health answers 503 by contract when a service does not answer in
                // time (under this load, one may not): its own shape, not an error body.
                if (route.path === '/api/v1/health') {
                  const health = JSON.parse(text);
                  if (![200, 503].includes(response.status) || typeof health.services !== 'object')
                    throw new Error(`not the health shape: ${what}`);
                  return;
                }
                if (response.status >= 500) throw new Error(`server error: ${what}`);
                if (response.status >= 400) {
                  const parsed = JSON.parse(text);
                  if (
                    typeof parsed?.error?.code !== 'string' ||
                    typeof parsed.error.message !== 'string' ||
                    parsed.error.requestId !== response.headers.get('x-request-id') ||
                    /\bat .+\.(ts|js):\d+/.test(text)
                  )
                    throw new Error(`not the one error shape: ${what}`);
                }
              },
            ),
            { numRuns: RUNS_PER_ROUTE, endOnFailure: true },
          );
        }
      }
      process.stdout.write(
        `[fuzz] ${routes.length} routes, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
      expect(JSON.parse(await settledExport())).toEqual(JSON.parse(before));
    },
    FUZZ_TIMEOUT_MS,
  );
});
