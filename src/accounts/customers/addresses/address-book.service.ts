/**
 * The address book's use cases (issue 12 point 6): list, add, change, remove, choose the default, and keep
 * an address typed at checkout. Every write runs in one transaction that first locks the customer's row, so
 * two requests at once can neither pass the cap together nor leave two defaults (the partial unique index
 * `customer_addresses_default_key` would refuse the second anyway). Another customer's address is a 404,
 * never a 403: an id tells nobody whether it exists.
 *
 * PV-COL-1: the address book collects the kinds the clause lists (name, address, phone) and nothing else:
 * the stored row is the checked `ShippingAddress`, its default flag and its times.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import type { ShippingAddress } from '../../../orders/schema.ts';
import { Conflict, NotFound } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { CustomerPrincipal } from '../account-records.ts';
import { customerAddresses, customers } from '../schema.ts';
import {
  addressBookFull,
  defaultAfterRemoval,
  newAddressIsDefault,
  sameAddress,
} from './address-book.rules.ts';

/** One address of the book: the address as the checkout stores it, whether it is the default, and when. */
export interface SavedAddress {
  id: string;
  address: ShippingAddress;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
}

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const columns = {
  id: customerAddresses.id,
  address: customerAddresses.address,
  isDefault: customerAddresses.isDefault,
  createdAt: customerAddresses.createdAt,
  updatedAt: customerAddresses.updatedAt,
};

/** The customer's addresses: the default first, then the oldest first. */
export async function listAddresses(
  ctx: Pick<AppContext, 'db'>,
  customer: Pick<CustomerPrincipal, 'id'>,
): Promise<SavedAddress[]> {
  return bookOf(ctx.db, customer.id);
}

function bookOf(db: Db, customerId: string): Promise<SavedAddress[]> {
  return db
    .select(columns)
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId))
    .orderBy(desc(customerAddresses.isDefault), asc(customerAddresses.createdAt), asc(customerAddresses.id));
}

/** Locks the customer's row for the rest of the transaction: their address book's writes take turns. */
async function lockBook(tx: Db, customerId: string): Promise<void> {
  const [row] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.id, customerId))
    .for('update');
  if (!row) throw new NotFound('Account');
}

async function clearDefault(tx: Db, customerId: string, now: Date): Promise<void> {
  await tx
    .update(customerAddresses)
    .set({ isDefault: false, updatedAt: now })
    .where(and(eq(customerAddresses.customerId, customerId), eq(customerAddresses.isDefault, true)));
}

async function insertAddress(
  tx: Db,
  customerId: string,
  address: ShippingAddress,
  asDefault: boolean,
  now: Date,
): Promise<SavedAddress> {
  if (asDefault) await clearDefault(tx, customerId, now);
  const [row] = await tx
    .insert(customerAddresses)
    .values({
      id: uuidv7(now.getTime()),
      customerId,
      address,
      isDefault: asDefault,
      createdAt: now,
      updatedAt: now,
    })
    .returning(columns);
  if (!row) throw new Error('the address insert returned no row');
  return row;
}

/**
 * Adds an address (already checked by `shippingAddressSchema`). The book's first address is the default
 * whatever was asked. Throws Conflict (409, field `address`) when the book holds CUSTOMER_ADDRESSES_MAX.
 */
export async function addAddress(
  ctx: Ctx,
  customer: Pick<CustomerPrincipal, 'id'>,
  change: { address: ShippingAddress; isDefault?: boolean | undefined },
): Promise<SavedAddress> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockBook(tx, customer.id);
    const count = await countOf(tx, customer.id);
    const full = addressBookFull(count, ctx.config.CUSTOMER_ADDRESSES_MAX);
    if (full) throw new Conflict(full, { field: 'address', max: ctx.config.CUSTOMER_ADDRESSES_MAX });
    return insertAddress(
      tx,
      customer.id,
      change.address,
      newAddressIsDefault(count, change.isDefault ?? false),
      now,
    );
  });
}

