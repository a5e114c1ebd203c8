/**
 * /admin/policy/playground (issue 11 point 3): staff try a claim against the after-sales policy without
 * opening anything. They type a hypothetical claim (kind, dates, item, the facts the engine asks) or start from
 * a real order's line, choose the live policy version or any other (two side by side, stacked on a phone), and
 * read each answer exactly as `assessClaim` gives it, every reason with its clause ID. "Copy the explanation"
 * puts the reasons as plain text on the clipboard for a reply to the customer. Nothing is stored.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { MetaFunction } from 'react-router';
import {
  claimKinds,
  productCategories,
  type ReplaceableComponent,
  replaceableComponents,
} from '../../../../src/aftersales/claim.schema.ts';
import { AssessmentPanel } from '../../components/admin/AssessmentPanel.tsx';
import { Checkbox } from '../../components/admin/Checkbox.tsx';
import { claimKindLabel, componentLabel } from '../../components/admin/case-format.ts';
import { focusFirstInvalid } from '../../components/admin/focus.ts';
import { formatDateTime, formatUsd } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import {
  claimOfDraft,
  componentsAsked,
  defaultDraft,
  draftFieldOf,
  draftMessage,
  factLabels,
  feeAsked,
  type PlaygroundDraft,
  withClaimOfLine,
} from '../../components/admin/playground-form.ts';
import type { FieldErrors } from '../../components/admin/product-form.ts';
import { errorMessage, LoadError, Panel } from '../../components/admin/QueryState.tsx';
import { factsFor } from '../../components/claim/claim-form.ts';
import { categoryLabels } from '../../components/product/categories.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Input, Textarea } from '../../components/ui/Input.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { isApiError } from '../../lib/admin-api.ts';
import {
  assessInPlayground,
  claimsOfOrder,
  listPolicyVersions,
  type PlaygroundAssessResponse,
  type PlaygroundFromOrder,
  playgroundKeys,
} from '../../lib/admin-playground-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Policy playground');

type Answer = PlaygroundAssessResponse['answers'][number];

export default function PolicyPlaygroundPage() {
  const [draft, setDraft] = useState<PlaygroundDraft>(() => defaultDraft(new Date()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [first, setFirst] = useState<string>('');
  const [second, setSecond] = useState<string>('');
  const versions = useQuery({ queryKey: playgroundKeys.versions, queryFn: listPolicyVersions });
  const live = versions.data?.current;
  const chosenFirst = first || (live ? String(live) : '');

  const assess = useMutation({
    mutationFn: (args: Parameters<typeof assessInPlayground>) => assessInPlayground(...args),
    onError: (error) => {
      const field = isApiError(error) ? draftFieldOf(error.field) : null;
      if (field && isApiError(error)) {
        setErrors({ [field]: draftMessage(error.message, error.field, field) });
        focusFirstInvalid();
      } else {
        setFormError(errorMessage(error));
      }
    },
  });

  const set = <K extends keyof PlaygroundDraft>(key: K, value: PlaygroundDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const { claim, errors: found } = claimOfDraft(draft);
    const picked = [chosenFirst, second].filter((v) => v !== '').map(Number);
    if (picked.length === 0) found.versions = 'Choose a policy version';
    setErrors(found);
    if (!claim || Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    assess.mutate([claim, picked]);
  }

  const versionOptions = (versions.data?.items ?? []).map((v) => ({
    value: String(v.version),
    label: `Version ${v.version}${v.version === live ? ' (live)' : ''} · saved ${formatDateTime(v.createdAt)}`,
  }));
  const askedFacts = factsFor[draft.kind];
  const answers = assess.data?.answers ?? [];

  return (
    <>
      <PageHeader
        title="Policy playground"
        description="Try a claim against the after-sales policy, under the live version or an earlier one. Nothing is saved and nobody is told."
      />
      <div className="flex flex-col gap-4">
        <StartFromOrder kind={draft.kind} onLine={(claim) => setDraft((d) => withClaimOfLine(d, claim))} />
        <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="The claim">
          <Panel title="The claim">
            <div className="grid gap-4 sm:grid-cols-2">
              <Select
                label="What happened"
                name="kind"
                value={draft.kind}
                onChange={(e) => set('kind', e.target.value as PlaygroundDraft['kind'])}
                options={claimKinds.map((k) => ({ value: k, label: claimKindLabel[k] }))}
                error={errors.kind}
              />
              <Input
                label="Claim opened (UTC)"
                name="openedAt"
                type="datetime-local"
                value={draft.openedAt}
                onChange={(e) => set('openedAt', e.target.value)}
                error={errors.openedAt}
              />
              <Input
                label="Shipped (UTC)"
                name="shippedAt"
                type="datetime-local"
                value={draft.shippedAt}
                onChange={(e) => set('shippedAt', e.target.value)}
                error={errors.shippedAt}
              />
              <div className="flex flex-col gap-2">
                <Input
                  label="Delivered (UTC)"
                  name="deliveredAt"
                  type="datetime-local"
                  value={draft.deliveredAt}
                  disabled={draft.deliveryUntraceable}
                  onChange={(e) => set('deliveredAt', e.target.value)}
                  error={errors.deliveredAt}
                />
                <Checkbox
                  label="Delivery not traceable"
                  checked={draft.deliveryUntraceable}
                  onChange={(e) => set('deliveryUntraceable', e.target.checked)}
                />
              </div>
            </div>
          </Panel>
          <Panel title="The item">
            <div className="grid gap-4 sm:grid-cols-2">
              <Select
                label="Category"
                name="category"
                value={draft.category}
                onChange={(e) => set('category', e.target.value as PlaygroundDraft['category'])}
                options={productCategories.map((c) => ({ value: c, label: categoryLabels[c] }))}
                error={errors.category}
              />
              <Input
                label="Price paid (US$)"
                name="price"
                inputMode="decimal"
                value={draft.price}
                onChange={(e) => set('price', e.target.value)}
                error={errors.price}
              />
              <Checkbox
                label="Clearance product"
                checked={draft.clearance}
                onChange={(e) => set('clearance', e.target.checked)}
              />
              <Checkbox
                label="Sold under special warranty terms"
                checked={draft.specialWarranty}
                onChange={(e) => set('specialWarranty', e.target.checked)}
              />
            </div>
          </Panel>
          {askedFacts.length > 0 || feeAsked[draft.kind] ? (
            <Panel title="The facts">
              <div className="grid gap-4 sm:grid-cols-2">
                {askedFacts.map((name) => (
                  <Checkbox
                    key={name}
                    label={factLabels[name]}
                    checked={draft.facts[name]}
                    onChange={(e) => set('facts', { ...draft.facts, [name]: e.target.checked })}
                  />
                ))}
                {componentsAsked[draft.kind] ? (
                  <fieldset className="flex flex-col gap-2">
                    <legend className="mb-1 font-medium text-gray-900">Components to replace</legend>
                    {replaceableComponents.map((part) => (
                      <Checkbox
                        key={part}
                        label={componentLabel[part]}
                        checked={draft.components.includes(part)}
                        onChange={(e) =>
                          set(
                            'components',
                            e.target.checked
                              ? [...draft.components, part]
                              : draft.components.filter((p: ReplaceableComponent) => p !== part),
                          )
                        }
                      />
                    ))}
                    {errors.components ? (
                      <p className="text-sm font-medium text-red-700">{errors.components}</p>
                    ) : null}
                  </fieldset>
                ) : null}
                {feeAsked[draft.kind] ? (
                  <Input
                    label="Return postage paid (US$)"
                    hint="Leave empty when no receipt is declared yet."
                    name="fee"
                    inputMode="decimal"
                    value={draft.fee}
                    onChange={(e) => set('fee', e.target.value)}
                    error={errors.fee}
                  />
                ) : null}
              </div>
            </Panel>
          ) : null}
          <Panel title="Policy versions">
            {versions.isError ? (
              <LoadError
                error={versions.error}
                what="the policy versions"
                onRetry={() => versions.refetch()}
              />
            ) : (
              <div className="grid gap-4 sm:grid-cols-2">
                <Select
                  label="Judge by"
                  name="version"
                  value={chosenFirst}
                  onChange={(e) => setFirst(e.target.value)}
                  options={versionOptions}
                  error={errors.versions}
                  disabled={!versions.data}
                />
                <Select
                  label="Compare with"
                  name="compareWith"
                  value={second}
                  onChange={(e) => setSecond(e.target.value)}
                  placeholder="No comparison"
                  options={versionOptions.filter((o) => o.value !== chosenFirst)}
                  disabled={!versions.data}
                />
              </div>
            )}
          </Panel>
          {formError ? (
            <Notice tone="danger" title="The policy could not be asked">
              {formError}
            </Notice>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" busy={assess.isPending}>
              Ask the policy
            </Button>
          </div>
        </form>
        {answers.length > 0 ? (
          <section
            aria-label="The policy's answers"
            className="grid grid-cols-1 gap-4 lg:grid-cols-2 lg:items-start"
          >
            {answers.map((a) => (
              // A new answer starts without the previous one's "Copied".
              <AnswerPanel key={`${a.version} ${a.explanation}`} answer={a} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}

function AnswerPanel({ answer: a }: { answer: Answer }) {
  return (
    <AssessmentPanel
      assessment={a.assessment}
      title={`Version ${a.version}${a.live ? ' (live)' : ''}`}
      note={`Policy version ${a.version}, saved ${formatDateTime(a.createdAt)}${a.live ? '; new claims are judged by it' : ''}.${a.assessment.couponValueCents !== null ? ` Coupon ${formatUsd(a.assessment.couponValueCents)}.` : ''}`}
      showEvidence
    >
      <CopyExplanation text={a.explanation} version={a.version} />
    </AssessmentPanel>
  );
}

/**
 * The reasons as plain text on the clipboard. Where the browser refuses (no permission, not a secure
 * context), the text appears in a box, selected, to copy by hand.
 */
