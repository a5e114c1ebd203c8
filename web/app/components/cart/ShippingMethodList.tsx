import { Price } from '../ui/Price.tsx';

export interface ShippingMethodView {
  code: string;
  name: string;
  description: string;
  tracked: boolean;
  estimatedDays: { min: number; max: number };
  priceCents: number;
}

export function deliveryEstimate(m: ShippingMethodView): string {
  return `${m.estimatedDays.min}–${m.estimatedDays.max} days`;
}

/** The shipping methods and what they cost for this cart (chosen at checkout). */
export function ShippingMethodList({ methods }: { methods: ShippingMethodView[] }) {
  return (
    <ul className="space-y-2">
      {methods.map((m) => (
        <li key={m.code} className="flex items-start justify-between gap-3 text-sm">
          <span>
            <span className="font-medium text-gray-900">{m.name}</span>
            <span className="block text-muted">
              {deliveryEstimate(m)}
              {m.tracked ? ', tracked' : ''}
            </span>
          </span>
          {m.priceCents === 0 ? <span className="font-semibold">Free</span> : <Price cents={m.priceCents} />}
        </li>
      ))}
    </ul>
  );
}
