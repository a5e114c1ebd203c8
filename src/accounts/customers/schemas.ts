/** The wire shapes of the account API (src/accounts/customers/routes.ts). */
import { z } from 'zod';
import { text } from '../../shared/text.ts';
import { CUSTOMER_PASSWORD_MAX } from './password.rules.ts';

/**
 * A typed email: trimmed and lower-cased (stored so), at most 254 characters. Bounded before anything else
 * runs on it.
 */
export const emailInput = z
  .string()
  .max(320, 'must be at most 254 characters')
  .pipe(text().trim().toLowerCase().pipe(z.email('must be an email address').max(254)));

/**
 * A password as typed: any Unicode, bounded here (before hashing: a 1 MB password costs nothing) at twice
 * the 256-character maximum in UTF-16 units, since characters outside the BMP take two; the password rules
 * count characters exactly (PV-ACC-1).
 */
export const passwordInput = z
  .string()
  .min(1, 'Enter a password')
  .max(CUSTOMER_PASSWORD_MAX * 2, `must be at most ${CUSTOMER_PASSWORD_MAX} characters`);

/** A one-time link's token as the page posts it: 32 random bytes in base64url are 43 characters. */
export const tokenInput = z
  .string()
  .min(1, 'The link has no token: copy the whole link from the email')
  .max(200, 'This link is not valid')
  .regex(/^[A-Za-z0-9_-]+$/, 'This link is not valid');

export const nameInput = text().trim().min(1, 'Enter your name').max(200);
export const phoneInput = text()
  .trim()
  .max(40)
  .refine((v) => v === '' || /^\+?[0-9 ().-]{5,24}$/.test(v), 'must be a phone number')
  .nullable();

export const customerSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
});

export const accountSchema = customerSchema.extend({
  emailVerifiedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  device: z.string(),
  ipRange: z.string().nullable(),
});

export const accountOrderSchema = z.object({
  reference: z.string(),
  placedAt: z.iso.datetime(),
  status: z.string(),
  total: z.object({ amountCents: z.number().int(), currency: z.string() }),
  orderUrl: z.string(),
  cases: z.array(z.object({ reference: z.string(), state: z.string(), url: z.string() })),
});

/** The answer of requests whose outcome is told by email (sign-up, reset): the same whatever the address. */
export const acceptedSchema = z.object({ message: z.string() });
