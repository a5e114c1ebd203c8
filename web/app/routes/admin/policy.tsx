/**
 * /admin/policy (issue 11 point 1): every number of the after-sales policy with its clause, meaning, default
 * and allowed range (src/aftersales/policy-fields.ts). The owner edits them; saving adds a numbered version
 * with a reason, after a confirmation that shows the differences in words and how many open cases keep the
 * version they were judged by. Every version is listed; any two can be compared and an old one restored as a
 * new version. Other staff see the same screen read-only. The checks here only make messages immediate: the
 * API decides, and a field it refuses is shown at that field with what was typed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MetaFunction } from 'react-router';
import {
  formatPolicyValue,
  POLICY_REASON_MAX,
  POLICY_REASON_MIN,
  type PolicyField,
  type PolicyFieldKey,
  policyFamilies,
  policyFields,
  rangeInWords,
} from '../../../../src/aftersales/policy-fields.ts';
import { ConfirmDialog } from '../../components/admin/ConfirmDialog.tsx';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { centsToDollars, dollarsToCents, formatDate } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import type { FieldErrors } from '../../components/admin/product-form.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { Input, Textarea } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { getSession, isApiError, keys } from '../../lib/admin-api.ts';
import {
  comparePolicyVersions,
  listPolicyVersions,
  type PolicyChangeView,
  type PolicyPreview,
  type PolicySettings,
  type PolicyVersionItem,
  policyKeys,
  previewPolicy,
  savePolicyVersion,
} from '../../lib/admin-policy-api.ts';
import { policyPagePath } from '../../lib/site-links.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'After-sales policy');

/** The form as typed: strings only, so nothing typed is ever lost to a conversion. */
type Draft = Record<PolicyFieldKey, string>;

const fields: ReadonlyArray<PolicyField & { key: PolicyFieldKey }> = policyFields;
const fieldId = (key: string) => `policy-${key}`;

function draftOf(settings: PolicySettings): Draft {
  const draft = {} as Draft;
  for (const f of fields) {
    const value = settings[f.key];
    draft[f.key] = value === null ? '' : f.unit === 'cents' ? centsToDollars(value) : String(value);
  }
  return draft;
}

const unitNames = { days: 'days', months: 'months', cents: 'dollars' } as const;

/** One field as typed → its number, or the message to show at the field. */
function parseTyped(field: PolicyField, typed: string): { value: number | null } | { error: string } {
  const text = typed.trim();
  if (text === '') {
    return field.nullable ? { value: null } : { error: `Enter the ${field.label.toLowerCase()}` };
  }
  let value: number | null;
  if (field.unit === 'cents') {
    value = dollarsToCents(text);
    if (value === null) return { error: 'Enter an amount in dollars with at most two decimals, e.g. 15.00' };
  } else {
    value = /^\d+$/.test(text) ? Number(text) : null;
    if (value === null) return { error: `Enter a whole number of ${unitNames[field.unit]}, e.g. 5` };
  }
  if (value < field.min || value > field.max) return { error: `Enter a value ${rangeInWords(field)}` };
  return { value };
}

/** The settings the API takes, and every problem found, keyed by the settings' keys. */
function settingsOf(draft: Draft): { settings: PolicySettings; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const settings = {} as Record<PolicyFieldKey, number | null>;
  for (const f of fields) {
    const result = parseTyped(f, draft[f.key]);
    if ('error' in result) errors[f.key] = result.error;
    else settings[f.key] = result.value;
  }
  return { settings: settings as PolicySettings, errors };
}

/** `settings.doaDaysAfterDelivery` → `doaDaysAfterDelivery` when it is one of the form's fields. */
function formField(apiField: string | undefined): PolicyFieldKey | null {
  const key = apiField?.startsWith('settings.') ? apiField.slice('settings.'.length) : null;
  return fields.find((f) => f.key === key)?.key ?? null;
}

