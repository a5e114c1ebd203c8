/**
 * Issue 10 point 1 and AS-GEN-2: opening after-sales cases. In one transaction per request each line is
 * assessed again with the current policy version (the answer the customer saw may be minutes old), one case per
 * line is stored with that assessment and version (state `opened`), its first timeline row, and the "case
 * opened" email. A claim the policy declines opens nothing: a 422 with the deciding clause and the engine's
 * reasons (the customer may still write to customer service). One open case per line and kind: a second is a
 * 409 naming the open one, also when two requests race (the partial unique index decides).
 *
 * It is the customer's busiest write, so it is two round trips: one read of the order, its lines, the current
 * policy version's number and the shop's settings; then one prepared statement that inserts the cases, their
 * first timeline rows and the email (one statement is atomic, so no BEGIN and COMMIT round trips). A version's
 * settings are read once per process (versions never change), and the answer is built from what was written
 * rather than read back.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { oncePerDb, preparedStatement } from '../../db/prepared.ts';
import { outboxRow } from '../../messaging/outbox.ts';
import { orderIdFromLinkToken, orderPageUrl } from '../../orders/order-link.ts';
import { orderLines, orders } from '../../orders/schema.ts';
import { appSettings } from '../../settings/schema.ts';
import { mergeShopSettings, SHOP_SETTINGS_KEY } from '../../settings/shop.ts';
import { AppError, Conflict, NotFound } from '../../shared/errors.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { ClaimKind } from '../claim.schema.ts';
import { recordDeclinedClaims } from '../numbers/record-declined-claims.ts';
import { assessClaim } from '../policy.ts';
import { cachedPolicyVersion, currentPolicyVersion } from '../policy-versions.service.ts';
import { afterSalesCases, FINISHED_CASE_STATES, policyVersions } from '../schema.ts';
import { caseOpenedMail } from './case-emails.ts';
import { dueAtFor } from './case-rules.ts';
import { customerCaseView } from './case-views.ts';
import { claimsOf } from './claim-records.ts';
import type { ClaimBody, CustomerCase } from './schemas.ts';

type OpenCtx = Pick<AppContext, 'db' | 'secret' | 'clock' | 'config'>;

/** `RMA-26-`: the head of the references of cases opened at `now` (the year, two digits). */
function referenceHead(now: Date): string {
  return `RMA-${String(now.getUTCFullYear() % 100).padStart(2, '0')}-`;
}

/**
 * Where case `i`'s reference goes in the rendered "case opened" email until the database has drawn it: text
 * no shop data or HTML escaping produces (it carries a random number of this process).
 */
const slotNonce = randomUUID();
function referenceSlot(i: number): string {
  return `[case ${i} reference ${slotNonce}]`;
}

/**
 * The one statement that opens `n` cases (a single statement is atomic: no BEGIN and COMMIT round trips).
 * Values: $1 the reference head, $2 the order, $3 the policy version, $4 now (ISO 8601), $5 the deadline,
 * $6–$12 the email's outbox id, template, address, sender name, subject, text and HTML (with reference
 * slots); then per case, from $13 on, nine values: case id, order line, kind, facts (JSON), assessment
 * (JSON, written to the case and its first timeline row from the one value), timeline row id, reference slot,
 * product, category. Each case takes the next number of the case sequence (RMA-26-00042, at least five
 * digits); the email's slots are replaced with the references drawn. Answers each case's id and reference,
 * or no row at all when one of the lines already has an open case of its kind: nothing is written and no
 * number drawn. (Two requests racing past that check meet the partial unique index instead.)
 */
const openCasesStatements = new Map<number, string>();
/** Parameters per case in openCasesSql, after the twelve the cases share. */
const CASE_PARAMS = 9;

