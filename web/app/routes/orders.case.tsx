import {
  type ActionFunctionArgs,
  data,
  Form,
  Link,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { assessmentWords } from '../../../src/aftersales/assessment-words.ts';
import { formatUsd } from '../../../src/shared/format.ts';
import { EvidencePanel } from '../components/cases/EvidencePanel.tsx';
import { AssessmentCard } from '../components/claim/AssessmentCard.tsx';
import {
  caseStateWords,
  caseStepOf,
  caseSteps,
  customerButtonWords,
  partWords,
  shipmentWords,
  timelineWords,
} from '../components/claim/case-words.ts';
import { kindChoices } from '../components/claim/claim-form.ts';
import { Badge } from '../components/ui/Badge.tsx';
import { Button } from '../components/ui/Button.tsx';
import { cx } from '../components/ui/cx.ts';
import { Textarea } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Timeline } from '../components/ui/Timeline.tsx';
import { problemOf } from '../lib/cart.server.ts';
import {
  caseActions,
  casePagePath,
  customerCasePage,
  customerMoveCase,
  isOpenCase,
  messageText,
  partsQuoteTerms,
  postCustomerMessage,
} from '../lib/claims.server.ts';
import { loadCaseEvidence } from '../lib/evidence.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { formatDate, formatDateTime, isNotFound, orderPagePath } from '../lib/orders.server.ts';
import { policyPagePath } from '../lib/site-links.ts';

export { ErrorBoundary } from './orders.view.tsx';

function linkOf(request: Request): { token: string; reference: string } {
  const params = new URL(request.url).searchParams;
  const token = params.get('token') ?? '';
  const reference = params.get('ref') ?? '';
  if (!token || !reference || reference.length > 40)
    throw data(null, { status: 404, statusText: 'Not Found' });
  return { token, reference };
}

function notFoundAsPage(error: unknown): never {
  if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
  throw error;
}

