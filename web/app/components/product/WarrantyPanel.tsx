import { Link } from 'react-router';
import { ShieldIcon } from '../icons.tsx';

export interface WarrantyView {
  months: number;
  covered: boolean;
  excludes: Array<{ clause: string; text: string }>;
  specialTerms: string | null;
}

/**
 * What the warranty covers for this product and what it excludes (AS-GEN-6), its special terms (AS-DEF-1)
 * and the dead-on-arrival cover every product has (AS-DOA-1), in the words the after-sales rules use.
 */
export function WarrantyPanel({ warranty, doaDays }: { warranty: WarrantyView; doaDays: number }) {
  const headline = warranty.specialTerms
    ? 'Sold under special warranty terms'
    : warranty.covered
      ? `${warranty.months}-month warranty`
      : `No ${warranty.months}-month warranty`;
  return (
    <section aria-labelledby="warranty-title" className="rounded-xl bg-surface p-5 ring-1 ring-line">
      <h2 id="warranty-title" className="flex items-center gap-2 text-lg font-semibold text-gray-900">
        <ShieldIcon className="size-5 text-primary-ink" />
        Warranty and after-sales
      </h2>
      <p className="mt-3 font-semibold text-gray-900">{headline}</p>
      {warranty.covered && !warranty.specialTerms ? (
        <p className="mt-1 text-sm text-muted">
          Counted from the day your order ships. Within it, a faulty item is repaired, replaced or refunded as
          the after-sales policy describes.
        </p>
      ) : null}
      {warranty.specialTerms ? (
        <div className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-300">
          <p className="font-semibold">Special terms</p>
          <p className="mt-1">{warranty.specialTerms}</p>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-gray-800">
        <span className="font-semibold">Dead on arrival?</span> Tell us within {doaDays} days of delivery and
        we replace or refund it, whatever the warranty.
      </p>
      {warranty.excludes.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-gray-900">The warranty does not cover</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-gray-800">
            {warranty.excludes.map((e) => (
              // The clause ID is for staff and the API; shoppers read the rule.
              <li key={e.text}>{e.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="mt-4 text-sm">
        <Link to="/policies/after-sales" className="font-semibold text-primary-ink underline">
          Read the after-sales policy
        </Link>
      </p>
    </section>
  );
}
