/** The pure rules of evidence: the checklist, the kinds a case takes and when, receipts, signed addresses. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/errors.ts';
import { assessClaim } from '../policy.ts';
import { evidenceChecklist } from './checklist.ts';
import {
  checkCustomerMayDelete,
  checkUploadKind,
  mediaClassOf,
  parseReceiptAmount,
  parseReceiptDollars,
  uploadableKinds,
} from './evidence-rules.ts';
import { checkEvidenceSignature, signEvidenceUrl } from './signed-url.ts';

const doa = assessClaim({
  kind: 'dead_on_arrival',
  openedAt: '2026-03-02T09:00:00Z',
  shippedAt: '2026-02-27T09:00:00Z',
  deliveredAt: '2026-03-01T09:00:00Z',
  item: {
    category: 'smartphone',
    unitPriceCents: 49_900,
    clearance: false,
    specialWarranty: false,
    openedByCustomer: true,
  },
  facts: {},
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.field}` : 'other';
  }
  return undefined;
}

describe('evidence checklist (AS-DOA-2, AS-DEF-6, AS-INC-3)', () => {
  it('AS-DOA-2: names the required kinds without a file, in the assessment’s order; optional kinds never block', () => {
    const list = evidenceChecklist(doa.evidence, ['package_back', 'postage_receipt', 'package_back']);
    assert.deepEqual(list.missing, ['package_front', 'item_media', 'malfunction_media']);
    assert.equal(list.items.find((i) => i.kind === 'package_back')?.files, 2);
    assert.equal(list.complete, false);
    const done = evidenceChecklist(doa.evidence, [
      'package_front',
      'package_back',
      'item_media',
      'malfunction_media',
    ]);
    assert.deepEqual(done.missing, []);
    assert.equal(done.complete, true);
  });

  it('an empty list (change of mind) is complete with nothing to ask', () => {
    assert.deepEqual(evidenceChecklist([], []), { items: [], missing: [], complete: true });
  });
});

describe('evidence rules', () => {
  it('types come from the bytes: photos, HEIC and videos are accepted; anything else is a 415 on file', () => {
    assert.equal(mediaClassOf('image/jpeg'), 'image');
    assert.equal(mediaClassOf('image/heic'), 'heic');
    assert.equal(mediaClassOf('video/quicktime'), 'video');
    for (const mime of [undefined, 'application/zip', 'application/x-elf', 'image/gif', 'image/svg+xml']) {
      assert.equal(
        codeOf(() => mediaClassOf(mime)),
        'unsupported_media_type:file',
        String(mime),
      );
    }
  });

  it('AS-DOA-2: a kind outside the case’s list is a 400 on kind; past collecting it, a 409 on kind', () => {
    assert.equal(
      checkUploadKind('package_front', doa.evidence, 'awaiting_evidence', 'customer'),
      'package_front',
    );
    assert.equal(
      codeOf(() => checkUploadKind('defect_media', doa.evidence, 'awaiting_evidence', 'customer')),
      'validation_failed:kind',
    );
    assert.equal(
      codeOf(() => checkUploadKind(undefined, doa.evidence, 'opened', 'customer')),
      'validation_failed:kind',
    );
    assert.equal(
      codeOf(() => checkUploadKind('item_media', doa.evidence, 'return_authorised', 'customer')),
      'conflict:kind',
    );
    assert.equal(checkUploadKind('item_media', doa.evidence, 'return_authorised', 'staff'), 'item_media');
    assert.equal(
      codeOf(() => checkUploadKind('item_media', doa.evidence, 'closed', 'staff')),
      'conflict:kind',
    );
  });

  it('AS-DEF-5: the postage receipt is taken once the return is authorised, and can be replaced until inspection', () => {
    assert.equal(
      checkUploadKind('postage_receipt', doa.evidence, 'return_authorised', 'customer'),
      'postage_receipt',
    );
    assert.equal(
      codeOf(() => checkUploadKind('postage_receipt', doa.evidence, 'resolved', 'customer')),
      'conflict:kind',
    );
    assert.equal(
      codeOf(() => checkCustomerMayDelete('postage_receipt', 'parcel_received')),
      undefined,
    );
    assert.equal(
      codeOf(() => checkCustomerMayDelete('item_media', 'return_authorised')),
      'conflict:evidenceId',
    );
  });

  it('AS-GEN-3: a receipt’s amount is whole cents, only on a postage receipt; blank is not given', () => {
    assert.equal(parseReceiptAmount('1250', 'postage_receipt'), 1250);
    assert.equal(parseReceiptAmount(' ', 'postage_receipt'), null);
    assert.equal(parseReceiptAmount(undefined, 'item_media'), null);
    for (const bad of ['12.50', '-1', '1e3', '9999999999']) {
      assert.equal(
        codeOf(() => parseReceiptAmount(bad, 'postage_receipt')),
        'validation_failed:amountCents',
        bad,
      );
    }
    assert.equal(
      codeOf(() => parseReceiptAmount('100', 'item_media')),
      'validation_failed:amountCents',
    );
  });
});

describe('receipt in dollars and the kinds open now', () => {
  it('AS-GEN-3: dollars as typed become cents; anything else is a 400 on amount', () => {
    assert.equal(parseReceiptDollars('4.50', 'postage_receipt'), 450);
    assert.equal(parseReceiptDollars('$12', 'postage_receipt'), 1200);
    assert.equal(parseReceiptDollars('0.5', 'postage_receipt'), 50);
    assert.equal(parseReceiptDollars('', 'postage_receipt'), null);
    for (const bad of ['4,50', '4.505', 'free', '-3']) {
      assert.equal(
        codeOf(() => parseReceiptDollars(bad, 'postage_receipt')),
        'validation_failed:amount',
        bad,
      );
    }
  });

  it('the customer adds evidence until the return is authorised, then only the receipt (AS-DEF-5)', () => {
    assert.equal(uploadableKinds(doa.evidence, 'awaiting_evidence', 'customer').length, 5);
    assert.deepEqual(uploadableKinds(doa.evidence, 'return_authorised', 'customer'), ['postage_receipt']);
    assert.deepEqual(uploadableKinds(doa.evidence, 'closed', 'customer'), []);
  });
});

describe('signed evidence addresses', () => {
  const secret = 'a-secret-of-the-shop-0123456789-abcdef';
  const id = '0190a000-0000-7000-8000-000000000001';
  const now = new Date('2026-03-02T09:00:00Z');
  const parse = (url: string) => {
    const u = new URL(url, 'http://x');
    return { exp: Number(u.searchParams.get('exp')), sig: u.searchParams.get('sig') as string };
  };

  it('opens its own file and variant until it expires, and nothing else', () => {
    const { url, expiresAt } = signEvidenceUrl(secret, id, 'original', now, 600);
    assert.equal(expiresAt, '2026-03-02T09:10:00.000Z');
    const { exp, sig } = parse(url);
    assert.equal(checkEvidenceSignature(secret, id, 'original', exp, sig, now), 'ok');
    assert.equal(checkEvidenceSignature(secret, id, 'thumbnail', exp, sig, now), 'bad_signature');
    assert.equal(
      checkEvidenceSignature(secret, id.replace(/1$/, '2'), 'original', exp, sig, now),
      'bad_signature',
    );
    assert.equal(checkEvidenceSignature(secret, id, 'original', exp + 60, sig, now), 'bad_signature');
    assert.equal(checkEvidenceSignature(`${secret}x`, id, 'original', exp, sig, now), 'bad_signature');
    assert.equal(
      checkEvidenceSignature(secret, id, 'original', exp, sig, new Date('2026-03-02T09:10:00Z')),
      'expired',
    );
  });
});
