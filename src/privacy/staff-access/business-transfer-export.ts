/**
 * PV-RGT-2, PV-USE-2: in a transfer of the business the owner exports the personal and basic customer data
 * of every customer account: name, email, phone, address book, when the account was opened, and their orders'
 * references, dates, statuses and totals. Never financial data: no payment or refund references, processor
 * tokens or card data, no social security numbers or dates of birth; and no marketing consent or mailing list
 * (PV-USE-2: subscribers are never handed to anyone).
 *
 * Every column read is named below (an allow-list: a column added to a table later stays out until someone
 * adds it here on purpose), the address book's JSON is copied key by key, and the response schema
 * (`businessTransferFile`) drops anything else again on the way out. Free text is never read: an order's
 * coupon, a refund's reason, a case's messages may hold anything a person typed.
 */
import { asc, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { customerAddresses, customers } from '../../accounts/customers/schema.ts';
import type { StaffPrincipal } from '../../accounts/staff.service.ts';
import type { AppContext } from '../../context.ts';
import { orders, type ShippingAddress } from '../../orders/schema.ts';
import { recordStaffAccess } from './record-access.ts';

const exportedAddress = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  postalCode: z.string(),
  region: z.string().optional(),
  country: z.string(),
  phone: z.string().optional(),
  isDefault: z.boolean(),
});

/** The file's shape, which is also the route's response schema: what is not named here never leaves. */
export const businessTransferFile = z.object({
  kind: z.literal('aftercare-business-transfer'),
  clauses: z.array(z.string()),
  generatedAt: z.iso.datetime(),
  purpose: z.string(),
  customerCount: z.number().int(),
  customers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string(),
      phone: z.string().nullable(),
      accountCreatedAt: z.iso.datetime(),
      addresses: z.array(exportedAddress),
      orders: z.array(
        z.object({
          reference: z.string(),
          placedAt: z.iso.datetime(),
          status: z.string(),
          totalCents: z.number().int(),
          currency: z.string(),
        }),
      ),
    }),
  ),
});
export type BusinessTransferFile = z.infer<typeof businessTransferFile>;

/** The personal fields the export holds, as the audit row names them. */
export const BUSINESS_TRANSFER_FIELDS = ['name', 'email', 'phone', 'address', 'account_created', 'orders'];

/** The address book entry, key by key: a key the checkout may add later is not exported by accident. */
function addressOf(a: ShippingAddress, isDefault: boolean): z.infer<typeof exportedAddress> {
  return {
    name: a.name,
    line1: a.line1,
    ...(a.line2 ? { line2: a.line2 } : {}),
    city: a.city,
    postalCode: a.postalCode,
    ...(a.region ? { region: a.region } : {}),
    country: a.country,
    ...(a.phone ? { phone: a.phone } : {}),
    isDefault,
  };
}

/**
 * Builds the export for `owner` (the route lets only the owner call it) and writes one 'export' audit row
 * with `purpose`, in the same transaction as the reads: a file that exists was logged.
 */
export async function exportForBusinessTransfer(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  owner: Pick<StaffPrincipal, 'id' | 'name' | 'role'>,
  purpose: string,
): Promise<BusinessTransferFile> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const people = await tx
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        createdAt: customers.createdAt,
      })
      .from(customers)
      .orderBy(asc(customers.createdAt), asc(customers.id));
    const addresses = await tx
      .select({
        customerId: customerAddresses.customerId,
        address: customerAddresses.address,
        isDefault: customerAddresses.isDefault,
      })
      .from(customerAddresses)
      .orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id));
    const bought = await tx
      .select({
        customerId: orders.customerId,
        reference: orders.reference,
        placedAt: orders.placedAt,
        status: orders.status,
        totalCents: orders.totalCents,
        currency: orders.currency,
      })
      .from(orders)
      .where(isNotNull(orders.customerId))
      .orderBy(asc(orders.placedAt), asc(orders.id));

    const byCustomer = new Map(
      people.map((p) => [
        p.id,
        {
          id: p.id,
          name: p.name,
          email: p.email,
          phone: p.phone,
          accountCreatedAt: p.createdAt.toISOString(),
          addresses: [] as z.infer<typeof exportedAddress>[],
          orders: [] as BusinessTransferFile['customers'][number]['orders'],
        },
      ]),
    );
    for (const a of addresses)
      byCustomer.get(a.customerId)?.addresses.push(addressOf(a.address, a.isDefault));
    for (const o of bought) {
      if (!o.customerId) continue;
      byCustomer.get(o.customerId)?.orders.push({
        reference: o.reference,
        placedAt: o.placedAt.toISOString(),
        status: o.status,
        totalCents: o.totalCents,
        currency: o.currency,
      });
    }

    await recordStaffAccess(tx, owner, now, [
      {
        outcome: 'export',
        recordType: 'business_transfer',
        recordId: null,
        customerId: null,
        fields: BUSINESS_TRANSFER_FIELDS,
        purpose,
      },
    ]);
    return {
      kind: 'aftercare-business-transfer' as const,
      clauses: ['PV-RGT-2', 'PV-USE-2'],
      generatedAt: now.toISOString(),
      purpose,
      customerCount: byCustomer.size,
      customers: [...byCustomer.values()],
    };
  });
}

/** The file's name: the day only, nothing personal. */
export function businessTransferFileName(now: Date): string {
  return `aftercare-business-transfer-${now.toISOString().slice(0, 10)}.json`;
}
