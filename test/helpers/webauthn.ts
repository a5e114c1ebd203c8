/**
 * A software authenticator for tests: makes real WebAuthn answers with node:crypto (ES256, P-256), the way a
 * phone or a security key would, so HTTP tests go through @simplewebauthn/server's full verification:
 * `register` answers `navigator.credentials.create()` options with attestation "none", `authenticate` answers
 * `navigator.credentials.get()` options with a signed assertion. Knobs let a test make the bad answers an
 * attacker would (another origin, a counter turned back, another account's user handle).
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

export interface RegistrationAnswer {
  id: string;
  rawId: string;
  type: 'public-key';
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: 'platform';
  response: { clientDataJSON: string; attestationObject: string; transports: string[] };
}

export interface AuthenticationAnswer {
  id: string;
  rawId: string;
  type: 'public-key';
  clientExtensionResults: Record<string, never>;
  authenticatorAttachment: 'platform';
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
}

/** One credential the authenticator holds. */
export interface SoftCredential {
  id: string;
  privateKey: KeyObject;
  /** The user handle the site gave at registration (base64url). */
  userHandle: string;
  rpID: string;
  counter: number;
}

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** Authenticator data flags: user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

function authenticatorData(rpID: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  return Buffer.concat([sha256(rpID), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

export class SoftAuthenticator {
  readonly credentials: SoftCredential[] = [];

  /** `origin`: where the browser says the page is (PUBLIC_URL's origin for a genuine answer). */
  constructor(readonly origin: string) {}

  /**
   * Answers creation `options` (`rp.id`, `user.id`, `challenge`): a new P-256 key, attestation "none".
   * `userVerified: false` leaves the UV flag off (a key without a PIN or biometric).
   */
  register(
    options: { challenge: string; rp: { id?: string }; user: { id: string } },
    knobs: { origin?: string; userVerified?: boolean; challenge?: string } = {},
  ): RegistrationAnswer {
    const rpID = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, new Uint8Array(Buffer.from(jwk.x as string, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y as string, 'base64url'))],
      ]),
    );
    const credentialId = randomBytes(32);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, Buffer.from(cose)]);
    const flags = UP | AT | (knobs.userVerified === false ? 0 : UV);
    const authData = authenticatorData(rpID, flags, 0, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    const clientDataJSON = JSON.stringify({
      type: 'webauthn.create',
      challenge: knobs.challenge ?? options.challenge,
      origin: knobs.origin ?? this.origin,
      crossOrigin: false,
    });
    const id = b64url(credentialId);
    this.credentials.push({ id, privateKey, userHandle: options.user.id, rpID, counter: 0 });
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(Buffer.from(clientDataJSON)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /**
   * Answers request `options` with `credential` (the last registered by default): the counter goes up by one
   * each time unless `counter` sets it, as a cloned key would.
   */
  authenticate(
    options: { challenge: string; rpId?: string },
    knobs: {
      credential?: SoftCredential;
      counter?: number;
      origin?: string;
      userHandle?: string | null;
      challenge?: string;
      userVerified?: boolean;
    } = {},
  ): AuthenticationAnswer {
    const credential = knobs.credential ?? this.credentials.at(-1);
    if (!credential) throw new Error('this authenticator holds no passkey');
    credential.counter = knobs.counter ?? credential.counter + 1;
    const flags = UP | (knobs.userVerified === false ? 0 : UV);
    const authData = authenticatorData(options.rpId ?? credential.rpID, flags, credential.counter);
    const clientDataJSON = Buffer.from(
      JSON.stringify({
        type: 'webauthn.get',
        challenge: knobs.challenge ?? options.challenge,
        origin: knobs.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
    // ES256: an ECDSA signature (DER) over authenticatorData || SHA-256(clientDataJSON).
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      credential.privateKey,
    );
    const userHandle = knobs.userHandle === undefined ? credential.userHandle : knobs.userHandle;
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === null ? {} : { userHandle }),
      },
    };
  }
}