/** The case behind the order's signed link and its RMA reference; anything else is a 404. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { token, reference } = linkOf(request);
  const page = await customerCasePage(context.ctx, token, reference).catch(notFoundAsPage);
  const c = page.case;
  // Issue 10 point 3: what is still missing, and the upload form (a plain form post without JavaScript).
  const evidence =
    c.assessment.evidence.length > 0 ? await loadCaseEvidence(context.ctx, token, reference) : null;
  const quote = [...c.timeline].reverse().find((e) => e.action === 'send_quote');
  return {
    orderReference: page.orderReference,
    token,
    selfHref: casePagePath(token, reference),
    evidence,
    orderHref: orderPagePath(token),
    reference: c.reference,
    productName: c.productName,
    variantName: c.variantName,
    kindLabel: kindChoices.find((k) => k.kind === c.kind)?.label ?? c.kind,
    state: c.state,
    open: isOpenCase(c.state),
    openedOn: formatDateTime(c.openedAt),
    policyVersion: c.policyVersion,
    assessment: c.assessment,
    deadline: c.assessment.deadline ? formatDateTime(c.assessment.deadline) : null,
    actions: c.actions.map((action) => ({
      action,
      label: customerButtonWords[action] ?? caseActions[action].label,
    })),
    // AS-DEF-5: the parcel's declared value, from the settings of the policy version the case was judged by.
    declaredValue: formatUsd(
      c.assessment.returnParcel?.declaredValueCents ?? page.policy.declaredParcelValueCents,
    ),
    postageCap: formatUsd(page.policy.returnShippingFeeCapCents),
    reimbursableUpTo:
      c.assessment.returnShipping.reimbursableUpToCents > 0
        ? formatUsd(c.assessment.returnShipping.reimbursableUpToCents)
        : null,
    shopPaysPostage: c.assessment.returnShipping.payer === 'shop',
    quoteNote: quote ? { note: quote.note, when: formatDateTime(quote.at) } : null,
    // Issue 10 point 5: what the resolution gave, in the customer's words.
    remedies: page.remedies.map((r) => ({
      id: r.id,
      ...remedyWords(r),
    })),
    // AS-DEF-3: the price and the parts, and how to pay once accepted (when the policy names the customer).
    quote: c.quote
      ? {
          amount: formatUsd(c.quote.amountCents),
          parts: c.quote.parts.map((p) => partWords[p]).join(', '),
          payment:
            c.assessment.partsPayer === 'customer'
              ? partsQuoteTerms(c.quote.amountCents, c.assessment, c.reference).payment
              : null,
        }
      : null,
    returnShipment: c.returnShipment ? shipmentWords(c.returnShipment) : null,
    timeline: c.timeline.map((e, i) => ({
      key: `${i}-${e.action}`,
      label: timelineWords(e.action, e.toState),
      when: formatDateTime(e.at),
      note: e.note,
    })),
    messages: page.messages.map((m) => ({
      id: m.id,
      fromCustomer: m.author === 'customer',
      body: m.body,
      when: formatDateTime(m.createdAt),
    })),
  };
}

/** One remedy as the customer reads it: a title and the sentences under it. */
function remedyWords(r: Awaited<ReturnType<typeof customerCasePage>>['remedies'][number]): {
  title: string;
  code: string | null;
  lines: string[];
} {
  if (r.coupon) {
    const what = r.kind === 'voucher' ? 'Voucher' : 'Coupon';
    return {
      title: `${what} worth ${formatUsd(r.amountCents)}${r.clause ? ` (${r.clause})` : ''}`,
      code: r.coupon.code,
      lines: [
        r.coupon.redeemedAt
          ? `Used on ${formatDate(r.coupon.redeemedAt)}.`
          : `Enter this code at checkout: it pays for one order and is valid until ${formatDate(r.coupon.expiresAt)}.`,
      ],
    };
  }
  if (r.replacement) {
    const { reference, carrier, trackingNumber } = r.replacement;
    return {
      title: `Replacement order ${reference}`,
      code: null,
      lines: [
        trackingNumber
          ? `Shipped${carrier ? ` by ${carrier}` : ''}, tracking number ${trackingNumber}.`
          : carrier
            ? `Shipped by ${carrier}.`
            : 'A new one is being prepared for you, free of charge; the tracking number follows by email.',
      ],
    };
  }
  return {
    title: `${r.kind === 'return_shipping' ? 'Return postage reimbursed' : 'Refund'}: ${formatUsd(r.amountCents)}`,
    code: null,
    lines: r.refundStatus ? [r.refundStatus] : [],
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  ...pageMeta(
    matches,
    d ? `Case ${d.reference}` : 'Your case',
    'Where your after-sales case stands, what the policy says and what happens next.',
  ),
  { name: 'robots', content: 'noindex, nofollow' },
];

interface CaseAnswer {
  errors: Record<string, string>;
  message: string;
  formError: string | null;
}

/** The customer's buttons (from the lifecycle table) and the conversation's form; then the page again. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { token, reference } = linkOf(request);
  const form = await readForm(request);
  const intent = String(form.get('intent') ?? '');
  const typed = typeof form.get('body') === 'string' ? String(form.get('body')) : '';
  try {
    if (intent === 'message') {
      const parsed = messageText.safeParse(typed);
      if (!parsed.success) {
        const problem = parsed.error.issues[0]?.message ?? 'is not a message';
        return data<CaseAnswer>(
          { errors: { body: `Your message ${problem}.` }, message: typed, formError: null },
          { status: 400 },
        );
      }
      await postCustomerMessage(context.ctx, token, reference, parsed.data);
      return redirect(`${casePagePath(token, reference)}#messages`, 303);
    }
    const move = String(form.get('action') ?? '');
    if (intent !== 'move' || !Object.hasOwn(caseActions, move)) {
      return data<CaseAnswer>(
        { errors: {}, message: typed, formError: 'This button is not one the case offers. Reload the page.' },
        { status: 400 },
      );
    }
    await customerMoveCase(context.ctx, token, reference, { action: move as keyof typeof caseActions });
    return redirect(casePagePath(token, reference), 303);
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'not_found') notFoundAsPage(error);
    if (problem.field === 'body') {
      return data<CaseAnswer>(
        { errors: { body: problem.message }, message: typed, formError: null },
        { status: problem.status },
      );
    }
    return data<CaseAnswer>(
      { errors: {}, message: typed, formError: problem.message },
      { status: problem.status },
    );
  }
}

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const state = caseStateWords(d.state);
  const step = caseStepOf(d.state);
  const words = assessmentWords(d.assessment);
  return (
    <>
      <PageHeader
        title={`Case ${d.reference}`}
        description={`${d.productName} (${d.variantName}) · ${d.kindLabel} · opened ${d.openedOn}`}
        breadcrumbs={[
          { label: 'Home', to: '/' },
          { label: `Order ${d.orderReference}`, to: d.orderHref },
        ]}
      />
      <div className="space-y-6">
        {result?.formError ? (
          <Notice tone="danger" title="That did not work">
            {result.formError}
          </Notice>
        ) : null}

        <section
          aria-labelledby="state-title"
          className="space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="state-title" className="text-lg font-semibold text-gray-900">
              Status
            </h2>
            <Badge tone={d.open ? 'info' : step !== null ? 'success' : 'neutral'} className="text-sm">
              {state.title}
            </Badge>
          </div>
          {state.sentence ? <p className="text-gray-800">{state.sentence}</p> : null}
          {d.returnShipment ? <p className="font-semibold text-gray-900">{d.returnShipment}</p> : null}
          {step !== null ? (
            <ol
              className="grid grid-cols-5 gap-1.5 text-center text-xs sm:gap-2 sm:text-sm"
              aria-label="Progress"
            >
              {caseSteps.map((s, i) => {
                const done = i <= step;
                return (
                  <li
                    key={s.label}
                    className="flex flex-col items-center gap-1.5"
                    aria-current={i === step ? 'step' : undefined}
                  >
                    <span
                      aria-hidden="true"
                      className={cx('h-2 w-full rounded-full', done ? 'bg-primary' : 'bg-gray-200')}
                    />
                    <span className={cx(done ? 'font-semibold text-gray-900' : 'text-muted')}>
                      {s.label}
                      <span className="sr-only">{done ? ' (done)' : ' (not yet)'}</span>
                    </span>
                  </li>
                );
              })}
            </ol>
          ) : null}
          {d.deadline && d.open ? (
            <p className="text-sm text-muted">Policy deadline for this claim: {d.deadline}.</p>
          ) : null}
          {d.actions.length > 0 ? (
            <Form method="post" className="flex flex-wrap gap-3 border-t border-line pt-4">
              <input type="hidden" name="intent" value="move" />
              {d.actions.map((a) => (
                <Button
                  key={a.action}
                  type="submit"
                  name="action"
                  value={a.action}
                  variant={a.action === 'withdraw' || a.action === 'decline_quote' ? 'secondary' : 'primary'}
                  busy={busy}
                >
                  {a.label}
                </Button>
              ))}
            </Form>
          ) : null}
        </section>

        {d.remedies.length > 0 ? (
          <section
            aria-labelledby="remedies-title"
            className="space-y-3 rounded-xl bg-emerald-50 p-5 ring-1 ring-emerald-300 sm:p-6"
          >
            <h2 id="remedies-title" className="text-lg font-semibold text-emerald-950">
              What you get
            </h2>
            <ul className="space-y-3 text-emerald-950">
              {d.remedies.map((r) => (
                <li key={r.id} className="space-y-1">
                  <p className="font-semibold">{r.title}</p>
                  {r.code ? (
                    <p>
                      Code: <span className="font-mono text-lg font-semibold">{r.code}</span>
                    </p>
                  ) : null}
                  {r.lines.map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {d.quote && (d.state === 'quote_sent' || d.state === 'quote_accepted') ? (
          <section
            aria-labelledby="quote-title"
            className="space-y-3 rounded-xl bg-amber-50 p-5 ring-1 ring-amber-300 sm:p-6"
          >
            <h2 id="quote-title" className="text-lg font-semibold text-amber-950">
              Your parts quote
            </h2>
            {d.state === 'quote_sent' ? (
              <p className="text-amber-950">
                The repair needs parts you pay for (policy clause AS-DEF-3). Nothing is done before you
                accept; if you decline, the item comes back to you as it is.
              </p>
            ) : (
              <p className="text-amber-950">
                You accepted this quote. Please pay it by bank transfer, quoting your RMA number, so the
                repair can go ahead.
              </p>
            )}
            <dl className="grid gap-x-6 gap-y-2 text-amber-950 sm:grid-cols-[auto_1fr]">
              <dt className="text-sm font-medium">Parts</dt>
              <dd>{d.quote.parts}</dd>
              <dt className="text-sm font-medium">Price</dt>
              <dd className="font-semibold">{d.quote.amount}</dd>
              {d.quote.payment ? (
                <>
                  <dt className="text-sm font-medium">Reference</dt>
                  <dd className="font-mono font-semibold">{d.quote.payment.reference}</dd>
                  <dt className="text-sm font-medium">Account name</dt>
                  <dd>{d.quote.payment.accountName}</dd>
                  <dt className="text-sm font-medium">Bank</dt>
                  <dd>{d.quote.payment.bankName}</dd>
                  <dt className="text-sm font-medium">Routing number (ABA)</dt>
                  <dd className="font-mono">{d.quote.payment.routingNumber}</dd>
                  <dt className="text-sm font-medium">Account number</dt>
                  <dd className="font-mono">{d.quote.payment.accountNumber}</dd>
                </>
              ) : null}
            </dl>
            {d.quoteNote?.note ? (
              <p className="whitespace-pre-line text-amber-950">
                {d.quoteNote.note} <span className="text-sm">(sent {d.quoteNote.when})</span>
              </p>
            ) : null}
          </section>
        ) : null}

        {d.state === 'return_authorised' ? (
          <section
            aria-labelledby="rma-title"
            className="space-y-3 rounded-xl bg-sky-50 p-5 ring-1 ring-sky-300 sm:p-6"
          >
            <h2 id="rma-title" className="text-lg font-semibold text-sky-950">
              How to send it back
            </h2>
            <ol className="list-decimal space-y-1.5 pl-5 text-sky-950">
              <li>
                Write your return authorisation (RMA) number,{' '}
                <span className="font-mono font-semibold">{d.reference}</span>, on the parcel and on a note
                inside. A parcel without it cannot be accepted (AS-GEN-2).
              </li>
              <li>
                Send it by the cheapest tracked post. If tracking costs too much, untracked post is fine: keep
                the receipt.
              </li>
              <li>Declare a value of {d.declaredValue} on the parcel (AS-DEF-5).</li>
              <li>
                Keep the postage receipt and add a photo of it to this case.{' '}
                {d.shopPaysPostage
                  ? `The shop pays the return postage${d.reimbursableUpTo ? `, up to ${d.reimbursableUpTo}` : ''}.`
                  : d.reimbursableUpTo
                    ? `Postage below ${d.postageCap} is reimbursed if the inspection finds the complaint justified (AS-GEN-3).`
                    : 'The return postage is yours to pay.'}
              </li>
            </ol>
          </section>
        ) : null}

        <section aria-labelledby="assessment-title" className="space-y-3">
          <h2 id="assessment-title" className="text-lg font-semibold text-gray-900">
            What the policy says
          </h2>
          <AssessmentCard
            title={d.productName}
            subtitle={`Judged by version ${d.policyVersion} of the after-sales policy, when the case was opened`}
            words={words}
            showEvidence={false}
          />
          <p className="text-sm">
            <Link to={policyPagePath(d.policyVersion)} className="font-semibold text-primary-ink underline">
              Read version {d.policyVersion} of the after-sales policy
            </Link>
          </p>
        </section>

        {d.evidence ? (
          <EvidencePanel
            token={d.token}
            reference={d.reference}
            evidence={d.evidence}
            returnTo={d.selfHref}
          />
        ) : (
          <section
            aria-labelledby="evidence-title"
            id="evidence"
            className="space-y-3 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
          >
            <h2 id="evidence-title" className="text-lg font-semibold text-gray-900">
              Evidence
            </h2>
            <p className="text-gray-800">This kind of claim needs no photos or videos.</p>
          </section>
        )}

        <section aria-labelledby="messages-title" id="messages" className="space-y-3">
          <h2 id="messages-title" className="text-lg font-semibold text-gray-900">
            Conversation with customer service
          </h2>
          {d.messages.length === 0 ? (
            <p className="text-muted">No messages yet.</p>
          ) : (
            <ol className="space-y-3">
              {d.messages.map((m) => (
                <li
                  key={m.id}
                  className={cx(
                    'max-w-prose rounded-xl p-4 ring-1',
                    m.fromCustomer ? 'ml-auto bg-surface ring-line' : 'bg-sky-50 ring-sky-200',
                  )}
                >
                  <p className="text-sm font-semibold text-gray-900">
                    {m.fromCustomer ? 'You' : 'Customer service'}{' '}
                    <span className="font-normal text-muted">· {m.when}</span>
                  </p>
                  <p className="mt-1 whitespace-pre-line break-words text-gray-900">{m.body}</p>
                </li>
              ))}
            </ol>
          )}
          {d.open ? (
            // A new message empties the box: the form is drawn anew once the thread has it.
            <Form key={d.messages.length} method="post" noValidate className="space-y-3">
              <input type="hidden" name="intent" value="message" />
              <Textarea
                label="Write to customer service"
                id="field-body"
                name="body"
                rows={4}
                maxLength={5000}
                defaultValue={result?.message ?? ''}
                error={result?.errors.body}
              />
              <Button type="submit" busy={busy}>
                Send the message
              </Button>
            </Form>
          ) : (
            <p className="text-sm text-muted">This case is finished, so its conversation is closed.</p>
          )}
        </section>

        <Timeline
          entries={d.timeline.map((e) => ({
            key: e.key,
            label: e.label,
            when: e.when,
            detail: e.note ? <p className="whitespace-pre-line">{e.note}</p> : null,
          }))}
        />

        <p className="text-sm text-muted">
          <Link to={d.orderHref} className="underline">
            Back to order {d.orderReference}
          </Link>
        </p>
      </div>
    </>
  );
}
