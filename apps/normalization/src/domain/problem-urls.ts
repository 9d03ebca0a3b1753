import type { Platform } from '@prepmate/contracts';

/**
 * The link of a platform problem, built from its (platform, id) alone: a URL is never taken
 * from an import, so no user can point a shared problem anywhere else. An id that cannot be
 * one of the platform's has no link (null) rather than a link built from garbage.
 */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function leetcode(id: string): string | null {
  return SLUG.test(id) ? `https://leetcode.com/problems/${id}/` : null;
}

/** `1459B`, `1790F2`; contests from 100 000 on are gyms. */
function codeforces(id: string): string | null {
  const match = /^([1-9]\d{0,6})([A-Z][0-9]?)$/.exec(id);
  if (!match) return null;
  const [, contest, index] = match;
  return Number(contest) >= 100_000
    ? `https://codeforces.com/gym/${contest}/problem/${index}`
    : `https://codeforces.com/problemset/problem/${contest}/${index}`;
}

function hackerrank(id: string): string | null {
  return SLUG.test(id) ? `https://www.hackerrank.com/challenges/${id}/problem` : null;
}

function geeksforgeeks(id: string): string | null {
  return SLUG.test(id) ? `https://www.geeksforgeeks.org/problems/${id}/1` : null;
}

/** Problem codes: `FLOW001`, `START01`. */
function codechef(id: string): string | null {
  return /^[A-Z0-9_]{1,30}$/.test(id) ? `https://www.codechef.com/problems/${id}` : null;
}

/** Task ids `<contest>_<task>`: `abc300_a`, `arc150_b`. */
function atcoder(id: string): string | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)_([a-z0-9]+)$/.exec(id);
  return match ? `https://atcoder.jp/contests/${match[1]}/tasks/${id}` : null;
}

const URL_OF: Record<Platform, (id: string) => string | null> = {
  leetcode,
  codeforces,
  hackerrank,
  geeksforgeeks,
  codechef,
  atcoder,
};

export function problemUrl(platform: Platform, platformProblemId: string): string | null {
  // A platform added to the list later has no builder until one is written here.
  const build = URL_OF[platform] as ((id: string) => string | null) | undefined;
  return build && platformProblemId.length <= 100 ? build(platformProblemId) : null;
}
