import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  challengeExpiresAt,
  challengeLive,
  clientDataOf,
  counterRegressed,
  relyingParty,
  signCountOf,
} from './passkey.rules.ts';

describe('passkey rules', () => {
  it('takes the relying party from PUBLIC_URL: host name without port, exact origin', () => {
    assert.deepEqual(relyingParty('https://shop.example:8443/base'), {
      rpID: 'shop.example',
      origin: 'https://shop.example:8443',
    });
    assert.deepEqual(relyingParty('http://localhost:3000'), {
      rpID: 'localhost',
      origin: 'http://localhost:3000',
    });
  });

  it('reads the challenge out of clientDataJSON, and nothing out of garbage', () => {
    const json = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: 'abc', origin: 'x' }),
    ).toString('base64url');
    assert.deepEqual(clientDataOf(json), { type: 'webauthn.get', challenge: 'abc', origin: 'x' });
    assert.equal(clientDataOf('not json at all'), null);
    assert.equal(clientDataOf(Buffer.from('[1]').toString('base64url')), null);
    assert.equal(clientDataOf(Buffer.from('{"type":1}').toString('base64url')), null);
  });

  it('reads the signature counter at bytes 33-36 of authenticator data', () => {
    const data = Buffer.alloc(37);
    data.writeUInt32BE(258, 33);
    assert.equal(signCountOf(data.toString('base64url')), 258);
    assert.equal(signCountOf(Buffer.alloc(36).toString('base64url')), null);
  });

  it('a counter that does not move up is a regression unless both are 0 (authenticators without a counter)', () => {
    assert.equal(counterRegressed(0, 0), false);
    assert.equal(counterRegressed(0, 1), false);
    assert.equal(counterRegressed(5, 6), false);
    assert.equal(counterRegressed(5, 5), true);
    assert.equal(counterRegressed(5, 4), true);
    assert.equal(counterRegressed(5, 0), true);
  });

  it('a challenge lives PASSKEY_CHALLENGE_MINUTES, its end exclusive', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const end = challengeExpiresAt(now, 5);
    assert.equal(end.toISOString(), '2026-03-02T09:05:00.000Z');
    assert.equal(challengeLive(end, new Date(end.getTime() - 1)), true);
    assert.equal(challengeLive(end, end), false);
  });
});
