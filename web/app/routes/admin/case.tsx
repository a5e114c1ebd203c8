/**
 * /admin/cases/:id: one after-sales case. The engine's current answer with its clauses in words, the evidence
 * the policy asks for, the order and item, the policy version the case is judged by, the assignment, the
 * timeline (each step with the engine's answer and any override beside it), and only the moves the lifecycle
 * table allows this staff member.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, type MetaFunction, useParams } from 'react-router';
import { stillMissingSentence } from '../../../../src/aftersales/cases/case-evidence.rules.ts';
import { type CaseAction, caseActions } from '../../../../src/aftersales/cases/case-lifecycle.ts';
import { AssessmentPanel } from '../../components/admin/AssessmentPanel.tsx';
import { CaseActions } from '../../components/admin/CaseActions.tsx';
import { CaseMarks, CaseStateBadge } from '../../components/admin/CaseBadges.tsx';
import {
  caseStateLabel,
  claimKindLabel,
  componentLabel,
  resolutionLabels,
  verdictLabels,
} from '../../components/admin/case-format.ts';
import { formatDateTime, formatUsd, humanize } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { errorMessage, LoadError, Loading, Panel } from '../../components/admin/QueryState.tsx';
import { WhoReadThis } from '../../components/admin/WhoReadThis.tsx';
import { CaseRemedies } from '../../components/cases/CaseRemedies.tsx';
import { CaseThread } from '../../components/cases/CaseThread.tsx';
import { EvidenceGallery } from '../../components/cases/EvidenceGallery.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Notice } from '../../components/ui/Notice.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { getSession, keys } from '../../lib/admin-api.ts';
import { type AdminCaseDetail, assignCase, caseKeys, getCase } from '../../lib/admin-cases-api.ts';
import { policyPagePath } from '../../lib/site-links.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Case');

const crumbs = [{ label: 'Cases', to: '/admin/cases' }];

export default function CasePage() {
  const { id = '' } = useParams();
  const c = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => getCase(id) });

  if (c.isPending || c.isError) {
    return (
      <>
        <PageHeader title="Case" breadcrumbs={crumbs} />
        {c.isPending ? (
          <Loading label="Loading the case" />
        ) : (
          <LoadError error={c.error} what="this case" onRetry={() => c.refetch()} />
        )}
      </>
    );
  }
  const d = c.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {d.reference}
            <CaseStateBadge state={d.state} />
          </span>
        }
        breadcrumbs={crumbs}
        current={d.reference}
        description={`${claimKindLabel[d.kind]} · ${d.line.productName}, opened ${formatDateTime(d.openedAt)}.`}
        actions={
          <>
            <CaseActions c={d} />
            <WhoReadThis recordType="case" reference={d.reference} />
          </>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <CaseMarks c={d} />
      </div>
      {d.personalData === 'masked' ? (
        <Notice tone="info" className="mb-4">
          {maskedNote(d)}
        </Notice>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div className="flex flex-col gap-4">
          <AssessmentPanel
            assessment={d.assessment}
            note={
              <>
                Judged by policy version {d.policyVersion}, frozen when the case was opened; answered again at
                every decision with what is known by then.{' '}
                <a
                  href={policyPagePath(d.policyVersion)}
                  className="font-semibold text-primary-ink underline"
                >
                  Read version {d.policyVersion} as the customer does
                </a>
              </>
            }
          />
          {/* PV-STF-1: evidence files and message texts only for the member handling the case. */}
          {d.personalData === 'full' ? (
            <>
              <EvidenceGallery caseId={d.id} mayRemove={d.mayRemoveEvidence} />
              <CaseThread caseId={d.id} />
            </>
          ) : null}
          <Timeline c={d} />
        </div>
        <div className="flex flex-col gap-4">
          <Assignment c={d} />
          <CaseRemedies caseId={d.id} />
          <Claim c={d} />
          <OrderSummary c={d} />
        </div>
      </div>
    </>
  );
}

/** Why the customer's details are hidden on this page, in words (PV-STF-1). */
function maskedNote(c: AdminCaseDetail): string {
  const who = c.assignee ? `Assigned to ${c.assignee.name}` : 'Unassigned';
  const then = c.assignment.mayTake
    ? ' Take the case to see them, its messages and evidence.'
    : ' The workshop steps work without them.';
  return `${who}: customer details hidden (PV-STF-1).${then}`;
}

