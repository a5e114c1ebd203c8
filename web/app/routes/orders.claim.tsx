import { type FormEvent, useEffect, useRef, useState } from 'react';
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
import type { Assessment } from '../../../src/aftersales/policy.ts';
import { AssessmentCard } from '../components/claim/AssessmentCard.tsx';
import {
  type ClaimFormValues,
  type FactName,
  factNames,
  factQuestions,
  factsFor,
  kindChoices,
  parseClaimForm,
} from '../components/claim/claim-form.ts';
import { Button, ButtonLink } from '../components/ui/Button.tsx';
import { cx } from '../components/ui/cx.ts';
import { Textarea } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { problemOf } from '../lib/cart.server.ts';
import {
  askQuestions,
  assessClaims,
  casePagePath,
  isOpenCase,
  openClaims,
  orderCases,
} from '../lib/claims.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { isNotFound, orderByLink, orderPagePath } from '../lib/orders.server.ts';

export { ErrorBoundary } from './orders.view.tsx';

function tokenOf(request: Request): string {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  if (!token) throw data(null, { status: 404, statusText: 'Not Found' });
  return token;
}

function notFoundAsPage(error: unknown): never {
  if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
  throw error;
}

/** The order's lines a claim can name, its open cases per line, and whether it has arrived. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = tokenOf(request);
  const order = await orderByLink(context.ctx, token).catch(notFoundAsPage);
  const { lines, cases } = await orderCases(context.ctx, token);
  const openCases = cases
    .filter((c) => isOpenCase(c.state))
    .map((c) => ({
      reference: c.reference,
      orderLineId: c.orderLineId,
      href: casePagePath(token, c.reference),
    }));
  return {
    token,
    orderReference: order.reference,
    orderHref: orderPagePath(token),
    // A claim is about an item in the customer's hands: delivered, or shipped with the delivery untraceable.
    arrived: order.shippedAt !== null && (order.deliveredAt !== null || order.deliveryUntraceable),
    lines,
    openCases,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  ...pageMeta(
    matches,
    d ? `Report a problem with order ${d.orderReference}` : 'Report a problem',
    'Tell us what happened and see what the after-sales policy says before opening a case.',
  ),
  { name: 'robots', content: 'noindex, nofollow' },
];

interface AssessedLine {
  orderLineId: string;
  assessment: Assessment;
}

interface ClaimAnswer {
  values: ClaimFormValues;
  errors: Record<string, string>;
  assessed: AssessedLine[] | null;
  formError: { title: string; message: string; href?: string; linkText?: string } | null;
  asked: boolean;
}

function answer(status: number, a: Partial<ClaimAnswer> & { values: ClaimFormValues }) {
  return data<ClaimAnswer>({ errors: {}, assessed: null, formError: null, asked: false, ...a }, { status });
}

/**
 * Three buttons, one form: "Check what the policy says" (assess, store nothing), "Open the case" (open one case
 * per item, then the case page), "Send as a question" (a declined claim goes to customer service, no return).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const token = tokenOf(request);
  const form = await readForm(request);
  const intent = String(form.get('intent') ?? 'check');
  const parsed = parseClaimForm(form, { needQuestion: intent === 'ask' });
  const { values } = parsed;
  const assessOf = async (claim: NonNullable<typeof parsed.claim>) =>
    (await assessClaims(context.ctx, token, claim)).lines;
  if (Object.keys(parsed.errors).length > 0 || !parsed.claim) {
    // Only the question is missing: the policy's answer stays on the page beside the error.
    const assessed = parsed.claim ? await assessOf(parsed.claim).catch(() => null) : null;
    return answer(400, { values, errors: parsed.errors, assessed });
  }
  const claim = parsed.claim;
  const assess = () => assessOf(claim);
  try {
    if (intent === 'open') {
      const cases = await openClaims(context.ctx, token, claim);
      const first = cases[0];
      return redirect(
        cases.length === 1 && first ? casePagePath(token, first.reference) : `${orderPagePath(token)}#cases`,
        303,
      );
    }
    if (intent === 'ask') {
      await askQuestions(context.ctx, token, { lines: claim.lines, body: values.question.trim() });
      return answer(200, { values: { ...values, question: '' }, assessed: await assess(), asked: true });
    }
    return answer(200, { values, assessed: await assess() });
  } catch (error) {
    const problem = problemOf(error);
    if (problem.code === 'not_found' && !problem.field) notFoundAsPage(error);
    if (problem.status === 422) {
      // The policy declined while opening (the answer may have changed since it was checked): show it.
      return answer(422, {
        values,
        assessed: await assess(),
        formError: {
          title: 'No case was opened',
          message:
            'The after-sales policy does not cover this claim. You can still send it to customer service as a question below.',
        },
      });
    }
    const reference = (error as { details?: { reference?: unknown } }).details?.reference;
    if (problem.status === 409 && typeof reference === 'string') {
      return answer(409, {
        values,
        formError: {
          title: `Case ${reference} is already open for this item`,
          message: `${problem.message}. Follow it on its page instead of opening another.`,
          href: casePagePath(token, reference),
          linkText: `Go to case ${reference}`,
        },
      });
    }
    if (problem.field?.startsWith('lines.')) {
      return answer(problem.status, {
        values,
        errors: { lines: problem.message.replace(/^lines\.\d+\.\w+: /, '') },
      });
    }
    return answer(problem.status, {
      values,
      formError: { title: 'The claim was not sent', message: problem.message },
    });
  }
}

type Live =
  | { status: 'idle' }
  | { status: 'incomplete' }
  | { status: 'loading' }
  | { status: 'ready'; assessed: AssessedLine[] }
  | { status: 'error'; message: string };

/** How long the page waits after the last change before asking the policy again, in milliseconds. */
const LIVE_DELAY_MS = 350;

