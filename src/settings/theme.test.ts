import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio, themeFor } from './theme.ts';

describe('shop theme', () => {
  it('keeps the default teal and writes white on it', () => {
    const t = themeFor('#0f766e');
    assert.equal(t.primary, '#0f766e');
    assert.equal(t.onPrimary, '#ffffff');
    assert.equal(t.primaryInk, '#0f766e');
  });

  it('writes dark text on a light primary and darkens it for use as text on white', () => {
    const t = themeFor('#FACC15');
    assert.equal(t.onPrimary, '#000000');
    assert.ok(contrastRatio(t.primary, t.onPrimary) >= 4.5);
    assert.ok(contrastRatio(t.primaryInk, '#ffffff') >= 4.5);
  });

  it('every derived pair reads at WCAG AA whatever colour is chosen', () => {
    for (const colour of ['#000000', '#ffffff', '#ff0000', '#00ff00', '#0000ff', '#777777', '#ffa500']) {
      const t = themeFor(colour);
      assert.ok(contrastRatio(t.primary, t.onPrimary) >= 4.5, `${colour} text on primary`);
      assert.ok(contrastRatio(t.primaryInk, '#ffffff') >= 4.5, `${colour} as text on white`);
      assert.ok(contrastRatio(t.primaryHover, t.onPrimary) >= 4.5, `${colour} hover`);
    }
  });

  it('falls back to the default colour for anything that is not #rrggbb', () => {
    assert.equal(themeFor('red; background:url(x)').primary, '#0f766e');
  });
});