function openCasesSql(n: number): string {
  const cached = openCasesStatements.get(n);
  if (cached) return cached;
  const p = (i: number, k: number) => `$${13 + i * CASE_PARAMS + k}`;
  const cases = Array.from({ length: n }, (_, i) => i);
  // One nextval per row (a scalar subquery would be evaluated once for all rows): four zeros in front, then
  // as many stripped as leave at least five digits (42 → 00042, 123456 → 123456).
  const reference = `$1::text || regexp_replace('0000' || nextval('case_reference_seq')::text, '^0*([0-9]{5,})$', '\\1')`;
  const fill = (param: string) =>
    cases.reduce(
      (text, i) =>
        `replace(${text}, ${p(i, 6)}::text, (select reference from new_cases where id = ${p(i, 0)}::uuid))`,
      `${param}::text`,
    );
  const finished = FINISHED_CASE_STATES.map((state) => `'${state}'`).join(', ');
  const statement = `with new_cases as (
  insert into after_sales_cases
    (id, reference, order_id, order_line_id, product_id, category, kind, state, policy_version, facts, assessment, opened_at, updated_at, state_since, due_at)
  select v.id, ${reference}, $2::uuid, v.line, v.product, v.category, v.kind, 'opened', $3::int, v.facts, v.assessment, $4::timestamptz, $4::timestamptz, $4::timestamptz, $5::timestamptz
  from (values ${cases
    .map(
      (i) =>
        `(${p(i, 0)}::uuid, ${p(i, 1)}::uuid, ${p(i, 7)}::uuid, ${p(i, 8)}::product_category, ${p(i, 2)}::claim_kind, ${p(i, 3)}::jsonb, ${p(i, 4)}::jsonb)`,
    )
    .join(', ')}) as v(id, line, product, category, kind, facts, assessment)
  -- All or none, and no number drawn when a claim is already open (the filter runs before the select list).
  where not exists (
    select 1 from after_sales_cases o
    where o.state not in (${finished})
      and (o.order_line_id, o.kind) in (${cases.map((i) => `(${p(i, 1)}::uuid, ${p(i, 2)}::claim_kind)`).join(', ')}))
  returning id, reference
), timeline as (
  insert into after_sales_case_events (id, case_id, at, actor_type, action, from_state, to_state, assessment)
  select e.id, c.id, $4::timestamptz, 'customer', 'open', null, 'opened', e.assessment
  from new_cases c
  join (values ${cases.map((i) => `(${p(i, 5)}::uuid, ${p(i, 0)}::uuid, ${p(i, 4)}::jsonb)`).join(', ')}) as e(id, case_id, assessment)
    on e.case_id = c.id
), mail as (
  insert into mail_outbox (id, template, to_address, from_name, subject, text_body, html_body, order_id, created_at)
  select $6::uuid, $7::text, $8::text, $9::text, ${fill('$10')}, ${fill('$11')}, ${fill('$12')}, $2::uuid, $4::timestamptz
  where exists (select 1 from new_cases)
)
select id, reference from new_cases`;
  openCasesStatements.set(n, statement);
  return statement;
}

async function openCaseOf(db: Db, orderLineId: string, kind: ClaimKind): Promise<string | null> {
  const [open] = await db
    .select({ reference: afterSalesCases.reference })
    .from(afterSalesCases)
    .where(
      and(
        eq(afterSalesCases.orderLineId, orderLineId),
        eq(afterSalesCases.kind, kind),
        notInArray(afterSalesCases.state, [...FINISHED_CASE_STATES]),
      ),
    );
  return open?.reference ?? null;
}

function alreadyOpen(reference: string, index: number): Conflict {
  return new Conflict(`Case ${reference} is already open for this item and kind of claim`, {
    field: `lines.${index}.orderLineId`,
    reference,
  });
}

function isOpenCaseViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505' && constraint === 'after_sales_cases_open_key') return true;
  }
  return false;
}

/**
 * The order behind `orderId` with its lines (oldest first; only the columns a claim reads), the current
 * policy version's number (null before version 1 is written) and the stored shop settings: one prepared
 * statement, one round trip.
 */
function prepareClaimRead(db: Db) {
  return db
    .select({
      order: {
        id: orders.id,
        reference: orders.reference,
        email: orders.email,
        shippedAt: orders.shippedAt,
        deliveredAt: orders.deliveredAt,
        deliveryUntraceable: orders.deliveryUntraceable,
      },
      line: {
        id: orderLines.id,
        productId: orderLines.productId,
        productName: orderLines.productName,
        variantName: orderLines.variantName,
        category: orderLines.category,
        unitPriceCents: orderLines.unitPriceCents,
        clearance: orderLines.clearance,
        specialWarranty: orderLines.specialWarranty,
      },
      policyVersion: sql<number | null>`(select max(${policyVersions.version}) from ${policyVersions})`,
      shop: sql<unknown>`(select ${appSettings.value} from ${appSettings} where ${appSettings.key} = ${SHOP_SETTINGS_KEY})`,
    })
    .from(orders)
    .leftJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(eq(orders.id, sql.placeholder('orderId')))
    .orderBy(asc(orderLines.id))
    .prepare('claim_order_lines_policy_shop');
}

/**
 * What a claim is judged on, read before the transaction (a read in it would see no more: it runs at READ
 * COMMITTED and takes no lock), so that the read is a prepared statement of the pool. 404 for a bad link.
 */
