import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimKind } from '../claim.schema.ts';
import { assessClaim } from '../policy.ts';
import { evidenceGap, missingEvidence, stillMissingSentence } from './case-evidence.rules.ts';
import { type CaseAction, caseActions } from './case-lifecycle.ts';

/** The engine's evidence list for a claim of `kind` on a phone delivered the day before. */
function evidenceOf(kind: ClaimKind) {
  return assessClaim({
    kind,
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
  }).evidence;
}

describe('the evidence a case still lacks (the assessment’s evidence list)', () => {
  it('AS-DOA-2: every required kind without a file, in the list’s order; a second file of a kind changes nothing', () => {
    assert.deepEqual(missingEvidence(evidenceOf('dead_on_arrival'), ['package_back', 'package_back']), [
      'package_front',
      'item_media',
      'malfunction_media',
    ]);
  });

  it('AS-DEF-6: shipment slips and the postage receipt are optional and never missing', () => {
    const defective = evidenceOf('defective');
    assert.deepEqual(missingEvidence(defective, []), [
      'package_front',
      'package_back',
      'item_media',
      'defect_media',
    ]);
    assert.deepEqual(
      missingEvidence(defective, ['package_front', 'package_back', 'item_media', 'defect_media']),
      [],
    );
  });

  it('AS-INC-3: only the item is required; the fault media are optional', () => {
    assert.deepEqual(missingEvidence(evidenceOf('incorrect_item'), ['malfunction_media']), ['item_media']);
    assert.deepEqual(missingEvidence(evidenceOf('incorrect_item'), ['item_media']), []);
  });

  it('a change of mind lists no evidence, so nothing is ever missing', () => {
    assert.deepEqual(missingEvidence(evidenceOf('change_of_mind'), []), []);
  });
});

describe('decisions taken before the evidence is in (issue 10 points 2–3)', () => {
  it('AS-DOA-2: authorising a return or resolving without one names the missing kinds, the clause and the words', () => {
    for (const action of ['authorise_return', 'resolve_without_return'] as const) {
      assert.deepEqual(
        evidenceGap(action, 'dead_on_arrival', evidenceOf('dead_on_arrival'), ['item_media']),
        {
          missing: ['package_front', 'package_back', 'malfunction_media'],
          clause: 'AS-DOA-2',
          message:
            'Still missing: photo of the front of the parcel (the label readable), photo of the back of the parcel, photo or video showing it not working.',
        },
      );
    }
  });

  it('AS-DEF-6, AS-INC-3: each kind’s own clause', () => {
    assert.equal(
      evidenceGap('authorise_return', 'defective', evidenceOf('defective'), [])?.clause,
      'AS-DEF-6',
    );
    assert.equal(
      evidenceGap('resolve_without_return', 'incorrect_item', evidenceOf('incorrect_item'), [])?.clause,
      'AS-INC-3',
    );
  });

  it('no gap once every required kind has a file, optional ones still absent', () => {
    const sent = ['package_front', 'package_back', 'item_media', 'malfunction_media'] as const;
    assert.equal(
      evidenceGap('authorise_return', 'dead_on_arrival', evidenceOf('dead_on_arrival'), sent),
      null,
    );
  });

  it('no other move waits for the evidence: declining, asking for it, troubleshooting', () => {
    const gated = (Object.keys(caseActions) as CaseAction[]).filter(
      (action) => evidenceGap(action, 'dead_on_arrival', evidenceOf('dead_on_arrival'), []) !== null,
    );
    assert.deepEqual(gated, ['authorise_return', 'resolve_without_return']);
  });

  it('words the missing kinds as the customer’s emails do, lower-cased inside the sentence', () => {
    assert.equal(stillMissingSentence(['defect_media']), 'Still missing: photo or video showing the defect.');
    assert.equal(
      stillMissingSentence(['item_media'], 'Missing then'),
      'Missing then: photo or video of the item as received.',
    );
  });
});
