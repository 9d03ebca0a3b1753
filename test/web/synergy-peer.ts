import { eventually, REPO_ROOT } from '@prepmate/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WholeSystem } from './whole-system';

export const EXPORT = join(REPO_ROOT, 'test/fixtures/codeforces/user-status-rishgod.json');

export interface Tokens {
  accessToken: string;
  user: { id: string };
}

export interface Level {
  level: number;
  points: number;
}

/**
 * A second learner one post away from an unlocked chat with the first (docs/synergy.md,
 * "Score"): the same export imported (level proximity 1, topic similarity 1), 12 posts each,
 * each learner's scratched by the other past 0.6 — 24 distinct posts both ways. The first
 * learner scratching the peer's next post makes 25: 0.4·25/100 + 0.3 + 0.2 + 0.1·1/15 =
 * 0.60667 ≥ 0.6 (24 alone is 0.60267, so the unlock may come a scratch earlier).
 */
export async function unlockablePeer(
  system: WholeSystem,
  firstToken: string,
  topic: string,
  password: string,
): Promise<{ peer: Tokens; peerEmail: string }> {
  const peerEmail = `web-peer-${Date.now()}@example.com`;
  const peer = await system.api<Tokens>('POST', '/auth/register', undefined, {
    email: peerEmail,
    password,
    name: 'Web Peer',
  });
  await system.api(
    'POST',
    '/submissions/import?format=codeforces',
    peer.accessToken,
    JSON.parse(readFileSync(EXPORT, 'utf8')),
  );
  await eventually(
    async () =>
      Promise.all([
        system.api<Level>('GET', '/me/level', firstToken),
        system.api<Level>('GET', '/me/level', peer.accessToken),
      ]),
    ([mine, theirs]) => mine.points > 0 && mine.points === theirs.points,
    { what: 'equal levels from the two imports', timeoutMs: 90_000, intervalMs: 1000 },
  );
  const posts = async (token: string) => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await system.api<{ id: string }>('POST', '/posts', token, {
            content: `Reflection ${i}: what ${topic} taught me today.`,
            skills: [topic],
          })
        ).id,
      );
    return ids;
  };
  const scratchAll = async (token: string, ids: string[]) => {
    for (const id of ids)
      await system.api('POST', `/posts/${id}/scratch`, token, {
        points: [{ x: 0.5, y: 0.5 }],
        coverage: 0.7,
      });
  };
  const firstPosts = await posts(firstToken);
  const peerPosts = await posts(peer.accessToken);
  await scratchAll(peer.accessToken, firstPosts);
  await scratchAll(firstToken, peerPosts);
  return { peer, peerEmail };
}
