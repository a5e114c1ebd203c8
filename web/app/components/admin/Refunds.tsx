/**
 * An order's refunds for staff: what each is, in words from the server (payment-labels.ts), and what staff
 * must still do: retry a card refund the processor refused, or enter the reference of the bank transfer they
 * made for a refund owed. Errors stay beside the field with what was typed; the page shows the order the API
 * returned at once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type AdminOrderDetail,
  isApiError,
  keys,
  recordRefundTransfer,
  retryRefund,
} from '../../lib/admin-api.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { Button } from '../ui/Button.tsx';
import { Input } from '../ui/Input.tsx';
import { formatDateTime, formatUsd } from './format.ts';
import { errorMessage } from './QueryState.tsx';

type Refund = AdminOrderDetail['refunds'][number];

const refundTone: Record<Refund['status'], Tone> = {
  pending: 'info',
  owed: 'warning',
  succeeded: 'success',
  failed: 'danger',
};

function useOrderUpdate(orderId: string) {
  const client = useQueryClient();
  return (updated: AdminOrderDetail) => {
    client.setQueryData(keys.order(orderId), updated);
    void client.invalidateQueries({ queryKey: keys.orders });
  };
}

function RetryButton({ orderId, refund }: { orderId: string; refund: Refund }) {
  const update = useOrderUpdate(orderId);
  const mutation = useMutation({
    mutationFn: () => retryRefund(orderId, refund.id),
    onSuccess: update,
  });
  return (
    <div className="mt-2">
      <Button size="sm" variant="secondary" busy={mutation.isPending} onClick={() => mutation.mutate()}>
        Retry refund
      </Button>
      {mutation.isError ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {errorMessage(mutation.error)}
        </p>
      ) : null}
    </div>
  );
}

function TransferForm({ orderId, refund }: { orderId: string; refund: Refund }) {
  const update = useOrderUpdate(orderId);
  const [reference, setReference] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (value: string) => recordRefundTransfer(orderId, refund.id, value),
    onSuccess: update,
  });
  const apiError = mutation.isError
    ? isApiError(mutation.error) && mutation.error.field === 'reference'
      ? mutation.error.fieldMessage
      : errorMessage(mutation.error)
    : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = reference.trim();
    if (!value) {
      setLocalError('Enter the reference of the transfer you made');
      return;
    }
    setLocalError(null);
    mutation.mutate(value);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <Input
        label="Transfer reference"
        name="reference"
        autoComplete="off"
        maxLength={100}
        required
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        error={localError ?? apiError}
        hint={`As your bank shows the transfer of ${formatUsd(refund.amountCents)}.`}
        fieldClassName="min-w-0 flex-1"
      />
      <Button type="submit" size="md" busy={mutation.isPending}>
        Mark refunded
      </Button>
    </form>
  );
}

export function Refunds({ order }: { order: AdminOrderDetail }) {
  if (order.refunds.length === 0) return null;
  return (
    <div className="mt-4 border-t border-line pt-3">
      <h3 className="text-sm font-semibold text-gray-900">Refunds</h3>
      <ul className="divide-y divide-gray-200 text-sm">
        {order.refunds.map((refund) => (
          <li key={refund.id} className="py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Badge tone={refundTone[refund.status]}>{refund.statusLabel}</Badge>
              <span className="tabular-nums font-medium">{formatUsd(refund.amountCents)}</span>
            </div>
            <p className="mt-1 text-gray-800">{refund.sentence}</p>
            {refund.failureMessage ? (
              <p className="mt-1 text-red-800">Processor: {refund.failureMessage}</p>
            ) : null}
            <p className="mt-1 text-xs text-muted">
              {formatDateTime(refund.createdAt)}
              {refund.requestedBy ? ` · ${refund.requestedBy}` : ''}
              {refund.processorReference ? (
                <span className="block font-mono break-all">{refund.processorReference}</span>
              ) : null}
            </p>
            {refund.canRetry ? <RetryButton orderId={order.id} refund={refund} /> : null}
            {refund.awaitsTransferReference ? <TransferForm orderId={order.id} refund={refund} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
