/**
 * The evidence of one case in the back office's case page (issue 10 point 3): the checklist (what the customer
 * still has to send), every file as a thumbnail grouped by kind, photos opening full size in a new tab, videos
 * playing in place, receipts with their amount (AS-GEN-3); staff may add a file of a kind the case takes.
 * Reads `/api/admin/cases/:id/evidence` itself (TanStack Query, inside the back office's QueryClient) and
 * reads it again every four minutes, before the signed addresses (10 minutes) expire.
 *
 * Mounting (the integrator): `<EvidenceGallery caseId={case.id} />` anywhere under the admin layout.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getCaseEvidence, uploadCaseEvidence } from '../../lib/admin-api.ts';
import { formatDateTime, formatUsd } from '../admin/format.ts';
import { errorMessage, LoadError, Loading } from '../admin/QueryState.tsx';
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
}

export function EvidenceGallery({ caseId }: EvidenceGalleryProps) {
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
    },
  });

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
    </section>
  );
}