function Assignment({ c }: { c: AdminCaseDetail }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState(c.assignee?.id ?? '');
  const session = useQuery({ queryKey: keys.session, queryFn: getSession, staleTime: 5 * 60_000 });
  const mutation = useMutation({
    mutationFn: (staffId: string | null) => assignCase(c.id, staffId),
    onSuccess: (updated) => {
      client.setQueryData(caseKeys.detail(c.id), updated);
      void client.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  if (!c.assignment.mayAssignOthers) {
    // Customer service takes an unassigned case for themselves and gives back their own (PV-STF-1).
    const me = session.data?.id;
    return (
      <Panel title="Assigned to">
        <p className="text-sm">{c.assignee ? c.assignee.name : 'Nobody yet'}</p>
        {c.assignment.mayTake && me ? (
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            busy={mutation.isPending}
            onClick={() => mutation.mutate(me)}
          >
            Take {c.reference}
          </Button>
        ) : null}
        {c.assignment.mayRelease ? (
          <Button
            type="button"
            variant="secondary"
            className="mt-2"
            busy={mutation.isPending}
            onClick={() => mutation.mutate(null)}
          >
            Give {c.reference} back
          </Button>
        ) : null}
        {mutation.isError ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {errorMessage(mutation.error)}
          </p>
        ) : null}
      </Panel>
    );
  }
  return (
    <Panel title="Assigned to">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate(chosen || null);
        }}
      >
        <Select
          label="Staff member"
          name="staffId"
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
          placeholder="Nobody"
          options={c.staff.map((s) => ({ value: s.id, label: `${s.name} (${humanize(s.role)})` }))}
          fieldClassName="min-w-0 flex-1"
          error={mutation.isError ? errorMessage(mutation.error) : null}
        />
        <Button type="submit" variant="secondary" busy={mutation.isPending}>
          Assign
        </Button>
      </form>
      {mutation.isSuccess ? (
        <p role="status" className="mt-2 text-sm text-muted">
          {c.assignee ? `Assigned to ${c.assignee.name}.` : 'Unassigned.'}
        </p>
      ) : null}
    </Panel>
  );
}