export default function PolicyPage() {
  const versions = useQuery({ queryKey: policyKeys.versions, queryFn: listPolicyVersions });
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const header = (
    <PageHeader
      title="After-sales policy"
      description="Every number the after-sales rules use. Each save is a new numbered version; a case keeps the version it was opened under."
      actions={
        <ButtonLink to="/policies/after-sales" variant="secondary" reloadDocument>
          View the policy page
        </ButtonLink>
      }
    />
  );
  if (versions.isPending || versions.isError) {
    return (
      <>
        {header}
        {versions.isPending ? (
          <Loading label="Loading the policy" />
        ) : (
          <LoadError error={versions.error} what="the policy" onRetry={() => versions.refetch()} />
        )}
      </>
    );
  }
  const items = versions.data.items;
  const live = items.find((v) => v.version === versions.data.current) ?? items[0];
  if (!live) return header;
  return (
    <>
      {header}
      <PolicyEditor live={live} items={items} canEdit={session.data?.role === 'owner'} />
    </>
  );
}

function savedBy(v: PolicyVersionItem): string {
  if (v.createdBy === null && v.version === 1) return 'the shop (the catalogue’s defaults)';
  return v.createdByName ?? 'a former member of staff';
}

function PolicyEditor({
  live,
  items,
  canEdit,
}: {
  live: PolicyVersionItem;
  items: PolicyVersionItem[];
  canEdit: boolean;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(live.settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [review, setReview] = useState<{ settings: PolicySettings; preview: PolicyPreview } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const readOnly = !canEdit;

  /** An answer of the API naming a setting goes to that field; anything else to `show`. */
  function showError(error: unknown, show: (message: string) => void) {
    const key = isApiError(error) ? formField(error.field) : null;
    if (key && isApiError(error)) {
      setReview(null);
      setErrors({ [key]: error.fieldMessage });
      focusFirstInvalid();
    } else {
      show(errorMessage(error));
    }
  }

  const preview = useMutation({
    mutationFn: (input: { settings: PolicySettings; reason: string }) => previewPolicy(input.settings),
    onSuccess: (answer, input) => {
      if (answer.changes.length === 0) {
        setMessage(`Nothing to save: these are the settings of the live version ${answer.current}.`);
        return;
      }
      setReason(input.reason);
      setReasonError(null);
      setDialogError(null);
      setReview({ settings: input.settings, preview: answer });
    },
    onError: (error) => showError(error, setFormError),
  });

  const save = useMutation({
    mutationFn: (input: { settings: PolicySettings; reason: string }) =>
      savePolicyVersion(input.settings, input.reason),
    onSuccess: async (saved) => {
      setReview(null);
      setDraft(draftOf(saved.settings));
      setErrors({});
      setMessage(`Saved as version ${saved.version}. New claims follow it; open cases keep their version.`);
      await client.invalidateQueries({ queryKey: policyKeys.all });
    },
    onError: (error) => {
      if (isApiError(error) && error.field === 'reason') setReasonError(error.fieldMessage);
      else showError(error, setDialogError);
    },
  });

  /** A field's message goes as soon as its new value passes the check the next save makes. */
  function change(key: PolicyFieldKey, typed: string) {
    const next = { ...draft, [key]: typed };
    setDraft(next);
    if (errors[key] && !settingsOf(next).errors[key]) setErrors(({ [key]: _fixed, ...rest }) => rest);
  }

  function startReview(next: Draft, prefilledReason: string) {
    setMessage(null);
    setFormError(null);
    const { settings, errors: found } = settingsOf(next);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    preview.mutate({ settings, reason: prefilledReason });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startReview(draft, '');
  }

  /** Rolling back is saving an old version's settings as a new version: the form takes them, then the review. */
  function restore(v: PolicyVersionItem) {
    const next = draftOf(v.settings);
    setDraft(next);
    startReview(next, `Restore version ${v.version}: `);
  }

  function confirmSave() {
    if (!review) return;
    const text = reason.trim();
    if (text.length < POLICY_REASON_MIN) {
      setReasonError(`Say why the policy changes, in at least ${POLICY_REASON_MIN} characters`);
      return;
    }
    save.mutate({ settings: review.settings, reason: text });
  }

  const errorCount = Object.keys(errors).length;
  const open = review?.preview.openCasesKeepingTheirVersion ?? 0;

  return (
    <div className="flex flex-col gap-4">
      <LiveVersion live={live} />
      <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Policy settings">
        {readOnly ? (
          <Notice title="Only the owner can change the policy">
            You can read every setting and version here; ask the shop’s owner for a change.
          </Notice>
        ) : null}
        {errorCount > 0 ? (
          <Notice tone="danger" title="Some fields need a look">
            {errorCount === 1 ? 'One field is' : `${errorCount} fields are`} marked below. Nothing was saved.
          </Notice>
        ) : null}
        {policyFamilies.map((family) => (
          <Panel key={family.id} title={family.title}>
            <div className="grid gap-5 md:grid-cols-2">
              {fields
                .filter((f) => f.family === family.id)
                .map((f) => (
                  <Input
                    key={f.key}
                    id={fieldId(f.key)}
                    name={f.key}
                    label={
                      <>
                        {f.label} <span className="font-normal text-muted">({unitNames[f.unit]})</span>
                      </>
                    }
                    hint={<FieldHint field={f} />}
                    inputMode={f.unit === 'cents' ? 'decimal' : 'numeric'}
                    autoComplete="off"
                    placeholder={f.nullable ? `Empty: ${f.emptyMeaning}` : undefined}
                    value={draft[f.key]}
                    onChange={(e) => change(f.key, e.target.value)}
                    error={errors[f.key]}
                    readOnly={readOnly}
                  />
                ))}
            </div>
          </Panel>
        ))}
        {formError ? (
          <Notice tone="danger" title="The policy was not saved">
            {formError}
          </Notice>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-end">
          <div role="status" className="text-sm sm:mr-auto">
            {message ? <span className="text-green-800">{message}</span> : null}
          </div>
          {canEdit ? (
            <Button type="submit" busy={preview.isPending}>
              Review changes
            </Button>
          ) : null}
        </div>
      </form>

      <ConfirmDialog
        open={review !== null}
        title={`Save as version ${(review?.preview.current ?? live.version) + 1}?`}
        description={`Compared with the live version ${review?.preview.current ?? live.version}:`}
        confirmLabel="Save new version"
        busy={save.isPending}
        error={dialogError}
        onConfirm={confirmSave}
        onClose={() => setReview(null)}
      >
        <ChangeList changes={review?.preview.changes ?? []} />
        <p className="text-sm">
          {open === 0
            ? 'No case is open: new claims follow the new version.'
            : `${open === 1 ? 'One open case keeps' : `${open} open cases keep`} the version ${open === 1 ? 'it was' : 'they were'} opened under; new claims follow the new version.`}
        </p>
        <Textarea
          id={fieldId('reason')}
          label="Why does the policy change?"
          hint={`Kept with the version for everyone to read, ${POLICY_REASON_MIN} to ${POLICY_REASON_MAX} characters.`}
          rows={3}
          required
          maxLength={POLICY_REASON_MAX}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            if (reasonError && e.target.value.trim().length >= POLICY_REASON_MIN) setReasonError(null);
          }}
          error={reasonError}
        />
      </ConfirmDialog>

      <VersionsPanel items={items} live={live} canEdit={canEdit} onRestore={restore} />
    </div>
  );
}

function FieldHint({ field }: { field: PolicyField }) {
  return (
    <>
      <span className="font-mono font-semibold text-gray-900">{field.clause}</span> · {field.meaning}{' '}
      {field.nullable ? `Leave it empty for ${field.emptyMeaning}. ` : ''}Default:{' '}
      {formatPolicyValue(field, field.default)}. Allowed: {rangeInWords(field)}.
    </>
  );
}

function LiveVersion({ live }: { live: PolicyVersionItem }) {
  return (
    <Panel title={`Live version ${live.version}`} actions={<Badge tone="success">In effect</Badge>}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">In effect since</dt>
        <dd>{formatDate(live.createdAt)}</dd>
        <dt className="text-muted">Saved by</dt>
        <dd>{savedBy(live)}</dd>
        <dt className="text-muted">Why</dt>
        <dd className="break-words">{live.reason ?? 'The catalogue’s defaults'}</dd>
        <dt className="text-muted">Open cases</dt>
        <dd>{live.openCases}</dd>
      </dl>
    </Panel>
  );
}

function ChangeList({ changes }: { changes: PolicyChangeView[] }) {
  if (changes.length === 0) return <p className="text-sm">No differences: the settings are the same.</p>;
  return (
    <ul className="flex list-disc flex-col gap-1 pl-5 text-sm" aria-label="Differences">
      {changes.map((c) => (
        <li key={c.key}>
          <span className="font-mono text-xs text-muted">{c.clause}</span> {c.text}
        </li>
      ))}
    </ul>
  );
}

function VersionsPanel({
  items,
  live,
  canEdit,
  onRestore,
}: {
  items: PolicyVersionItem[];
  live: PolicyVersionItem;
  canEdit: boolean;
  onRestore: (v: PolicyVersionItem) => void;
}) {
  const [from, setFrom] = useState(() => Math.max(1, live.version - 1));
  const [to, setTo] = useState(live.version);
  const comparison = useQuery({
    queryKey: policyKeys.compare(from, to),
    queryFn: () => comparePolicyVersions(from, to),
    enabled: from !== to,
  });
  const options = items.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }));

  return (
    <Panel title="Versions">
      <ol className="flex flex-col gap-3" aria-label="Every version, newest first">
        {items.map((v) => (
          <li key={v.version} className="rounded-lg border border-line p-3 sm:p-4">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className="font-semibold text-gray-900">Version {v.version}</h3>
              {v.version === live.version ? <Badge tone="success">Live</Badge> : null}
              <span className="text-sm text-muted">since {formatDate(v.createdAt)}</span>
              <div className="flex w-full flex-wrap items-center gap-3 sm:ml-auto sm:w-auto">
                <a href={policyPagePath(v.version)} className="text-sm text-primary-ink underline">
                  Read<span className="sr-only"> version {v.version}</span> as customers do
                </a>
                {canEdit && v.version !== live.version ? (
                  <Button size="sm" variant="secondary" onClick={() => onRestore(v)}>
                    Restore as new version<span className="sr-only"> (version {v.version})</span>
                  </Button>
                ) : null}
              </div>
            </div>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted">Saved by</dt>
              <dd>{savedBy(v)}</dd>
              <dt className="text-muted">Why</dt>
              <dd className="break-words">{v.reason ?? '—'}</dd>
              <dt className="text-muted">Open cases</dt>
              <dd>{v.openCases}</dd>
            </dl>
          </li>
        ))}
      </ol>

      {items.length > 1 ? (
        <section aria-labelledby="compare-title" className="mt-5 flex flex-col gap-3">
          <h3 id="compare-title" className="font-semibold text-gray-900">
            Compare two versions
          </h3>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select
              id="policy-compare-from"
              label="From"
              options={options}
              value={String(from)}
              onChange={(e) => setFrom(Number(e.target.value))}
            />
            <Select
              id="policy-compare-to"
              label="To"
              options={options}
              value={String(to)}
              onChange={(e) => setTo(Number(e.target.value))}
            />
          </div>
          <div aria-live="polite">
            {from === to ? (
              <p className="text-sm text-muted">Choose two different versions.</p>
            ) : comparison.isPending ? (
              <Loading label="Comparing" />
            ) : comparison.isError ? (
              <LoadError error={comparison.error} what="these versions" />
            ) : (
              <ChangeList changes={comparison.data.changes} />
            )}
          </div>
        </section>
      ) : null}
    </Panel>
  );
}
