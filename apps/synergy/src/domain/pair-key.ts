/** A pair of distinct learners, stored once with A < B (string order of their ids). */
export interface PairKey {
  id: string;
  userA: string;
  userB: string;
}

export function pairKey(one: string, other: string): PairKey {
  if (one === other) throw new Error('a pair needs two distinct learners');
  const [userA, userB] = one < other ? [one, other] : [other, one];
  return { id: `${userA}:${userB}`, userA, userB };
}

/** The learner of the pair who is not `me`. */
export function partnerOf(pair: { userA: string; userB: string }, me: string): string {
  return pair.userA === me ? pair.userB : pair.userA;
}
