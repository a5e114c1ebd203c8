import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatUsd, roundUpToWholeDollars } from './money.ts';

describe('formatUsd', () => {
  const rows: Array<[number, string]> = [
    [0, '$0.00'],
    [5, '$0.05'],
    [10, '$0.10'],
    [99, '$0.99'],
    [100, '$1.00'],
    [1499, '$14.99'],
    [1500, '$15.00'],
    [9999, '$99.99'],
    [10000, '$100.00'],
    [99999, '$999.99'],
    [100000, '$1,000.00'],
    [123456, '$1,234.56'],
    [100000000, '$1,000,000.00'],
    [123456789012, '$1,234,567,890.12'],
    [-1499, '-$14.99'],
    [-5, '-$0.05'],
  ];
  for (const [cents, text] of rows) {
    it(`${cents} cents → ${text}`, () => assert.equal(formatUsd(cents), text));
  }
});

describe('roundUpToWholeDollars', () => {
  const rows: Array<[number, number]> = [
    [0, 0],
    [1, 100],
    [99, 100],
    [100, 100],
    [101, 200],
    [4901, 5000],
    [4999, 5000],
    [5000, 5000],
    [9999, 10000],
    [123456, 123500],
  ];
  for (const [cents, rounded] of rows) {
    it(`${cents} → ${rounded}`, () => assert.equal(roundUpToWholeDollars(cents), rounded));
  }
});
