/**
 * Creating a task by hand (members and admins): the form posts to `workflow.create` as it is typed,
 * the API's 400 details appear beside the fields they name, and the new task opens on success.
 * Without a deadline the task gets one from the org's SLA rules.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { CategoryOptions } from '../api/categories.js';
import type { RouterInputs } from '../api/client.js';
import { toApiError } from '../api/errors.js';
import { useSession } from '../api/session-context.js';
import { FormFooter } from '../components/form-footer.js';
import { errorFor, FieldError, fieldErrorsOf, invalidProps } from '../components/field-error.js';
import { PriorityOptions } from '../components/task-options.js';
import { navigate } from '../lib/router.js';

type CreateInput = RouterInputs['workflow']['create'];
type Priority = NonNullable<CreateInput['priority']>;

interface Draft {
  title: string;
  category: string;
  priority: Priority;
  description: string;
  owner: string;
  dollarValue: string;
  deadline: string;
}

const EMPTY: Draft = { title: '', category: '', priority: 'NORMAL', description: '', owner: '', dollarValue: '', deadline: '' };

/** The form as the API's input: blanks left out (the API's defaults apply), numbers and instants as typed. */
function inputOf(d: Draft): CreateInput {
  // A deadline typed as local wall-clock time; an unreadable one goes as typed, for the API to name.
  const deadline = d.deadline ? new Date(d.deadline) : null;
  return {
    title: d.title,
    workflow_category: d.category,
    priority: d.priority,
    source_type: 'manual',
    ...(d.description.trim() ? { description: d.description } : {}),
    ...(d.owner.trim() ? { current_owner: d.owner } : {}),
    ...(d.dollarValue.trim() ? { dollar_value: Number(d.dollarValue) } : {}),
    ...(deadline ? { sla_deadline: Number.isNaN(deadline.getTime()) ? d.deadline : deadline.toISOString() } : {}),
  };
}

export function NewTaskForm({ onCancel }: { onCancel: () => void }) {
  const { api } = useSession();
  const [d, setD] = useState(EMPTY);
  const set = (patch: Partial<Draft>) => setD((old) => ({ ...old, ...patch }));
  const create = useMutation({
    mutationFn: (input: CreateInput) => api.trpc.workflow.create.mutate(input),
    onSuccess: (task) => navigate(`/tasks/${encodeURIComponent(task.task_id)}`),
  });
  const error = create.error ? toApiError(create.error) : null;
  const errors = fieldErrorsOf(error);
  const field = (id: string, name: string) => {
    const message = errorFor(errors, name);
    return { message, props: invalidProps(id, message) };
  };
  const title = field('new-task-title', 'title');
  const category = field('new-task-category', 'workflow_category');
  const priority = field('new-task-priority', 'priority');
  const description = field('new-task-description', 'description');
  const owner = field('new-task-owner', 'current_owner');
  const value = field('new-task-value', 'dollar_value');
  const deadline = field('new-task-deadline', 'sla_deadline');

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(inputOf(d));
  }
  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby="new-task-title-heading">
      <h2 id="new-task-title-heading">New task</h2>
      <div className="form-grid">
        <label htmlFor="new-task-title" className="span-2">
          Title
          <input id="new-task-title" autoFocus value={d.title} onChange={(e) => set({ title: e.target.value })} aria-required="true" {...title.props} />
          <FieldError id="new-task-title" message={title.message} />
        </label>
        <label htmlFor="new-task-category">
          Category
          <input id="new-task-category" list="new-task-categories" value={d.category} onChange={(e) => set({ category: e.target.value })} aria-required="true" {...category.props} />
          <CategoryOptions id="new-task-categories" />
          <FieldError id="new-task-category" message={category.message} />
        </label>
        <label htmlFor="new-task-priority">
          Priority
          <select id="new-task-priority" value={d.priority} onChange={(e) => set({ priority: e.target.value as Priority })} {...priority.props}>
            <PriorityOptions />
          </select>
          <FieldError id="new-task-priority" message={priority.message} />
        </label>
        <label htmlFor="new-task-description" className="span-2">
          Description
          <textarea id="new-task-description" rows={4} value={d.description} onChange={(e) => set({ description: e.target.value })} {...description.props} />
          <FieldError id="new-task-description" message={description.message} />
        </label>
        <label htmlFor="new-task-owner">
          Owner
          <input id="new-task-owner" value={d.owner} onChange={(e) => set({ owner: e.target.value })} placeholder="A person or a team" {...owner.props} />
          <FieldError id="new-task-owner" message={owner.message} />
        </label>
        <label htmlFor="new-task-value">
          Dollar value
          <input id="new-task-value" type="number" min={0} step="0.01" value={d.dollarValue} onChange={(e) => set({ dollarValue: e.target.value })} {...value.props} />
          <FieldError id="new-task-value" message={value.message} />
        </label>
        <label htmlFor="new-task-deadline">
          Deadline (optional: else from the SLA rules)
          <input id="new-task-deadline" type="datetime-local" value={d.deadline} onChange={(e) => set({ deadline: e.target.value })} {...deadline.props} />
          <FieldError id="new-task-deadline" message={deadline.message} />
        </label>
      </div>
      <FormFooter submit={create.isPending ? 'Creating…' : 'Create task'} pending={create.isPending} onCancel={onCancel} error={error} />
    </form>
  );
}
