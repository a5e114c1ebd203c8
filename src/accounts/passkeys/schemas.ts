/**
 * The wire shapes of the passkey routes (customers under /api/account/passkeys, staff under /api/staff/passkeys):
 * one definition for the routes, OpenAPI, the web client and the tests. A malformed answer from the browser is
 * a 400 naming the field (`response.response.clientDataJSON`) before any cryptography runs.
 */
import { z } from 'zod';
import { text } from '../../shared/text.ts';

/** Binary values travel as base64url (WebAuthn's JSON encoding); bounded so nothing large is parsed. */
const base64url = (max: number) =>
  z
    .string()
    .min(1, 'is missing')
    .max(max, `must be at most ${max} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8);

/** What `navigator.credentials.create()` gave, as @simplewebauthn/browser's `startRegistration` returns it. */
export const registrationResponseInput = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  response: z.object({
    clientDataJSON: base64url(4000),
    attestationObject: base64url(20_000),
    authenticatorData: base64url(20_000).optional(),
    transports: transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(4000).optional(),
  }),
});

/** What `navigator.credentials.get()` gave, as `startAuthentication` returns it. */
export const authenticationResponseInput = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  response: z.object({
    clientDataJSON: base64url(4000),
    authenticatorData: base64url(20_000),
    signature: base64url(2000),
    userHandle: base64url(200).optional(),
  }),
});

/** The name a person gives a passkey ("Work laptop"), shown in their list. */
export const passkeyNameInput = text()
  .trim()
  .min(1, 'Give the passkey a name')
  .max(60, 'must be at most 60 characters');

/** A password as typed, to confirm adding or removing a passkey (the account's own rules judge it). */
export const confirmPasswordInput = z.string().min(1, 'Enter your password').max(512);

export const passkeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** ISO 8601 */
  createdAt: z.iso.datetime(),
  /** ISO 8601, or null when it has not signed in yet. */
  lastUsedAt: z.iso.datetime().nullable(),
});

/** The options for `navigator.credentials.create()` / `.get()`, passed to @simplewebauthn/browser as they are. */
export const ceremonyOptionsSchema = z.object({ options: z.record(z.string(), z.unknown()) });
