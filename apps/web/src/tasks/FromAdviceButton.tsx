import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { FormError } from '../components/states';
import { navigate } from '../router';

/** `POST /tasks/from-advice`: advisory's next task (problem, topic, time) as a task, opened. */
export function FromAdviceButton({ label = 'Task from advice' }: { label?: string }) {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/v1/tasks/from-advice', { body: {} })),
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      navigate(`/tasks/${encodeURIComponent(task.id)}`);
    },
  });
  return (
    <div className="stack">
      <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
        {create.isPending ? 'Creating…' : label}
      </button>
      <FormError error={create.error} />
    </div>
  );
}
