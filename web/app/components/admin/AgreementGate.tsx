/**
 * PV-STF-3: the confidentiality agreement, shown instead of any back-office page until the member accepts its
 * current version (the server answers every /api/admin request 403 until then). Accepting records the version
 * read and the time; the page the member asked for then opens.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptAgreement, getAgreement, keys, type Staff } from '../../lib/admin-api.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { errorMessage, LoadError, Loading } from './QueryState.tsx';

export function AgreementGate() {
  const client = useQueryClient();
  const agreement = useQuery({ queryKey: keys.agreement, queryFn: getAgreement });
  const accept = useMutation({
    mutationFn: (version: number) => acceptAgreement(version),
    onSuccess: () => {
      client.setQueryData<Staff | null>(keys.session, (staff) =>
        staff ? { ...staff, agreementRequired: false } : staff,
      );
      void client.invalidateQueries({ queryKey: keys.agreement });
    },
    // The text changed while it was being read: show the new one.
    onError: () => void client.invalidateQueries({ queryKey: keys.agreement }),
  });

  if (agreement.isPending) return <Loading label="Loading the confidentiality agreement" />;
  if (agreement.isError) {
    return <LoadError error={agreement.error} what="the agreement" onRetry={() => agreement.refetch()} />;
  }
  const { title, paragraphs, version, acceptedVersion } = agreement.data;
  return (
    <div data-agreement-gate="" className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight text-gray-900">{title}</h1>
      <Notice tone="warning" title="One step before the back office">
        {acceptedVersion
          ? 'The agreement changed since you accepted it. Read this version and accept it to go on.'
          : 'Read the agreement below and accept it: the back office opens right after.'}
      </Notice>
      <article
        aria-label={`${title}, version ${version}`}
        className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4 sm:p-6"
      >
        {paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
        <p className="text-sm text-muted">Version {version}</p>
      </article>
      {accept.isError ? <Notice tone="danger">{errorMessage(accept.error)}</Notice> : null}
      <div>
        <Button type="button" busy={accept.isPending} onClick={() => accept.mutate(version)}>
          I have read the agreement and accept it
        </Button>
      </div>
    </div>
  );
}
