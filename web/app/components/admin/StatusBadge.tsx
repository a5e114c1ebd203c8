import { useQuery } from '@tanstack/react-query';
import { getMailQueue, keys, type MailStatus, type OrderStatus } from '../../lib/admin-api.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { humanize, mailStatusLabel, mailStatusTone, orderStatusLabel, orderStatusTone } from './format.ts';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={orderStatusTone[status]}>{orderStatusLabel[status]}</Badge>;
}

const productTones: Record<string, Tone> = { active: 'success', draft: 'neutral', archived: 'warning' };

export function ProductStatusBadge({ status }: { status: string }) {
  return <Badge tone={productTones[status] ?? 'neutral'}>{humanize(status)}</Badge>;
}

/** One cached request tells every badge whether waiting mail will be sent at all (SMTP) or only kept. */
export function useMailQueue() {
  return useQuery({ queryKey: keys.mailQueue, queryFn: getMailQueue });
}

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const queue = useMailQueue();
  return <Badge tone={mailStatusTone[status]}>{mailStatusLabel(status, queue.data?.delivery)}</Badge>;
}
