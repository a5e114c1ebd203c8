/**
 * The evidence part of the customer's case page (issue 10 point 3): the checklist of the case's assessment
 * (required and optional kinds, what is still missing), one upload form per kind, and the files sent so far as
 * thumbnails behind short-lived signed addresses.
 *
 * Works without JavaScript: each kind is a plain `multipart/form-data` form posting to the JSON API with a
 * `returnTo` field; the API stores the file and answers 303 back to this page (`?evidenceAdded=<kind>` or
 * `?evidenceError=<message>`), whose loader reads the list again. With JavaScript the same form is sent by
 * XMLHttpRequest so a progress bar shows, then the list is read again from the API; files can be removed.
 * Either way each file is stored the moment it arrives, so a reload loses nothing.
 *
 * Mounting (the integrator): in the case page's loader, `evidence: await loadCaseEvidence(context.ctx, token,
 * reference)` (web/app/lib/evidence.server.ts), then
 * `<EvidencePanel token={token} reference={reference} evidence={evidence} returnTo={pathWithQuery} />`.
 */
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Badge, Button, Notice } from '../ui/index.ts';
import {
  ACCEPT,
  type EvidenceFileView,
  type EvidenceKind,
  type EvidenceListView,
  formatBytes,
  formatDuration,
  isVideo,
  kindLabels,
} from './evidence-labels.ts';

export interface EvidencePanelProps {
  /** The order's signed link token (the same one the case page was opened with). */
  token: string;
  /** The case reference, e.g. RMA-26-00042. */
  reference: string;
  /** The list as the loader read it: `loadCaseEvidence(...)`. */
  evidence: EvidenceListView;
  /**
   * This page's path (with its query, e.g. `/orders/view?token=…&case=RMA-26-00042`): where a form sent
   * without JavaScript comes back to. A same-site path only; the API ignores anything else.
   */
  returnTo: string;
}

function apiBase(token: string, reference: string): string {
  return `/api/orders/by-link/${encodeURIComponent(token)}/cases/${encodeURIComponent(reference)}/evidence`;
}

interface Progress {
  kind: EvidenceKind;
  percent: number;
}

