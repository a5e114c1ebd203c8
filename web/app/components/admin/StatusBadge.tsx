import type { MailStatus, OrderStatus } from '../../lib/admin-api.ts';
import { Badge, type Tone } from '../ui/Badge.tsx';
import { humanize, mailStatusTone, orderStatusLabel, orderStatusTone } from './format.ts';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={orderStatusTone[status]}>{orderStatusLabel[status]}</Badge>;
}

const productTones: Record<string, Tone> = { active: 'success', draft: 'neutral', archived: 'warning' };

export function ProductStatusBadge({ status }: { status: string }) {
  return <Badge tone={productTones[status] ?? 'neutral'}>{humanize(status)}</Badge>;
}

export function MailStatusBadge({ status }: { status: MailStatus }) {
  return <Badge tone={mailStatusTone[status]}>{humanize(status)}</Badge>;
}
