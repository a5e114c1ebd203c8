import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceLabel, ipRange } from './device.rules.ts';

describe('session list labels', () => {
  it('names the browser and system in a few words', () => {
    assert.equal(
      deviceLabel('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'),
      'Firefox on Windows',
    );
    assert.equal(
      deviceLabel(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
      'Safari on iOS',
    );
    assert.equal(
      deviceLabel(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      ),
      'Edge on Windows',
    );
    assert.equal(deviceLabel('curl/8.0'), 'Unknown device');
  });

  it('shows a network range, never the whole address', () => {
    assert.equal(ipRange('203.0.113.77'), '203.0.113.0/24');
    assert.equal(ipRange('::ffff:198.51.100.9'), '198.51.100.0/24');
    assert.equal(ipRange('2001:db8:abcd:12::1'), '2001:db8:abcd::/48');
    assert.equal(ipRange('not an ip'), null);
  });
});