async function countOf(tx: Db, customerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(customerAddresses)
    .where(eq(customerAddresses.customerId, customerId));
  return row?.n ?? 0;
}

/**
 * Replaces an address of the customer's book. `isDefault: true` makes it the default; leaving it out (or
 * false) keeps the book's default where it is, since a book with addresses always has one. Throws NotFound
 * (404) for an id that is not one of the customer's addresses.
 */
export async function updateAddress(
  ctx: Ctx,
  customer: Pick<CustomerPrincipal, 'id'>,
  id: string,
  change: { address: ShippingAddress; isDefault?: boolean | undefined },
): Promise<SavedAddress> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockBook(tx, customer.id);
    await ownedAddress(tx, customer.id, id);
    if (change.isDefault) await clearDefault(tx, customer.id, now);
    const [row] = await tx
      .update(customerAddresses)
      .set({ address: change.address, updatedAt: now, ...(change.isDefault ? { isDefault: true } : {}) })
      .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customer.id)))
      .returning(columns);
    if (!row) throw new NotFound('Address');
    return row;
  });
}

/** Makes one of the customer's addresses the default (404 for any other id). */
export async function makeDefaultAddress(
  ctx: Ctx,
  customer: Pick<CustomerPrincipal, 'id'>,
  id: string,
): Promise<SavedAddress> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockBook(tx, customer.id);
    await ownedAddress(tx, customer.id, id);
    await clearDefault(tx, customer.id, now);
    const [row] = await tx
      .update(customerAddresses)
      .set({ isDefault: true, updatedAt: now })
      .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customer.id)))
      .returning(columns);
    if (!row) throw new NotFound('Address');
    return row;
  });
}

/**
 * Removes one of the customer's addresses (404 for any other id). When it was the default, the oldest
 * remaining address becomes the default (`defaultAfterRemoval`).
 */
export async function removeAddress(
  ctx: Ctx,
  customer: Pick<CustomerPrincipal, 'id'>,
  id: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockBook(tx, customer.id);
    const removed = await tx
      .delete(customerAddresses)
      .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customer.id)))
      .returning({ id: customerAddresses.id });
    if (removed.length === 0) throw new NotFound('Address');
    const next = defaultAfterRemoval(await bookOf(tx, customer.id));
    if (next) {
      await tx
        .update(customerAddresses)
        .set({ isDefault: true, updatedAt: now })
        .where(eq(customerAddresses.id, next));
    }
  });
}

/** One of the customer's addresses, or null (another customer's or none). */
export async function findAddress(
  db: Db,
  customer: Pick<CustomerPrincipal, 'id'>,
  id: string,
): Promise<SavedAddress | null> {
  const [row] = await db
    .select(columns)
    .from(customerAddresses)
    .where(and(eq(customerAddresses.id, id), eq(customerAddresses.customerId, customer.id)));
  return row ?? null;
}

async function ownedAddress(tx: Db, customerId: string, id: string): Promise<SavedAddress> {
  const row = await findAddress(tx, { id: customerId }, id);
  if (!row) throw new NotFound('Address');
  return row;
}

/**
 * "Save this address to my account" at checkout, inside the checkout's transaction: the order and the
 * saved address are written together or not at all. An address the book already holds (`sameAddress`) is
 * not copied. Throws Conflict naming `saveAddress` when the book is full, before any payment is taken.
 */
export async function keepCheckoutAddress(
  tx: Db,
  config: Pick<AppContext['config'], 'CUSTOMER_ADDRESSES_MAX'>,
  customerId: string,
  address: ShippingAddress,
  now: Date,
): Promise<void> {
  await lockBook(tx, customerId);
  const book = await bookOf(tx, customerId);
  if (book.some((entry) => sameAddress(entry.address, address))) return;
  const full = addressBookFull(book.length, config.CUSTOMER_ADDRESSES_MAX);
  if (full) throw new Conflict(full, { field: 'saveAddress', max: config.CUSTOMER_ADDRESSES_MAX });
  await insertAddress(tx, customerId, address, newAddressIsDefault(book.length, false), now);
}