function CopyExplanation({ text, version }: { text: string; version: number }) {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const boxId = useId();
  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  }
  return (
    <div className="mt-4 flex flex-col gap-2 border-t border-line pt-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={copy}
          aria-label={`Copy the explanation of version ${version}`}
        >
          Copy the explanation
        </Button>
        <span role="status" className="text-sm text-green-800">
          {state === 'copied' ? 'Copied' : null}
        </span>
      </div>
      {state === 'manual' ? (
        <Textarea
          // Selected as it appears, ready for the copy shortcut.
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          id={boxId}
          label="The explanation"
          hint="The browser did not allow copying: select the text and copy it."
          readOnly
          rows={8}
          value={text}
        />
      ) : null}
    </div>
  );
}

function StartFromOrder({
  kind,
  onLine,
}: {
  kind: PlaygroundDraft['kind'];
  onLine: (claim: PlaygroundFromOrder['lines'][number]['claim']) => void;
}) {
  const [reference, setReference] = useState('');
  const [used, setUsed] = useState<string | null>(null);
  const lookup = useMutation({
    mutationFn: (ref: string) => claimsOfOrder(ref, kind),
    onSuccess: (found) => {
      const only = found.lines.length === 1 ? found.lines[0] : undefined;
      if (only) use(found, only);
      else setUsed(null);
    },
  });
  function use(found: PlaygroundFromOrder, line: PlaygroundFromOrder['lines'][number]) {
    onLine(line.claim);
    setUsed(`Filled from ${found.order.reference}: ${line.productName} · ${line.variantName}.`);
  }
  const found = lookup.data;
  return (
    <Panel title="Start from an order">
      <form
        className="flex flex-wrap items-end gap-2"
        aria-label="Start from an order"
        onSubmit={(event) => {
          event.preventDefault();
          setUsed(null);
          if (reference.trim()) lookup.mutate(reference.trim());
        }}
      >
        <Input
          label="Order reference"
          hint="Dates, price, category and the clearance and warranty flags come from the order."
          name="reference"
          placeholder="AC-26-00020"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          fieldClassName="min-w-0 flex-1"
          error={
            lookup.isError
              ? isApiError(lookup.error)
                ? lookup.error.fieldMessage
                : errorMessage(lookup.error)
              : null
          }
        />
        <Button type="submit" variant="secondary" busy={lookup.isPending}>
          Fill the form
        </Button>
      </form>
      {found && found.lines.length > 1 && !used ? (
        <div className="mt-3">
          <p className="text-sm text-muted">
            {found.order.reference} has {found.lines.length} items: which one?
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {found.lines.map((line) => (
              <li key={line.orderLineId}>
                <Button type="button" variant="ghost" size="sm" onClick={() => use(found, line)}>
                  {line.productName} · {line.variantName} ({formatUsd(line.claim.item.unitPriceCents)})
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p role="status" className="mt-2 text-sm text-muted">
        {used}
      </p>
    </Panel>
  );
}
