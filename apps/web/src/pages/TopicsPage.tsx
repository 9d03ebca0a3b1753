import { useState } from 'react';
import { useTopicStats, useWeakTopics } from '../api/queries';
import { type SortKey, sortTopics } from './sort-topics';
import { BarChart, pct } from '../components/BarChart';
import { QueryView } from '../components/states';
import { Link } from '../router';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'topicName', label: 'Topic' },
  { key: 'estimatedMastery', label: 'Mastery' },
  { key: 'successRate', label: 'Success rate' },
  { key: 'totalAttempts', label: 'Attempts' },
];

export const TREND = {
  improving: { arrow: '↑', label: 'improving' },
  declining: { arrow: '↓', label: 'declining' },
  stable: { arrow: '→', label: 'stable' },
} as const;

/** Mastery per topic (BKT) as a chart and a sortable table; weak topics highlighted. */
export function TopicsPage() {
  const stats = useTopicStats();
  const weak = useWeakTopics();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'estimatedMastery',
    descending: true,
  });
  const weakSet = weak.data ?? new Set<string>();
  return (
    <section>
      <h1>Topics</h1>
      <QueryView
        query={stats}
        what="your topics"
        isEmpty={(rows) => rows.length === 0}
        empty={
          <p>
            No attempts yet. <Link to="/connect">Import or sync your submissions</Link> to see your
            mastery per topic.
          </p>
        }
      >
        {(rows) => {
          const sorted = sortTopics(rows, sort.key, sort.descending);
          return (
            <>
              <BarChart
                title="Mastery per topic (weak topics in orange)"
                bars={sortTopics(rows, 'estimatedMastery', true).map((t) => ({
                  key: t.topic,
                  label: t.topicName,
                  value: t.estimatedMastery,
                  alert: weakSet.has(t.topic),
                }))}
              />
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">Your topics, sortable by each column</caption>
                  <thead>
                    <tr>
                      {COLUMNS.map((col) => {
                        const active = sort.key === col.key;
                        return (
                          <th
                            key={col.key}
                            scope="col"
                            aria-sort={
                              active ? (sort.descending ? 'descending' : 'ascending') : undefined
                            }
                          >
                            <button
                              type="button"
                              className="sort"
                              onClick={() =>
                                setSort({
                                  key: col.key,
                                  descending: active ? !sort.descending : col.key !== 'topicName',
                                })
                              }
                            >
                              {col.label}
                              {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                            </button>
                          </th>
                        );
                      })}
                      <th scope="col">Trend</th>
                      <th scope="col">Retention</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((t) => (
                      <tr key={t.topic} className={weakSet.has(t.topic) ? 'weak' : undefined}>
                        <th scope="row">
                          <Link to={`/topics/${encodeURIComponent(t.topic)}`}>{t.topicName}</Link>
                          {weakSet.has(t.topic) && <span className="badge">weak</span>}
                        </th>
                        <td data-mastery={t.estimatedMastery}>{pct(t.estimatedMastery)}</td>
                        <td>{pct(t.successRate)}</td>
                        <td>{t.totalAttempts}</td>
                        <td>
                          <span aria-hidden="true">{TREND[t.masteryTrend].arrow}</span>{' '}
                          {TREND[t.masteryTrend].label}
                        </td>
                        <td>{t.retentionLevel}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