async function readClaimRecords(db: Db, secret: string, token: string) {
  const orderId = orderIdFromLinkToken(secret, token);
  if (!orderId) throw new NotFound('Order');
  const rows = await oncePerDb(db, 'claim_order_lines_policy_shop', () => prepareClaimRead(db)).execute({
    orderId,
  });
  const first = rows[0];
  if (!first) throw new NotFound('Order');
  const policy =
    first.policyVersion === null
      ? await currentPolicyVersion(db)
      : await cachedPolicyVersion(db, first.policyVersion);
  return {
    order: first.order,
    lines: rows.flatMap((r) => (r.line ? [r.line] : [])),
    policy,
    shop: mergeShopSettings(first.shop),
  };
}

export async function openClaims(ctx: OpenCtx, token: string, body: ClaimBody): Promise<CustomerCase[]> {
  const now = ctx.clock.now();
  const { order, lines, policy, shop } = await readClaimRecords(ctx.db, ctx.secret, token);
  const assessed = claimsOf(order, lines, body, now).map((c) => ({
    ...c,
    id: uuidv7(now.getTime()),
    assessment: assessClaim(c.input, policy.settings),
  }));
  const refused = assessed.findIndex((a) => !a.assessment.eligible);
  const declined = assessed[refused];
  if (declined) {
    // Kept for the owner's numbers (declined by clause): a declined claim leaves no case behind.
    await recordDeclinedClaims(ctx.db, assessed, policy.version, now);
    const reasons = declined.assessment.reasons;
    throw new AppError(
      'policy_violation',
      `lines.${refused}: the after-sales policy declines this claim, so no case is opened: ${reasons
        .map((r) => r.message)
        .join(' ')} You may still ask customer service about it.`,
      { field: `lines.${refused}.kind`, clause: reasons[0]?.clause ?? 'AS-GEN-1', reasons },
    );
  }

  try {
    const nowIso = now.toISOString();
    const dueAt = dueAtFor('opened', now, ctx.config.CASE_RESPONSE_DAYS);
    // The email is rendered here with a slot where each case's reference goes; the statement that draws the
    // references fills them in (see openCasesSql).
    const mail = outboxRow(
      caseOpenedMail(
        // The link the request came with is the order's signed link (the one its emails carry): no new HMAC.
        orderPageUrl(ctx.config.PUBLIC_URL, token),
        shop,
        order,
        assessed.map((a, i) => ({ ...a, reference: referenceSlot(i) })),
      ),
      now,
    );
    const values: unknown[] = [
      referenceHead(now),
      order.id,
      policy.version,
      nowIso,
      dueAt?.toISOString() ?? null,
      mail.id,
      mail.template,
      mail.toAddress,
      mail.fromName,
      mail.subject,
      mail.textBody,
      mail.htmlBody,
    ];
    for (const [i, a] of assessed.entries()) {
      values.push(
        a.id,
        a.line.id,
        a.kind,
        JSON.stringify(a.facts),
        JSON.stringify(a.assessment),
        uuidv7(now.getTime()),
        referenceSlot(i),
        a.line.productId,
        a.line.category,
      );
    }
    const n = assessed.length;
    // A claim already open on this line and kind is refused by the partial unique index (caught below).
    const rows = await preparedStatement<{ id: string; reference: string }>(
      ctx.db,
      `open_cases_${n}`,
      openCasesSql(n),
      values.length,
    )(values);
    if (rows.length === 0) throw await alreadyOpenAmong(ctx.db, body);
    const referenceOf = new Map(rows.map((r) => [r.id, r.reference]));
    return assessed.map((a) => {
      const reference = referenceOf.get(a.id);
      if (!reference) throw new Error(`case ${a.id} was inserted but did not come back`);
      const opened = {
        reference,
        orderLineId: a.line.id,
        kind: a.kind,
        state: 'opened' as const,
        policyVersion: policy.version,
        assessment: a.assessment,
        openedAt: now,
        updatedAt: now,
        quote: null,
      };
      const event = {
        at: now,
        actorType: 'customer',
        action: 'open',
        fromState: null,
        toState: 'opened' as const,
        note: null,
        assessment: a.assessment,
        details: null,
      };
      return customerCaseView(opened, a.line, [event]);
    });
  } catch (error) {
    if (!isOpenCaseViolation(error)) throw error;
    // Opened a moment ago by a request that raced this one past the statement's check.
    throw await alreadyOpenAmong(ctx.db, body);
  }
}

/** The 409 for a claim one of whose lines already has an open case of its kind: the first such case named. */
async function alreadyOpenAmong(db: Db, body: ClaimBody): Promise<Conflict> {
  for (const [i, line] of body.lines.entries()) {
    const open = await openCaseOf(db, line.orderLineId, line.kind);
    if (open) return alreadyOpen(open, i);
  }
  return new Conflict('This claim is already open', { field: 'lines' });
}
