import type { SynergyPair } from '../api/types';
import { BarChart, pct } from '../components/BarChart';
import { Link } from '../router';
import { peerName } from './peer';

/** The score's four components as PRODUCT weighs them (docs/synergy.md, "Score"). */
const COMPONENTS = [
  { key: 'mutualScratchWeight', label: 'Mutual scratch (40%)' },
  { key: 'levelProximityScore', label: 'Level match (30%)' },
  { key: 'topicSimilarityScore', label: 'Topic overlap (20%)' },
  { key: 'consistencyFactor', label: 'Consistency (10%)' },
] as const;

/** One synergy pair: its score against the 0.6 unlock, the four components, the chat. */
export function PairCard({ pair }: { pair: SynergyPair }) {
  const name = peerName(pair.userId);
  return (
    <li className="card pair" data-peer={pair.userId}>
      <h3>{name}</h3>
      <p>
        Synergy <strong>{pct(pair.score)}</strong>{' '}
        <span className="muted">
          ({pair.calculatedAt ? 'chat unlocks at 60%' : 'being computed'}; you scratched{' '}
          {pair.scratchedByMe}, they scratched {pair.scratchedByThem}, {pair.interactionDays}{' '}
          {pair.interactionDays === 1 ? 'day' : 'days'} together)
        </span>
      </p>
      <BarChart
        title={`Synergy components with ${name}`}
        bars={COMPONENTS.map((c) => ({ key: c.key, label: c.label, value: pair[c.key] }))}
      />
      {pair.chatUnlocked ? (
        <Link to={`/chat/${pair.userId}`} className="button">
          Chat with {name}
        </Link>
      ) : (
        <p className="muted">Chat is locked until your synergy reaches 60%.</p>
      )}
    </li>
  );
}
