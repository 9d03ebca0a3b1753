/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked field by field */
import { eventually, expectErrorShape } from '@prepmate/testing';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PlatformCircuitBreakers } from '../../apps/ingestion/src/platforms/circuit-breakers';
import { startPipeline, type PipelineSystem } from '../support/pipeline-system';
import { RecordedPlatformServer } from '../support/recorded-platform-server';

/**
 * The attacks of issue 11 on the edge and the shared catalog (docs/security-input.md), each
 * through the gateway as an outsider would send it. Each test names the answer before the fix.
 */
const NEW_PROBLEMS_PER_DAY = 6;
const LOOKUPS_PER_IMPORT = 5;
const CUSTOM_ROADMAPS = 4;

function prepmateRecord(id: string, problem: Record<string, unknown>, minute = 0) {
  return {
    platformSubmissionId: id,
    problem,
    verdict: 'accepted',
    submittedAt: new Date(Date.UTC(2026, 2, 1, 10, minute)).toISOString(),
  };
}

function leetcodeItem(id: string, titleSlug: string, title = 'Whatever') {
  return { id, title, titleSlug, timestamp: '1709287500', statusDisplay: 'Accepted' };
}

describe('attacks on the edge and the shared catalog', () => {
  const leetcode = new RecordedPlatformServer();
  let system: PipelineSystem;
  let admin: { token: string; userId: string };
  let mallory: { token: string; userId: string };
  let trudy: { token: string; userId: string };
  let victim: { token: string; userId: string };

  beforeAll(async () => {
    await leetcode.start();
    system = await startPipeline('edge', {
      admins: ['root'],
      env: {
        ingestion: {
          LEETCODE_GRAPHQL_URL: `${leetcode.url}/graphql`,
          PLATFORM_HTTP_TIMEOUT_MS: '1000',
          CIRCUIT_HALF_OPEN_AFTER_MS: '60000',
          LEETCODE_LOOKUPS_PER_IMPORT: String(LOOKUPS_PER_IMPORT),
          NEW_PROBLEMS_PER_USER_PER_DAY: String(NEW_PROBLEMS_PER_DAY),
          INTEGRATION_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        },
        roadmap: { CUSTOM_ROADMAPS_PER_USER: String(CUSTOM_ROADMAPS) },
      },
    });
    admin = await system.register('root');
    mallory = await system.register('mallory');
    trudy = await system.register('trudy');
    victim = await system.register('victim');
  });

  afterAll(async () => {
    await system?.stop();
    await leetcode.stop();
  });

  /** A raw request, for headers and bodies the JSON client never sends. */
  async function raw(
    path: string,
    init: { headers?: Record<string, string>; body?: string | Buffer; method?: string },
  ) {
    const response = await fetch(`${system.gateway.url}/api/v1${path}`, {
      method: init.method ?? 'POST',
      headers: init.headers,
      body: init.body,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: JSON.parse(text) };
  }

  const problemsOf = (token: string, q: string) =>
    system.api('GET', `/problems?q=${encodeURIComponent(q)}`, { token }).then((r) => r.body.items);

  describe('point 9: every client error keeps its status', () => {
    it('answers 415 to a JSON body in latin1 (was 500)', async () => {
      const response = await raw('/auth/login', {
        headers: { 'content-type': 'application/json; charset=latin1' },
        body: '{"email":"a@b.c","password":"x"}',
      });
      expectErrorShape(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(JSON.stringify(response.body)).not.toContain('LATIN1');
    });

    it('answers 415 to an unknown Content-Encoding (was 500)', async () => {
      const response = await raw('/auth/login', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'x-mystery' },
        body: '{}',
      });
      expectErrorShape(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('still reads gzip, and answers 400 to malformed JSON and 413 to a large body', async () => {
      const gzipped = await raw('/auth/login', {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify({ email: 'nobody@example.com', password: 'wrong-pass' })),
      });
      expectErrorShape(gzipped, 401, 'UNAUTHENTICATED');
      expectErrorShape(
        await raw('/auth/login', { headers: { 'content-type': 'application/json' }, body: '{"' }),
        400,
        'BAD_REQUEST',
      );
      expectErrorShape(
        await raw('/auth/login', {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
        }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });
  });

  describe('point 5: the import body is read only for an authenticated caller', () => {
    it('refuses an anonymous 11 MB import with 401 without reading it (was 413)', async () => {
      const response = await raw('/submissions/import', {
        headers: { 'content-type': 'application/json' },
        body: `{"platform":"leetcode","submissions":["${'x'.repeat(11 * 1024 * 1024)}"]}`,
      });
      expectErrorShape(response, 401, 'UNAUTHENTICATED');
    });

    it('refuses malformed JSON from a forged token with 401 (was 400: parsed first)', async () => {
      const response = await raw('/submissions/import', {
        headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
        body: '{"platform": ',
      });
      expectErrorShape(response, 401, 'UNAUTHENTICATED');
    });

    it('still parses a signed-in import, and 413s one over the import limit', async () => {
      const ok = await system.api('POST', '/submissions/import', {
        token: victim.token,
        body: { platform: 'codeforces', submissions: [] },
      });
      expect(ok.status).toBe(202);
      expectErrorShape(
        await raw('/submissions/import', {
          headers: { 'content-type': 'application/json', authorization: `Bearer ${victim.token}` },
          body: `{"platform":"leetcode","submissions":["${'x'.repeat(11 * 1024 * 1024)}"]}`,
        }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
    });
  });

  describe("point 5: one user's made-up LeetCode slugs", () => {
    it('refuses bad slugs before any look-up, caps look-ups, and leaves LeetCode’s breaker closed', async () => {
      // LeetCode rate-limits every look-up: before, 10 000 junk slugs were all looked up and
      // their failures opened the breaker every user's sync goes through.
      leetcode.script(
        'graphql:question',
        ...Array.from({ length: 50 }, () => ({ status: 429, body: { message: 'slow down' } })),
      );
      const before = leetcode.count('graphql:question');
      const items = [
        leetcodeItem('9001', '../../admin?x=1'),
        leetcodeItem('9002', 'Two Sum'),
        leetcodeItem('9003', 'x'.repeat(150)),
        ...Array.from({ length: 30 }, (_, i) => leetcodeItem(String(9100 + i), `junk-slug-${i}`)),
      ];
      const response = await system.api('POST', '/submissions/import?format=leetcode', {
        token: trudy.token,
        body: { data: { submissionList: { submissions: items } } },
      });
      expect(response.status).toBe(202);
      const byCode = (code: string) =>
        response.body.rejected.filter((r: any) => r.code === code).map((r: any) => r.index);
      expect(byCode('VALIDATION_FAILED')).toEqual([0, 1, 2]);
      expect(response.body.rejected[0].field).toBe('titleSlug');
      // Look-ups stop at the per-import cap; the records beyond it are refused one by one.
      expect(leetcode.count('graphql:question') - before).toBe(LOOKUPS_PER_IMPORT);
      expect(byCode('QUOTA_EXCEEDED')).toHaveLength(30 - LOOKUPS_PER_IMPORT);
      const breakers = system.services.get('ingestion')!.app.get(PlatformCircuitBreakers);
      expect(breakers.state('leetcode')).toBe('closed');
      leetcode.clearScripts();
    });
  });

  describe('point 7: the LeetCode session cookie', () => {
    it('refuses a cookie HTTP cannot carry at link time, naming the field, never echoing it (was 200)', async () => {
      const secret = 'eyJzZXNzaW9uIjoic2VjcmV0In0.abcdefghijklmnop';
      for (const cookie of [`${secret}\r\nx-evil: 1`, `${secret} ü`, `${secret};other=1`]) {
        const response = await system.api('PUT', '/integrations/leetcode', {
          token: mallory.token,
          body: { username: 'mallory', sessionCookie: cookie },
        });
        expectErrorShape(response, 400, 'VALIDATION_FAILED');
        expect(response.body.error.details.map((d: any) => d.field)).toEqual(['sessionCookie']);
        expect(JSON.stringify(response.body)).not.toContain(secret);
      }
      const linked = await system.api('PUT', '/integrations/leetcode', {
        token: mallory.token,
        body: { username: 'mallory', sessionCookie: secret },
      });
      expect(linked.status).toBe(200);
    });
  });

  describe('point 3: user imports cannot write the shared catalog', () => {
    let twoSumId: string;

    it('a platform-read problem is everyone’s; a URL sent by a user is never used', async () => {
      const imported = await system.api('POST', '/submissions/import?format=leetcode', {
        token: victim.token,
        body: { data: { recentAcSubmissionList: [leetcodeItem('7001', 'two-sum', 'Two Sum')] } },
      });
      expect(imported.body.inserted).toBe(1);
      const [twoSum] = await eventually(
        () => problemsOf(admin.token, 'two sum'),
        (items) => items.length === 1,
        { what: 'Two Sum in the catalog' },
      );
      twoSumId = twoSum.id;
      expect(twoSum).toMatchObject({ title: 'Two Sum', verified: true });

      // Mallory brings a "Two Sum" of her own, pointing at a phishing page, with junk tags.
      const attack = await system.api('POST', '/submissions/import', {
        token: mallory.token,
        body: {
          platform: 'hackerrank',
          submissions: [
            prepmateRecord('m-1', {
              platformProblemId: 'two-sum-free-prize',
              title: 'Two Sum',
              difficulty: 'easy',
              url: 'https://evil.example/login',
              tags: ['Array', 'Hash Table', 'Dynamic Programming', 'free-prize'],
            }),
          ],
        },
      });
      expect(attack.body.inserted).toBe(1);
      const seenByMallory = await eventually(
        () => system.api('GET', `/problems/${twoSumId}`, { token: mallory.token }),
        (r) => r.body.platforms?.length === 2,
        { what: "Mallory's platform problem on Two Sum" },
      );
      // Before: her URL went to every user of Two Sum, and her tags became its topics.
      expect(JSON.stringify(seenByMallory.body)).not.toContain('evil.example');
      expect(seenByMallory.body.platforms[1]).toMatchObject({
        platform: 'hackerrank',
        url: 'https://www.hackerrank.com/challenges/two-sum-free-prize/problem',
        verified: false,
      });
      const seenByVictim = await system.api('GET', `/problems/${twoSumId}`, {
        token: victim.token,
      });
      expect(seenByVictim.body.platforms.map((p: any) => p.platform)).toEqual(['leetcode']);
      expect(seenByVictim.body.topics).not.toContain('dynamic-programming');
      expect(seenByVictim.body.normalizedTags).not.toContain('free-prize');
    });

    it('a problem only an import vouches for is its importer’s until confirmed', async () => {
      const attack = await system.api('POST', '/submissions/import', {
        token: mallory.token,
        body: {
          platform: 'codechef',
          submissions: [
            prepmateRecord('m-2', { platformProblemId: 'PHISH01', title: 'Claim Your Reward' }),
          ],
        },
      });
      expect(attack.body.inserted).toBe(1);
      const [junk] = await eventually(
        () => problemsOf(mallory.token, 'claim your reward'),
        (items) => items.length === 1,
        { what: "Mallory's problem normalized" },
      );
      expect(junk.verified).toBe(false);
      // Before: listed for every user and readable by id.
      expect(await problemsOf(victim.token, 'claim your reward')).toEqual([]);
      expectErrorShape(
        await system.api('GET', `/problems/${junk.id}`, { token: victim.token }),
        404,
        'NOT_FOUND',
      );
      expectErrorShape(
        await system.api('POST', `/problems/${junk.id}/bookmark`, {
          token: victim.token,
          body: {},
        }),
        404,
        'NOT_FOUND',
      );
      const pending = await system.api('GET', '/admin/problems/unconfirmed', {
        token: admin.token,
      });
      expect(pending.body.items.map((p: any) => p.id)).toContain(junk.id);
      expectErrorShape(
        await system.api('POST', `/admin/problems/${junk.id}/confirm`, { token: victim.token }),
        403,
        'FORBIDDEN',
      );
      const confirmed = await system.api('POST', `/admin/problems/${junk.id}/confirm`, {
        token: admin.token,
      });
      expect(confirmed.body).toMatchObject({ verified: true, platforms: [{ verified: true }] });
      expect((await problemsOf(victim.token, 'claim your reward')).map((p: any) => p.id)).toEqual([
        junk.id,
      ]);
    });

    it('a platform adapter confirms a squatted problem and gives it the platform’s title', async () => {
      await system.api('POST', '/submissions/import', {
        token: mallory.token,
        body: {
          platform: 'leetcode',
          submissions: [
            prepmateRecord('m-3', { platformProblemId: 'valid-parentheses', title: 'Free Gems' }),
          ],
        },
      });
      const [squatted] = await eventually(
        () => problemsOf(mallory.token, 'free gems'),
        (items) => items.length === 1,
        { what: 'the squatted problem' },
      );
      expect(squatted.verified).toBe(false);
      // The victim's LeetCode import: LeetCode itself answers for valid-parentheses.
      await system.api('POST', '/submissions/import?format=leetcode', {
        token: victim.token,
        body: {
          data: { recentAcSubmissionList: [leetcodeItem('7002', 'valid-parentheses', 'Gems')] },
        },
      });
      const confirmed = await eventually(
        () => system.api('GET', `/problems/${squatted.id}`, { token: victim.token }),
        (r) => r.status === 200 && r.body.verified === true && r.body.platforms.length === 1,
        { what: 'the problem confirmed by LeetCode' },
      );
      expect(confirmed.body).toMatchObject({
        title: 'Valid Parentheses',
        platforms: [
          {
            platform: 'leetcode',
            url: 'https://leetcode.com/problems/valid-parentheses/',
            verified: true,
          },
        ],
      });
    });

    it('caps the new problems a user brings in a day, refusing records one by one', async () => {
      const fresh = Array.from({ length: NEW_PROBLEMS_PER_DAY + 4 }, (_, i) =>
        prepmateRecord(
          `cap-${i}`,
          { platformProblemId: `CAP${i}`, title: `Capped Problem ${i}` },
          i,
        ),
      );
      // Two records of an already-known problem and two of one new problem (counted once).
      const body = {
        platform: 'codechef',
        submissions: [
          prepmateRecord('cap-known', { platformProblemId: 'PHISH01', title: 'Claim Your Reward' }),
          ...fresh,
          prepmateRecord('cap-again', { platformProblemId: 'CAP0', title: 'Capped Problem 0' }, 59),
        ],
      };
      const response = await system.api('POST', '/submissions/import', {
        token: mallory.token,
        body,
      });
      expect(response.status).toBe(202);
      // Mallory brought 3 new problems today already (two-sum-free-prize, PHISH01,
      // valid-parentheses): what is left of the day's cap is taken in order.
      const refused = response.body.rejected.map((r: any) => [r.index, r.code, r.field]);
      const left = NEW_PROBLEMS_PER_DAY - 3;
      expect(refused).toEqual(
        Array.from({ length: fresh.length - left }, (_, i) => [
          1 + left + i,
          'QUOTA_EXCEEDED',
          'problem.platformProblemId',
        ]),
      );
      expect(response.body.inserted).toBe(1 + left + 1);
      // Another user's day is their own.
      const other = await system.api('POST', '/submissions/import', {
        token: victim.token,
        body: { platform: 'codechef', submissions: fresh.slice(0, 2) },
      });
      expect(other.body).toMatchObject({ inserted: 2, rejected: [] });
    });

    it('counts unmapped tags, one document per tag however many problems carry it', async () => {
      const tags = ['zz-junk-a', 'zz-junk-b'];
      const response = await system.api('POST', '/submissions/import', {
        token: victim.token,
        body: {
          platform: 'atcoder',
          submissions: [0, 1, 2].map((i) =>
            prepmateRecord(
              `tags-${i}`,
              { platformProblemId: `abc90${i}_a`, title: `Tagged ${i}`, tags },
              i,
            ),
          ),
        },
      });
      expect(response.body.inserted).toBe(3);
      const listed = await eventually(
        () => system.api('GET', '/admin/tags/unmapped?limit=100', { token: admin.token }),
        (r) => r.body.items.filter((t: any) => tags.includes(t.tag) && t.count === 3).length === 2,
        { what: 'each junk tag counted three times' },
      );
      expect(listed.body.items.find((t: any) => t.tag === 'zz-junk-a')).toMatchObject({
        platform: 'atcoder',
        count: 3,
      });
      const stored = await system
        .db('normalization')
        .collection('unmapped_tag_counts')
        .countDocuments({ tag: { $in: tags } });
      expect(stored).toBe(2);
    });
  });

  describe('point 10: custom roadmaps', () => {
    it('limits custom roadmaps per user, even created all at once (was unlimited)', async () => {
      const create = (name: string) =>
        system.api('POST', '/roadmaps/custom', {
          token: trudy.token,
          body: { name, topics: [{ topic: 'arrays', weight: 1, layer: 'core' }] },
        });
      const answers = await Promise.all(
        Array.from({ length: CUSTOM_ROADMAPS + 3 }, (_, i) => create(`Plan ${i}`)),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([
        ...Array.from({ length: CUSTOM_ROADMAPS }, () => 201),
        ...Array.from({ length: 3 }, () => 409),
      ]);
      const refused = answers.find((answer) => answer.status === 409)!;
      expectErrorShape(refused, 409, 'QUOTA_EXCEEDED');
      expect(refused.body.error.message).toContain(String(CUSTOM_ROADMAPS));
      // Another user's places are their own.
      const other = await system.api('POST', '/roadmaps/custom', {
        token: victim.token,
        body: { name: 'Mine', topics: [{ topic: 'arrays', weight: 1, layer: 'core' }] },
      });
      expect(other.status).toBe(201);
    });

    it('pages GET /roadmaps and GET /roadmaps/pci with a cursor (was one unbounded list)', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/roadmaps?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await system.api('GET', query, { token: trudy.token });
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((r: any) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      // Three official roadmaps and Trudy's own; never another user's.
      expect(seen).toHaveLength(3 + CUSTOM_ROADMAPS);
      expect(new Set(seen).size).toBe(seen.length);

      const first = await system.api('GET', '/roadmaps/pci?limit=3', { token: trudy.token });
      expect(first.body.items).toHaveLength(3);
      const rest = await system.api(
        'GET',
        `/roadmaps/pci?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { token: trudy.token },
      );
      expect(rest.body).toMatchObject({ nextCursor: null });
      expect([...first.body.items, ...rest.body.items]).toHaveLength(CUSTOM_ROADMAPS);
      expectErrorShape(
        await system.api('GET', '/roadmaps?limit=500', { token: trudy.token }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
