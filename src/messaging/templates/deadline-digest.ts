/**
 * The owner's daily digest of overdue after-sales steps (issue 11 point 5): the shop-side steps past their
 * deadline, each with a link to its back-office page, and how many customer deadlines have passed. For staff:
 * states in the back office's words, instants in the shop's one format.
 */
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { escapeHtml, htmlLayout, htmlLink, htmlParagraph } from './html.ts';
import { type RenderedEmail, signOffText } from './order-email.ts';

/** The outbox template name (the back office's mail list shows it; the job finds a day's digest by it). */
export const DEADLINE_DIGEST_TEMPLATE = 'deadline_digest';

export interface DigestStep {
  /** RMA-26-00012 */
  reference: string;
  /** The state in words ("Parcel received"). */
  state: string;
  /** The shop's deadline that passed (UTC instant). */
  overdueSince: Date;
  /** The staff member the case is assigned to, or null. */
  assigneeName: string | null;
  /** The case's back-office page. */
  url: string;
}

export interface DeadlineDigestData {
  shopName: string;
  /** The day of the digest (UTC). */
  day: Date;
  /** Overdue shop-side steps, longest overdue first. */
  steps: DigestStep[];
  /** Overdue shop-side steps beyond the ones listed. */
  moreSteps: number;
  /** Customer deadlines passed (evidence, a parcel, a quote's answer). */
  customerDeadlinesPassed: number;
  /** The queue filtered to overdue cases. */
  queueUrl: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function stepLine(s: DigestStep): string {
  return `${s.reference} · ${s.state} · overdue since ${formatDateTime(s.overdueSince)} · ${s.assigneeName ? `assigned to ${s.assigneeName}` : 'unassigned'}`;
}

/** Renders the digest, text and HTML saying the same. */
export function renderDeadlineDigest(d: DeadlineDigestData): RenderedEmail {
  const stepCount = d.steps.length + d.moreSteps;
  const subjectParts = [
    stepCount > 0 ? `${plural(stepCount, 'after-sales step', 'after-sales steps')} overdue` : null,
    d.customerDeadlinesPassed > 0
      ? `${plural(d.customerDeadlinesPassed, 'customer deadline', 'customer deadlines')} passed`
      : null,
  ].filter((p): p is string => p !== null);
  const subject = `${d.shopName}: ${subjectParts.join(', ')} (${formatDate(d.day)})`;
  const intro =
    stepCount > 0
      ? `On ${formatDate(d.day)}, ${plural(stepCount, 'after-sales step is', 'after-sales steps are')} past the shop's deadline:`
      : `On ${formatDate(d.day)}, no after-sales step is past the shop's deadline.`;
  const more = d.moreSteps > 0 ? `… and ${d.moreSteps} more in the queue.` : null;
  const customer =
    d.customerDeadlinesPassed > 0
      ? `${plural(d.customerDeadlinesPassed, 'customer deadline has', 'customer deadlines have')} passed (evidence, a parcel or a quote's answer not received in time).`
      : 'No customer deadline has passed.';
  const text = [
    intro,
    '',
    ...d.steps.flatMap((s) => [`- ${stepLine(s)}`, `  ${s.url}`]),
    ...(more ? [more] : []),
    '',
    customer,
    '',
    `Every overdue case: ${d.queueUrl}`,
    ...signOffText(d.shopName),
  ].join('\n');
  const items = d.steps
    .map(
      (s) =>
        `<li><a href="${escapeHtml(s.url)}" style="color:#0b57d0">${escapeHtml(s.reference)}</a> · ${escapeHtml(stepLine(s).slice(s.reference.length + 3))}</li>`,
    )
    .join('');
  const html = htmlLayout(
    d.shopName,
    subject,
    [
      htmlParagraph(intro),
      items ? `<ul>${items}</ul>` : '',
      more ? htmlParagraph(more) : '',
      htmlParagraph(customer),
      htmlLink(d.queueUrl, 'Every overdue case'),
    ].join('\n'),
  );
  return { subject, text, html };
}
