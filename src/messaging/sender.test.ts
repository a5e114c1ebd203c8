import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { senderOf } from './dispatcher.ts';

describe('the sender of an email', () => {
  it('is MAIL_FROM’s address with the shop’s name stored at queue time', () => {
    assert.deepEqual(senderOf('Aftercare <shop@aftercare.test>', 'Brightside'), {
      name: 'Brightside',
      address: 'shop@aftercare.test',
    });
    assert.deepEqual(senderOf('"Aftercare, Inc." <shop@aftercare.test>', 'Brightside'), {
      name: 'Brightside',
      address: 'shop@aftercare.test',
    });
    assert.deepEqual(senderOf('shop@aftercare.test', 'Brightside'), {
      name: 'Brightside',
      address: 'shop@aftercare.test',
    });
  });

  it('an email queued before names were stored keeps MAIL_FROM’s own name', () => {
    assert.deepEqual(senderOf('Aftercare <shop@aftercare.test>', null), {
      name: 'Aftercare',
      address: 'shop@aftercare.test',
    });
  });
});
