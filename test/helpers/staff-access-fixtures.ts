/**
 * Customers and orders written straight into the database for the owner's privacy tools (PV-STF-1, PV-RGT-2):
 * an account, its address book, an order with a card payment and a refund, holding whatever free text a test
 * wants to prove is never exported.
 */
import { eq } from 'drizzle-orm';
import { customerAddresses, customers } from '../../src/accounts/customers/schema.ts';
import type { Db } from '../../src/db/client.ts';
import { orders, payments, refunds } from '../../src/orders/schema.ts';
import { staffAccessLog } from '../../src/privacy/staff-access/schema.ts';
import { uuidv7 } from '../../src/shared/ids.ts';

export async function insertCustomer(
  db: Db,
  c: { email: string; name: string; phone?: string; createdAt?: Date },
): Promise<string> {
  const id = uuidv7();
  await db.insert(customers).values({
    id,
    email: c.email,
    name: c.name,
    phone: c.phone ?? null,
    passwordHash: 'not-a-password',
    emailVerifiedAt: c.createdAt ?? new Date(),
    createdAt: c.createdAt ?? new Date(),
  });
  return id;
}

export async function insertAddress(
  db: Db,
  customerId: string,
  address: { name: string; line1: string; city: string; postalCode: string; country: string; phone?: string },
): Promise<void> {
  await db.insert(customerAddresses).values({ id: uuidv7(), customerId, address, isDefault: true });
}

/**
 * An order of `customerId` (null: a guest's), paid by card and partly refunded. `freeText` goes where staff and
 * processors write what they like: the payment's and refund's processor references, the refund's reason and
 * failure message, the coupon code, the shipping address's second line.
 */
export async function insertOrder(
  db: Db,
  o: {
    reference: string;
    customerId: string | null;
    email: string;
    totalCents?: number;
    placedAt?: Date;
    freeText?: {
      paymentRef?: string;
      refundRef?: string;
      refundReason?: string;
      coupon?: string;
      line2?: string;
    };
  },
): Promise<string> {
  const id = uuidv7();
  const total = o.totalCents ?? 49_900;
  const placedAt = o.placedAt ?? new Date();
  await db.insert(orders).values({
    id,
    reference: o.reference,
    email: o.email,
    customerId: o.customerId,
    status: 'paid',
    subtotalCents: total,
    shippingCents: 0,
    totalCents: total,
    couponCode: o.freeText?.coupon ?? null,
    shippingMethod: 'standard',
    shippingAddress: {
      name: 'Ship To',
      line1: '1 Harbour Street',
      ...(o.freeText?.line2 ? { line2: o.freeText.line2 } : {}),
      city: 'Portsmouth',
      postalCode: 'PO1 1AA',
      country: 'GB',
    },
    paymentMethod: 'test_card',
    placedAt,
    paidAt: placedAt,
  });
  const paymentId = uuidv7();
  await db.insert(payments).values({
    id: paymentId,
    orderId: id,
    provider: 'test_card',
    status: 'captured',
    amountCents: total,
    processorReference: o.freeText?.paymentRef ?? `pay_${id.slice(-12)}`,
  });
  await db.insert(refunds).values({
    id: uuidv7(),
    paymentId,
    orderId: id,
    provider: 'test_card',
    status: 'failed',
    amountCents: 100,
    reason: o.freeText?.refundReason ?? 'Goodwill',
    idempotencyKey: uuidv7(),
    processorReference: o.freeText?.refundRef ?? null,
    failureMessage: o.freeText?.refundReason ?? null,
    requestedByType: 'staff',
  });
  return id;
}

/** The audit rows of `staffId`, oldest first. */
export async function auditRowsOf(db: Db, staffId: string) {
  return (await db.select().from(staffAccessLog).where(eq(staffAccessLog.staffId, staffId))).sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id),
  );
}
