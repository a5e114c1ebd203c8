import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keptOnAddressChange, onSubscribeRequest, type SubscribeState } from './newsletter.rules.ts';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const pending = (sentMinutesAgo: number, expired = false): SubscribeState => ({
  status: 'pending',
  confirmTokenHash: 'h'.repeat(64),
  confirmExpiresAt: expired ? minutesAgo(1) : new Date(now.getTime() + 3_600_000),
  requestedAt: minutesAgo(sentMinutesAgo),
});

describe('asking to subscribe (PV-USE-1)', () => {
  it('PV-USE-1: a new, unsubscribed or long-pending address gets a link; a confirmed one never', () => {
    assert.equal(onSubscribeRequest(null, now, 15), 'send_confirmation');
    assert.equal(
      onSubscribeRequest(
        { status: 'unsubscribed', confirmTokenHash: null, confirmExpiresAt: null, requestedAt: now },
        now,
        15,
      ),
      'send_confirmation',
    );
    assert.equal(onSubscribeRequest(pending(15), now, 15), 'send_confirmation');
    assert.equal(onSubscribeRequest({ ...pending(60 * 24), status: 'confirmed' }, now, 15), 'nothing');
  });

  it('PV-USE-1: a pending address sent a working link less than NEWSLETTER_RESEND_MINUTES ago gets none (no mail bomb)', () => {
    assert.equal(onSubscribeRequest(pending(0), now, 15), 'nothing');
    assert.equal(onSubscribeRequest(pending(14.9), now, 15), 'nothing');
    assert.equal(onSubscribeRequest(pending(5, true), now, 15), 'send_confirmation', 'its link expired');
    assert.equal(
      onSubscribeRequest({ ...pending(0), confirmTokenHash: null }, now, 15),
      'send_confirmation',
      'never sent one: a row just created',
    );
  });
});

describe('a changed account address meeting a row of its own (PV-USE-1)', () => {
  const consent = { confirmedAt: minutesAgo(10) };
  it('PV-USE-1: the new address’s row stays when confirmed there, or unsubscribed there after the consent', () => {
    assert.equal(keptOnAddressChange(consent, { status: 'confirmed', unsubscribedAt: null }), 'existing');
    assert.equal(
      keptOnAddressChange(consent, { status: 'unsubscribed', unsubscribedAt: minutesAgo(5) }),
      'existing',
    );
  });
  it('PV-USE-1: the account’s row moves over a pending row, or one unsubscribed before the consent', () => {
    assert.equal(keptOnAddressChange(consent, { status: 'pending', unsubscribedAt: null }), 'moving');
    assert.equal(
      keptOnAddressChange(consent, { status: 'unsubscribed', unsubscribedAt: minutesAgo(20) }),
      'moving',
    );
  });
});
