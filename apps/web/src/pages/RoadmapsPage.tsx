import { useQueryClient } from '@tanstack/react-query';
import { useRoadmaps } from '../api/queries';
import type { Roadmap } from '../api/types';
import { QueryView } from '../components/states';
import { Link, navigate } from '../router';
import { RoadmapForm } from './RoadmapForm';

/** Official roadmaps and the learner's own, and the form that creates one. */
export function RoadmapsPage() {
  const roadmaps = useRoadmaps();
  const queryClient = useQueryClient();
  return (
    <section>
      <h1>Roadmaps</h1>
      <QueryView query={roadmaps} what="roadmaps">
        {(list) => (
          <div className="grid two">
            <RoadmapList
              title="Official"
              items={list.filter((r) => r.official)}
              empty="No official roadmap yet."
            />
            <RoadmapList
              title="Mine"
              items={list.filter((r) => !r.official)}
              empty="You have not created a roadmap yet: start with the form below."
            />
          </div>
        )}
      </QueryView>
      <RoadmapForm
        onCreated={(roadmap) => {
          void queryClient.invalidateQueries({ queryKey: ['roadmaps'] });
          navigate(`/roadmaps/${encodeURIComponent(roadmap.id)}`);
        }}
      />
    </section>
  );
}

function RoadmapList(props: { title: string; items: Roadmap[]; empty: string }) {
  return (
    <div className="card">
      <h2>{props.title}</h2>
      {props.items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="plain">
          {props.items.map((r) => (
            <li key={r.id}>
              <Link to={`/roadmaps/${encodeURIComponent(r.id)}`}>{r.name}</Link>{' '}
              <span className="muted">
                {r.topicCount} topics{r.following ? ' · following' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
