import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './html.ts';
import { renderOrderCancelled } from './order-cancelled.ts';
import type { OrderEmailData } from './order-email.ts';
import { renderOrderPlaced } from './order-placed.ts';
import { renderOrderShipped } from './order-shipped.ts';

const base: OrderEmailData = {
  shopName: 'Aftercare',
  reference: 'AC-26-00042',
  lines: [
    {
      productName: 'Pixel <b>9</b>',
      variantName: '128 GB "Obsidian"',
      quantity: 2,
      unitPriceCents: 79_900,
      lineTotalCents: 159_800,
    },
  ],
  subtotalCents: 159_800,
  shippingCents: 490,
  totalCents: 160_290,
  shippingMethodName: 'Ordinary post',
  shippingAddress: {
    name: 'Ada <script>alert(1)</script>',
    line1: '1 Main St',
    city: 'Springfield',
    postalCode: '12345',
    region: 'IL',
    country: 'US',
  },
  orderUrl: 'https://shop.example/orders/view?token=abc.def&x=1',
};

describe('order emails (SH-ORD-1)', () => {
  it('escapes HTML special characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('order placed: reference, lines and totals in $, transfer instructions, signed link', () => {
    const mail = renderOrderPlaced({
      ...base,
      payment: {
        method: 'bank_transfer',
        instructions: {
          accountName: 'Aftercare Ltd',
          bankName: 'Demo Bank',
          routingNumber: '110000000',
          accountNumber: '000123456789',
          amountCents: 160_290,
          reference: 'AC-26-00042',
        },
      },
    });
    assert.match(mail.subject, /AC-26-00042/);
    assert.match(mail.text, /2 × Pixel <b>9<\/b> \(128 GB "Obsidian"\) at \$799\.00: \$1,598\.00/);
    assert.match(mail.text, /Total: \$1,602\.90/);
    assert.match(mail.text, /Reference: AC-26-00042/);
    assert.match(mail.text, /Routing number \(ABA\): 110000000/);
    assert.match(mail.text, /Account number: 000123456789/);
    assert.doesNotMatch(mail.text, /IBAN|BIC/, 'a US dollar transfer needs no IBAN or BIC');
    assert.match(mail.text, /https:\/\/shop\.example\/orders\/view\?token=abc\.def&x=1/);
    assert.match(mail.html, /Aftercare/);
    assert.match(mail.html, /\$1,602\.90/);
    assert.ok(!mail.html.includes('<script>'), 'no raw script tag');
    assert.ok(!mail.html.includes('<b>9</b>'), 'product name escaped');
    assert.match(mail.html, /Ada &lt;script&gt;/);
    assert.match(
      mail.text,
      /Shipping to:\n.*\n1 Main St\nSpringfield, IL 12345\nUnited States\n/,
      'US address, country named',
    );
    assert.match(mail.text, /\n—\nAftercare$/, 'signed with the shop name');
    assert.match(mail.html, /href="https:\/\/shop\.example\/orders\/view\?token=abc\.def&amp;x=1"/);
  });

  it('order placed by card: no transfer instructions', () => {
    const mail = renderOrderPlaced({ ...base, payment: { method: 'test_card' } });
    assert.ok(!/Routing number/.test(mail.text));
    assert.match(mail.text, /payment processor/);
  });

  it('order shipped: carrier, tracking number and shipment date', () => {
    const mail = renderOrderShipped({
      ...base,
      carrier: 'DHL <Express>',
      trackingNumber: 'JD014600003SE',
      shippedAt: new Date('2026-03-12T10:00:00Z'),
    });
    assert.match(mail.subject, /AC-26-00042 has shipped/);
    assert.match(mail.text, /Carrier: DHL <Express>/);
    assert.match(mail.text, /Tracking number: JD014600003SE/);
    assert.match(mail.text, /Shipped on: 12 Mar 2026/);
    assert.match(mail.html, /DHL &lt;Express&gt;/);
  });

  it('order shipped by untracked post says there is no tracking number', () => {
    const mail = renderOrderShipped({
      ...base,
      carrier: 'La Poste',
      trackingNumber: null,
      shippedAt: new Date('2026-03-12T10:00:00Z'),
    });
    assert.match(mail.text, /untracked post/);
  });

  it('order cancelled: what was cancelled, and how the money comes back (card refund or transfer owed)', () => {
    const card = renderOrderCancelled({
      ...base,
      refunds: [{ method: 'test_card', status: 'pending', amountCents: 160_290 }],
    });
    assert.match(card.subject, /AC-26-00042 has been cancelled/);
    assert.match(card.text, /We are refunding \$1,602\.90 to your card/);
    assert.match(card.html, /We are refunding \$1,602\.90 to your card/);
    assert.match(card.text, /2 × Pixel <b>9<\/b>/);
    assert.ok(!card.html.includes('<b>9</b>'), 'product name escaped');
    const transfer = renderOrderCancelled({
      ...base,
      refunds: [{ method: 'bank_transfer', status: 'owed', amountCents: 160_290 }],
    });
    assert.match(transfer.text, /We will transfer \$1,602\.90 back to the account you paid from/);
    assert.doesNotMatch(transfer.text, /card/);
    const unpaid = renderOrderCancelled({ ...base, refunds: [] });
    assert.match(unpaid.text, /nothing to refund/);
    assert.doesNotMatch(unpaid.text, /refunding|transfer/);
  });
});