export default function ClaimPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values: ClaimFormValues = result?.values ?? { lines: [], kind: '', facts: {}, question: '' };
  const errors = navigation.state === 'submitting' ? {} : (result?.errors ?? {});
  const [kind, setKind] = useState(values.kind);
  const [live, setLive] = useState<Live>({ status: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef(0);
  // A new answer from the server (a post) is what the page shows until the customer changes something again.
  useEffect(() => {
    setLive({ status: 'idle' });
    setKind(result?.values.kind ?? '');
  }, [result]);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const assessed: AssessedLine[] | null =
    live.status === 'ready' ? live.assessed : live.status === 'idle' ? (result?.assessed ?? null) : null;
  const allCovered = assessed !== null && assessed.length > 0 && assessed.every((l) => l.assessment.eligible);
  const someDeclined = assessed?.some((l) => !l.assessment.eligible) ?? false;
  const lineName = new Map(d.lines.map((l) => [l.orderLineId, l]));
  const openByLine = new Map(d.openCases.map((c) => [c.orderLineId, c]));
  const shownFacts: readonly FactName[] = kind ? factsFor[kind] : factNames;
  const busy = navigation.state === 'submitting';

  /** With JavaScript: the policy's answer follows the form, asked a moment after the last change. */
  function onChange(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const parsed = parseClaimForm(form);
    setKind(parsed.values.kind);
    if (timer.current) clearTimeout(timer.current);
    if (!parsed.claim) {
      setLive({ status: 'incomplete' });
      return;
    }
    const body = JSON.stringify(parsed.claim);
    setLive({ status: 'loading' });
    timer.current = setTimeout(async () => {
      const mine = ++request.current;
      try {
        const res = await fetch(`/api/orders/by-link/${encodeURIComponent(d.token)}/claims/assess`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await res.json().catch(() => null)) as {
          lines?: AssessedLine[];
          error?: { message?: string };
        } | null;
        if (mine !== request.current) return;
        if (res.ok && json?.lines) setLive({ status: 'ready', assessed: json.lines });
        else
          setLive({ status: 'error', message: json?.error?.message ?? 'The policy could not be checked.' });
      } catch {
        if (mine === request.current) setLive({ status: 'error', message: 'The shop could not be reached.' });
      }
    }, LIVE_DELAY_MS);
  }

  return (
    <>
      <PageHeader
        title="Report a problem"
        description={`Order ${d.orderReference}. Tell us what happened: before anything is sent, you see what our after-sales policy says.`}
        breadcrumbs={[
          { label: 'Home', to: '/' },
          { label: `Order ${d.orderReference}`, to: d.orderHref },
        ]}
      />
      {!d.arrived ? (
        <Notice tone="info" title="Your order has not arrived yet">
          A problem with an item can be reported once it is delivered.{' '}
          <Link to={d.orderHref} className="font-semibold underline">
            Back to your order
          </Link>
        </Notice>
      ) : (
        <Form
          method="post"
          noValidate
          onChange={onChange}
          aria-label="Report a problem"
          className="space-y-8"
        >
          {result?.formError ? (
            <Notice tone="danger" title={result.formError.title}>
              {result.formError.message}{' '}
              {result.formError.href ? (
                <Link to={result.formError.href} className="font-semibold underline">
                  {result.formError.linkText}
                </Link>
              ) : null}
            </Notice>
          ) : null}
          {result?.asked ? (
            <Notice tone="success" title="Your question was sent to customer service">
              We answer by email, and the answer also shows on your order page. No case and no return were
              opened: please do not send anything back.
            </Notice>
          ) : null}

          <fieldset className="space-y-3" aria-describedby={errors.lines ? 'lines-error' : undefined}>
            <legend className="text-lg font-semibold text-gray-900">Which item?</legend>
            {errors.lines ? <FieldError id="lines-error" message={errors.lines} /> : null}
            {d.lines.map((l) => {
              const open = openByLine.get(l.orderLineId);
              return (
                <label
                  key={l.orderLineId}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-gray-400 bg-surface p-3 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary"
                >
                  <input
                    type="checkbox"
                    name="line"
                    value={l.orderLineId}
                    defaultChecked={values.lines.includes(l.orderLineId)}
                    className="mt-0.5 size-5 shrink-0 accent-primary"
                  />
                  <span className="flex-1">
                    <span className="block font-medium text-gray-900">{l.productName}</span>
                    <span className="block text-sm text-muted">
                      {l.variantName}
                      {l.quantity > 1 ? ` · ${l.quantity} units` : ''}
                    </span>
                    {open ? (
                      <span className="mt-1 block text-sm text-gray-800">
                        Case {open.reference} is open for this item:{' '}
                        <Link to={open.href} className="font-semibold text-primary-ink underline">
                          follow it
                        </Link>
                      </span>
                    ) : null}
                  </span>
                </label>
              );
            })}
          </fieldset>

          <fieldset className="space-y-3" aria-describedby={errors.kind ? 'kind-error' : undefined}>
            <legend className="text-lg font-semibold text-gray-900">What happened?</legend>
            {errors.kind ? <FieldError id="kind-error" message={errors.kind} /> : null}
            <div className="grid gap-3 sm:grid-cols-2">
              {kindChoices.map((c) => (
                <label
                  key={c.kind}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-gray-400 bg-surface p-3 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary"
                >
                  <input
                    type="radio"
                    name="kind"
                    value={c.kind}
                    defaultChecked={values.kind === c.kind}
                    className="mt-0.5 size-5 shrink-0 accent-primary"
                  />
                  <span>
                    <span className="block font-medium text-gray-900">{c.label}</span>
                    <span className="block text-sm text-muted">{c.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {shownFacts.length > 0 ? (
            <section aria-labelledby="facts-title" className="space-y-4">
              <h2 id="facts-title" className="text-lg font-semibold text-gray-900">
                A few questions
              </h2>
              {shownFacts.map((name) => (
                <YesNo key={name} name={name} value={values.facts[name]} error={errors[name]} />
              ))}
            </section>
          ) : null}

          <div className="flex flex-wrap gap-3">
            <Button
              type="submit"
              name="intent"
              value="check"
              variant={allCovered ? 'secondary' : 'primary'}
              busy={busy}
            >
              Check what the policy says
            </Button>
          </div>

          <section aria-labelledby="answer-title" className="space-y-4">
            <h2 id="answer-title" className="text-lg font-semibold text-gray-900">
              What the policy says
            </h2>
            <div aria-live="polite" className="space-y-4">
              {live.status === 'loading' ? <p className="text-muted">Checking the policy…</p> : null}
              {live.status === 'error' ? <Notice tone="danger">{live.message}</Notice> : null}
              {assessed === null && live.status !== 'loading' && live.status !== 'error' ? (
                <p className="text-muted">
                  Choose the item, say what happened and answer the questions: the policy’s answer appears
                  here.
                </p>
              ) : null}
              {assessed?.map((l) => {
                const line = lineName.get(l.orderLineId);
                return (
                  <AssessmentCard
                    key={l.orderLineId}
                    title={line?.productName ?? 'Item'}
                    subtitle={line?.variantName}
                    words={assessmentWords(l.assessment)}
                  />
                );
              })}
            </div>
          </section>

          {allCovered ? (
            <div className="space-y-2 rounded-xl bg-surface p-4 ring-1 ring-line sm:p-5">
              <p className="text-gray-800">
                Opening a case sends this to customer service, who contact you. Please do not send anything
                back before you get a return authorisation number.
              </p>
              <Button type="submit" name="intent" value="open" busy={busy} block className="sm:w-auto">
                Open the case
              </Button>
            </div>
          ) : null}

          {someDeclined || result?.asked ? (
            <section
              aria-labelledby="question-title"
              className="space-y-3 rounded-xl bg-surface p-4 ring-1 ring-line sm:p-5"
            >
              <h2 id="question-title" className="text-lg font-semibold text-gray-900">
                Ask customer service instead
              </h2>
              <p className="text-gray-800">
                The policy does not cover this, so no case can be opened. You can still send it to customer
                service as a question: it opens no return, and we answer by email and on your order page.
              </p>
              <Textarea
                label="Your question"
                id="field-question"
                name="question"
                rows={5}
                maxLength={5000}
                defaultValue={values.question}
                error={errors.question}
              />
              <Button type="submit" name="intent" value="ask" variant="secondary" busy={busy}>
                Send as a question
              </Button>
            </section>
          ) : null}
        </Form>
      )}
      <p className="mt-8 text-sm text-muted">
        How we decide:{' '}
        <Link to="/policies/after-sales" className="underline">
          the after-sales policy
        </Link>
        . Back to{' '}
        <Link to={d.orderHref} className="underline">
          order {d.orderReference}
        </Link>
        .
      </p>
      {d.arrived ? null : (
        <div className="mt-4">
          <ButtonLink to={d.orderHref} variant="secondary">
            Back to your order
          </ButtonLink>
        </div>
      )}
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="text-sm font-medium text-red-700">
      <span aria-hidden="true">! </span>
      {message}
    </p>
  );
}

/** A yes/no question with nothing chosen in advance: the customer answers each one. */
function YesNo({ name, value, error }: { name: FactName; value: 'yes' | 'no' | undefined; error?: string }) {
  const q = factQuestions[name];
  const hintId = `fact-${name}-hint`;
  const errorId = `fact-${name}-error`;
  return (
    <fieldset aria-describedby={cx(hintId, error && errorId)} className="space-y-1.5">
      <legend className="font-medium text-gray-900">{q.label}</legend>
      <p id={hintId} className="text-sm text-muted">
        {q.hint}
      </p>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <div className="flex gap-3">
        {(['yes', 'no'] as const).map((answer) => (
          <label
            key={answer}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-gray-400 bg-surface px-4 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary"
          >
            <input
              type="radio"
              name={name}
              value={answer}
              defaultChecked={value === answer}
              aria-invalid={error ? true : undefined}
              className="size-5 accent-primary"
            />
            {answer === 'yes' ? 'Yes' : 'No'}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