function Claim({ c }: { c: AdminCaseDetail }) {
  const f = c.facts;
  const yes = (v: boolean | undefined) => (v ? 'Yes' : 'No');
  return (
    <Panel title="The claim">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Item</dt>
        <dd>
          {c.line.productName} · {c.line.variantName}
          <span className="block font-mono text-xs text-muted">{c.line.sku}</span>
        </dd>
        <dt className="text-muted">Price paid</dt>
        <dd>{formatUsd(c.line.unitPriceCents)}</dd>
        <dt className="text-muted">Box opened</dt>
        <dd>{yes(f.openedByCustomer)}</dd>
        <dt className="text-muted">Damage</dt>
        <dd>{yes(f.physicalDamage)}</dd>
        <dt className="text-muted">Misuse</dt>
        <dd>{yes(f.misuse)}</dd>
        {c.inspection ? (
          <>
            <dt className="text-muted">Inspection</dt>
            <dd>
              {verdictLabels[c.inspection.verdict]}
              {c.inspection.components.length > 0
                ? `; replace ${c.inspection.components.map((p) => componentLabel[p].toLowerCase()).join(', ')}`
                : ''}
            </dd>
          </>
        ) : null}
        {c.quote ? (
          <>
            <dt className="text-muted">Parts quote</dt>
            <dd>
              {formatUsd(c.quote.amountCents)} for{' '}
              {c.quote.parts.map((p) => componentLabel[p].toLowerCase()).join(', ')}
            </dd>
          </>
        ) : null}
        {c.resolution ? (
          <>
            <dt className="text-muted">Resolution</dt>
            <dd>{resolutionLabels[c.resolution as keyof typeof resolutionLabels] ?? c.resolution}</dd>
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

function OrderSummary({ c }: { c: AdminCaseDetail }) {
  const o = c.order;
  return (
    <Panel
      title="Order"
      actions={
        <Link to={`/admin/orders/${o.id}`} className="text-sm font-semibold text-primary-ink underline">
          Open {o.reference}
        </Link>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Customer</dt>
        <dd>
          {o.customerName}
          <span className="block break-all text-muted">{o.email}</span>
        </dd>
        <dt className="text-muted">Placed</dt>
        <dd>{formatDateTime(o.placedAt)}</dd>
        <dt className="text-muted">Shipped</dt>
        <dd>{formatDateTime(o.shippedAt)}</dd>
        <dt className="text-muted">Delivered</dt>
        <dd>{o.deliveryUntraceable ? 'Not traceable' : formatDateTime(o.deliveredAt)}</dd>
      </dl>
    </Panel>
  );
}

function stepLabel(e: AdminCaseDetail['timeline'][number]): string {
  if (e.action === 'open') return 'Claim opened';
  if (e.action === 'remove_evidence') return 'Evidence file removed';
  if (e.action === 'assign') {
    // PV-STF-2: a deactivated member's cases go back to the queue; the row says so rather than a bare "Unassigned".
    if (e.details?.reason === 'member_left') {
      return `Back to the queue: ${e.details.releasedFrom?.name ?? 'the member'} left the shop`;
    }
    const to = e.details?.assignedTo;
    return to ? `Assigned to ${to.name}` : 'Unassigned';
  }
  return caseActions[e.action as CaseAction]?.label ?? humanize(e.action);
}

function Timeline({ c }: { c: AdminCaseDetail }) {
  return (
    <Panel title="Timeline">
      <ol className="flex flex-col divide-y divide-gray-200">
        {[...c.timeline].reverse().map((e) => (
          <li
            key={`${e.at} ${e.action} ${e.toState}`}
            className="flex flex-col gap-1 py-3 text-sm first:pt-0"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold text-gray-900">{stepLabel(e)}</span>
              <time dateTime={e.at} className="text-muted">
                {formatDateTime(e.at)}
              </time>
            </div>
            <span className="text-muted">
              {e.actor.type === 'staff' ? (e.actor.name ?? 'Staff') : humanize(e.actor.type)}
              {e.fromState && e.fromState !== e.toState
                ? ` · ${caseStateLabel[e.fromState]} → ${caseStateLabel[e.toState]}`
                : ''}
            </span>
            {e.details?.inspection ? (
              <span>
                Verdict: {verdictLabels[e.details.inspection.verdict]}
                {e.details.inspection.components.length > 0
                  ? `; replace ${e.details.inspection.components.map((p) => componentLabel[p].toLowerCase()).join(', ')}`
                  : ''}
              </span>
            ) : null}
            {e.details?.quote ? <span>Quote: {formatUsd(e.details.quote.amountCents)}</span> : null}
            {e.details?.resolution ? (
              <span>
                Resolution:{' '}
                {resolutionLabels[e.details.resolution as keyof typeof resolutionLabels] ??
                  e.details.resolution}
              </span>
            ) : null}
            {e.details?.shipment ? (
              <span>
                Sent back with {e.details.shipment.carrier}
                {/* PV-STF-1: a masked case's tracking number arrives empty: it exists, the number is not shown. */}
                {e.details.shipment.trackingNumber === ''
                  ? ', tracking number hidden (take the case to read it)'
                  : e.details.shipment.trackingNumber
                    ? `, tracking number ${e.details.shipment.trackingNumber}`
                    : ''}
              </span>
            ) : null}
            {e.note ? <p className="whitespace-pre-line">{e.note}</p> : null}
            {/* PV-STF-1: a masked case keeps that a note was written, not its text ('' from the API). */}
            {e.note === '' && c.personalData === 'masked' ? (
              <p className="text-muted italic">Note hidden: take the case to read it.</p>
            ) : null}
            {e.overrideReason !== null && (e.overrideReason || c.personalData === 'masked') ? (
              <Notice
                tone="warning"
                title={`Against the policy (${e.details?.overriddenClause ?? 'override'})`}
              >
                <p className="whitespace-pre-line">
                  {e.overrideReason || 'The written reason is hidden: take the case to read it.'}
                </p>
                {e.details?.missingEvidence ? (
                  <p className="mt-1">
                    Decided before the evidence was in.{' '}
                    {stillMissingSentence(e.details.missingEvidence.kinds, 'Missing then')}
                    {/* The title names the clause already when the evidence was the only thing overridden. */}
                    {e.details.missingEvidence.clause !== e.details.overriddenClause
                      ? ` (${e.details.missingEvidence.clause})`
                      : ''}
                  </p>
                ) : null}
              </Notice>
            ) : null}
            {e.assessment ? (
              <span className="text-muted">
                Policy: {e.assessment.eligible ? 'eligible' : 'not eligible'}
                {e.assessment.resolutions.length > 0
                  ? ` · ${e.assessment.resolutions.map((r) => resolutionLabels[r].toLowerCase()).join(', ')}`
                  : ''}
                {e.assessment.partsPayer ? ` · parts paid by the ${e.assessment.partsPayer}` : ''}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </Panel>
  );
}
