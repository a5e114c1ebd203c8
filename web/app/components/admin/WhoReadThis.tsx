/**
 * PV-STF-1: "Who read this" on a case or an order page, for the owner only (the audit log is the owner's; others
 * would be refused and recorded). Opens /admin/audit-log filtered on this record by the reference the page shows.
 */
import { useQuery } from '@tanstack/react-query';
import { getSession, keys } from '../../lib/admin-api.ts';
import { ButtonLink } from '../ui/Button.tsx';

/** Where the audit log lists the rows about one record: an order by reference, a case (and its evidence) by number. */
export function auditLogOfRecord(recordType: 'order' | 'case', reference: string): string {
  return `/admin/audit-log?${new URLSearchParams({ recordType, record: reference })}`;
}

export function WhoReadThis({ recordType, reference }: { recordType: 'order' | 'case'; reference: string }) {
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  if (session.data?.role !== 'owner') return null;
  return (
    <ButtonLink
      to={auditLogOfRecord(recordType, reference)}
      variant="secondary"
      size="sm"
      aria-label={`Who read this: the audit log of ${reference}`}
      data-who-read-this=""
    >
      Who read this
    </ButtonLink>
  );
}
