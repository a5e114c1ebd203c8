/**
 * The evidence of one case in the back office's case page (issue 10 point 3): the checklist (what the customer
 * still has to send), every file as a thumbnail grouped by kind, photos opening full size in a new tab, videos
 * playing in place, receipts with their amount (AS-GEN-3); staff may add a file of a kind the case takes.
 * Reads `/api/admin/cases/:id/evidence` itself (TanStack Query, inside the back office's QueryClient) and
 * reads it again every four minutes, before the signed addresses (10 minutes) expire.
 *
 * Staff whose role allows it (`mayRemove`) remove a file with a written reason, kept in the case's timeline: a
 * wrong upload, or a picture that shows more than it should (an ID card, a face).
 *
 * Mounting: `<EvidenceGallery caseId={case.id} mayRemove={case.mayRemoveEvidence} />` under the admin layout.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getCaseEvidence, isApiError, removeCaseEvidence, uploadCaseEvidence } from '../../lib/admin-api.ts';
import { caseKeys } from '../../lib/admin-cases-api.ts';
import { ConfirmDialog } from '../admin/ConfirmDialog.tsx';
import { formatDateTime, formatUsd } from '../admin/format.ts';
import { errorMessage, LoadError, Loading } from '../admin/QueryState.tsx';
import { Textarea } from '../ui/Input.tsx';
import { Badge, Button, Notice } from '../ui/index.ts';
import {
  ACCEPT,
  type EvidenceKind,
  formatBytes,
  formatDuration,
  isVideo,
  kindLabels,
} from './evidence-labels.ts';

export interface EvidenceGalleryProps {
  /** The case's id (uuid), as in /admin/cases/:id. */
  caseId: string;
  /** The signed-in member's role may remove files (AdminCaseDetail.mayRemoveEvidence). */
  mayRemove?: boolean;
}

export function EvidenceGallery({ caseId, mayRemove = false }: EvidenceGalleryProps) {
  const key = ['case-evidence', caseId];
  const client = useQueryClient();
  const evidence = useQuery({
    queryKey: key,
    queryFn: () => getCaseEvidence(caseId),
    refetchInterval: 4 * 60 * 1000,
  });
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const add = useMutation({
    mutationFn: () => uploadCaseEvidence(caseId, kind, file as File),
    onSuccess: () => {
      setFile(null);
      void client.invalidateQueries({ queryKey: key });
      // The case's missing evidence, which its decisions wait for, may now be complete.
      void client.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    },
  });

  const [removing, setRemoving] = useState<{ id: string; title: string } | null>(null);
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () => removeCaseEvidence(caseId, removing?.id as string, reason.trim()),
    onSuccess: () => {
      setRemoving(null);
      void client.invalidateQueries({ queryKey: key });
      // The removal is a row of the case's timeline.
      void client.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const reasonError =
    isApiError(remove.error, 400) && remove.error.field === 'reason' ? remove.error.fieldMessage : undefined;

  if (evidence.isPending) return <Loading label="Loading the evidence" />;
  if (evidence.isError)
    return <LoadError error={evidence.error} what="the evidence" onRetry={() => evidence.refetch()} />;
  const { checklist, files, uploadableKinds } = evidence.data;

  return (
    <section aria-labelledby={`evidence-${caseId}`} className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`evidence-${caseId}`} className="text-lg font-semibold">
          Evidence
        </h2>
        {checklist.items.length === 0 ? (
          <Badge>No evidence needed</Badge>
        ) : checklist.complete ? (
          <Badge tone="success">Complete</Badge>
        ) : (
          <Badge tone="warning">Missing {checklist.missing.length}</Badge>
        )}
      </div>
      {checklist.items.map((item) => {
        const own = files.filter((f) => f.kind === item.kind);
        return (
          <div key={item.kind} className="rounded-lg border border-line bg-surface p-3">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium">{kindLabels[item.kind].title}</h3>
              <span className="text-sm text-muted">{item.required ? 'required' : 'optional'}</span>
              {item.required && item.files === 0 && <Badge tone="warning">Missing</Badge>}
            </div>
            {own.length === 0 ? (
              <p className="mt-1 text-sm text-muted">Nothing sent yet.</p>
            ) : (
              <ul className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                {own.map((f) => (
                  <li key={f.id} className="text-xs text-muted">
                    {isVideo(f) ? (
                      // biome-ignore lint/a11y/useMediaCaption: customer recordings have no captions
                      <video
                        controls
                        preload="none"
                        poster={f.thumbnailUrl}
                        src={f.url}
                        className="aspect-square w-full rounded-md border border-line bg-black object-contain"
                      />
                    ) : (
                      <a href={f.url} target="_blank" rel="noopener" title="Open the full-size photo">
                        <img
                          src={f.thumbnailUrl}
                          alt={`${kindLabels[f.kind].title}, sent ${formatDateTime(f.createdAt)}`}
                          loading="lazy"
                          className="aspect-square w-full rounded-md border border-line bg-gray-100 object-cover"
                        />
                      </a>
                    )}
                    <span className="mt-1 block">
                      {f.width && f.height ? `${f.width}×${f.height} · ` : ''}
                      {f.durationMs !== null ? `${formatDuration(f.durationMs)} · ` : ''}
                      {formatBytes(f.bytes)}
                    </span>
                    <span className="block">
                      {f.uploadedBy === 'staff' ? 'Added by staff' : 'From the customer'} ·{' '}
                      {formatDateTime(f.createdAt)}
                    </span>
                    {f.amountCents !== null && (
                      <span className="block font-medium text-gray-900">
                        Receipt: {formatUsd(f.amountCents)}
                      </span>
                    )}
                    {isVideo(f) && (
                      <a href={f.url} target="_blank" rel="noopener" className="underline">
                        Open the video
                      </a>
                    )}
                    {mayRemove && (
                      <Button
                        variant="secondary"
                        size="sm"
                        className="mt-1"
                        aria-label={`Remove ${kindLabels[f.kind].title.toLowerCase()}, sent ${formatDateTime(f.createdAt)}`}
                        onClick={() => {
                          remove.reset();
                          setReason('');
                          setRemoving({ id: f.id, title: kindLabels[f.kind].title });
                        }}
                      >
                        Remove
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {uploadableKinds.length > 0 && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (kind && file) add.mutate();
          }}
        >
          <label className="flex flex-col text-sm">
            <span className="font-medium">Add a file as</span>
            <select
              value={kind}
              onChange={(e) => setKind(e.target.value as EvidenceKind | '')}
              required
              className="mt-1 min-h-11 rounded-lg border border-line bg-surface px-3"
            >
              <option value="">Choose…</option>
              {uploadableKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabels[k].title}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-medium">Photo or video</span>
            <input
              type="file"
              accept={ACCEPT}
              required
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="mt-1 text-sm"
            />
          </label>
          <Button type="submit" variant="secondary" busy={add.isPending}>
            Add
          </Button>
          {add.isError && (
            <Notice tone="danger" className="w-full">
              {errorMessage(add.error)}
            </Notice>
          )}
        </form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove this file (${removing?.title ?? ''})?`}
        description="The file is deleted for good, for the customer too; the case's timeline keeps your reason."
        confirmLabel="Remove the file"
        confirmVariant="danger"
        busy={remove.isPending}
        error={remove.isError && !reasonError ? errorMessage(remove.error) : null}
        onConfirm={() => remove.mutate()}
        onClose={() => setRemoving(null)}
      >
        <Textarea
          label="Why"
          name="reason"
          required
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
          hint="For example: the photo shows the customer's ID card."
        />
      </ConfirmDialog>
    </section>
  );
}