export function EvidencePanel({ token, reference, evidence, returnTo }: EvidencePanelProps) {
  const [view, setView] = useState(evidence);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const [scripted, setScripted] = useState(false);
  const [params] = useSearchParams();
  const base = apiBase(token, reference);

  useEffect(() => setView(evidence), [evidence]);
  useEffect(() => setScripted(true), []);

  const reload = useCallback(async () => {
    const res = await fetch(base, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.ok) setView((await res.json()) as EvidenceListView);
  }, [base]);

  // Signed addresses last EVIDENCE_URL_TTL_SECONDS (10 minutes by default): read them again before they expire.
  useEffect(() => {
    const timer = setInterval(() => void reload(), 4 * 60 * 1000);
    return () => clearInterval(timer);
  }, [reload]);

  const added = params.get('evidenceAdded');
  const refused = params.get('evidenceError');
  const shown =
    message ??
    (refused
      ? { tone: 'danger' as const, text: refused.replace(/^\w+: /, '') }
      : added && added in kindLabels
        ? { tone: 'success' as const, text: `Added to “${kindLabels[added as EvidenceKind].title}”.` }
        : null);

  const upload = (kind: EvidenceKind, form: HTMLFormElement) => {
    const data = new FormData(form);
    data.delete('returnTo');
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ tone: 'danger', text: 'Choose a photo or a video first.' });
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress({ kind, percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status === 201) {
        form.reset();
        setMessage({ tone: 'success', text: `Added to “${kindLabels[kind].title}”.` });
        void reload();
        return;
      }
      let text = 'The file could not be sent; try again.';
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
        if (body.error?.message) text = body.error.message.replace(/^\w+: /, '');
      } catch {
        // not JSON (a proxy's page): keep the generic sentence
      }
      setMessage({ tone: 'danger', text });
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage({ tone: 'danger', text: 'The connection was lost while sending; try again.' });
    };
    setMessage(null);
    setProgress({ kind, percent: 0 });
    xhr.send(data);
  };

  const remove = async (file: EvidenceFileView) => {
    const res = await fetch(`${base}/${file.id}`, { method: 'DELETE', credentials: 'same-origin' });
    if (res.status === 204) {
      setMessage({ tone: 'success', text: 'The file was removed.' });
      await reload();
    } else {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      setMessage({ tone: 'danger', text: body.error?.message ?? 'The file could not be removed.' });
    }
  };

  const { checklist, files, uploadableKinds } = view;
  if (checklist.items.length === 0) return null;
  const missing = checklist.missing.map((k) => kindLabels[k].title);

  return (
    <section id="evidence" aria-labelledby="evidence-title" className="space-y-4">
      <div className="space-y-1">
        <h2 id="evidence-title" className="text-xl font-semibold">
          Photos and videos
        </h2>
        <p className="text-sm text-gray-700">
          Photos (JPEG, PNG, WebP, HEIC) or short videos (MP4, MOV). Location and camera details are removed
          from every file before we keep it.
        </p>
      </div>
      {checklist.complete ? (
        <Notice tone="success" title="Everything we need is here">
          Customer service will look at it and come back to you.
        </Notice>
      ) : (
        <Notice tone="warning" title={`Still needed: ${missing.length}`}>
          {missing.join(', ')}.
        </Notice>
      )}
      <div aria-live="polite">{shown && <Notice tone={shown.tone}>{shown.text}</Notice>}</div>
      <ul className="space-y-4">
        {checklist.items.map((item) => {
          const own = files.filter((f) => f.kind === item.kind);
          const open = uploadableKinds.includes(item.kind);
          const busy = progress?.kind === item.kind;
          const label = kindLabels[item.kind];
          const inputId = `evidence-${item.kind}`;
          return (
            <li key={item.kind} className="rounded-lg border border-line bg-surface p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{label.title}</h3>
                {item.files > 0 ? (
                  <Badge tone="success">{item.files === 1 ? '1 file' : `${item.files} files`}</Badge>
                ) : item.required ? (
                  <Badge tone="warning">Required</Badge>
                ) : (
                  <Badge tone="neutral">Optional</Badge>
                )}
              </div>
              <p className="mt-1 text-sm text-gray-700">{label.hint}</p>
              {own.length > 0 && (
                <ul className="mt-3 flex flex-wrap gap-3">
                  {own.map((f) => (
                    <li key={f.id} className="w-28 text-xs text-gray-700">
                      <a href={f.url} target="_blank" rel="noopener" className="block">
                        <img
                          src={f.thumbnailUrl}
                          alt={`${label.title}, ${isVideo(f) ? 'video' : 'photo'} sent ${f.createdAt.slice(0, 10)}`}
                          width={112}
                          height={112}
                          loading="lazy"
                          className="h-28 w-28 rounded-md border border-line bg-gray-100 object-cover"
                        />
                      </a>
                      <span className="mt-1 block">
                        {isVideo(f) && f.durationMs !== null
                          ? `Video ${formatDuration(f.durationMs)} · `
                          : ''}
                        {formatBytes(f.bytes)}
                        {f.amountCents !== null ? ` · $${(f.amountCents / 100).toFixed(2)}` : ''}
                      </span>
                      {scripted && open && f.uploadedBy === 'customer' && (
                        <button
                          type="button"
                          className="mt-1 text-red-800 underline"
                          onClick={() => void remove(f)}
                        >
                          Remove
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {open && (
                <form
                  method="post"
                  action={base}
                  encType="multipart/form-data"
                  className="mt-3 flex flex-wrap items-end gap-3"
                  onSubmit={(e) => {
                    e.preventDefault();
                    upload(item.kind, e.currentTarget);
                  }}
                >
                  <input type="hidden" name="returnTo" value={returnTo} />
                  <input type="hidden" name="kind" value={item.kind} />
                  {item.kind === 'postage_receipt' && (
                    <label className="flex flex-col text-sm">
                      <span className="font-medium">Amount paid (US$)</span>
                      <input
                        name="amount"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder="4.50"
                        pattern="\$?\s*\d{1,7}(\.\d{1,2})?"
                        className="mt-1 min-h-11 w-32 rounded-lg border border-line px-3"
                      />
                    </label>
                  )}
                  <label htmlFor={inputId} className="flex flex-col text-sm">
                    <span className="font-medium">Choose a photo or video</span>
                    <input
                      id={inputId}
                      name="file"
                      type="file"
                      accept={ACCEPT}
                      required
                      className="mt-1 max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-line file:bg-surface file:px-3"
                    />
                  </label>
                  <Button type="submit" variant="secondary" busy={busy}>
                    Upload
                  </Button>
                  {busy && (
                    <progress
                      max={100}
                      value={progress?.percent ?? 0}
                      aria-label={`Sending ${label.title}`}
                      className="h-2 w-full"
                    >
                      {progress?.percent ?? 0}%
                    </progress>
                  )}
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
