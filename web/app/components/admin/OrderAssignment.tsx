/**
 * Who handles an order (PV-STF-1): the owner assigns any active member or nobody; customer service takes an
 * unassigned order for themselves and gives back their own; technicians see who handles it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AdminOrderDetail, assignOrder, getSession, keys } from '../../lib/admin-api.ts';
import { listStaff } from '../../lib/admin-security-api.ts';
import { Button } from '../ui/Button.tsx';
import { Select } from '../ui/Select.tsx';
import { humanize } from './format.ts';
import { errorMessage, Panel } from './QueryState.tsx';

export function OrderAssignment({ order }: { order: AdminOrderDetail }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState(order.assignee?.id ?? '');
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const staff = useQuery({
    queryKey: ['staff', 'list'],
    queryFn: listStaff,
    enabled: order.assignment.mayAssignOthers,
  });
  const mutation = useMutation({
    mutationFn: (staffId: string | null) => assignOrder(order.id, staffId),
    onSuccess: (updated) => {
      client.setQueryData(keys.order(order.id), updated);
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
  const error = mutation.isError ? errorMessage(mutation.error) : null;
  if (order.assignment.mayAssignOthers) {
    // Who an order may be given to (assigneeProblem on the server): active members, technicians not.
    const members = (staff.data ?? []).filter((m) => m.active && m.role !== 'technician');
    return (
      <Panel title="Assigned to">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(chosen || null);
          }}
        >
          <Select
            label="Staff member"
            name="staffId"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
            placeholder="Nobody"
            options={members.map((m) => ({ value: m.id, label: `${m.name} (${humanize(m.role)})` }))}
            fieldClassName="min-w-0 flex-1"
            error={error}
          />
          <Button type="submit" variant="secondary" busy={mutation.isPending}>
            Assign
          </Button>
        </form>
      </Panel>
    );
  }
  const me = session.data?.id;
  return (
    <Panel title="Assigned to">
      <p className="text-sm">{order.assignee ? order.assignee.name : 'Nobody yet'}</p>
      {order.assignment.mayTake && me ? (
        <Button
          type="button"
          variant="secondary"
          className="mt-2"
          busy={mutation.isPending}
          onClick={() => mutation.mutate(me)}
        >
          Take {order.reference}
        </Button>
      ) : null}
      {order.assignment.mayRelease ? (
        <Button
          type="button"
          variant="secondary"
          className="mt-2"
          busy={mutation.isPending}
          onClick={() => mutation.mutate(null)}
        >
          Give {order.reference} back
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </Panel>
  );
}
