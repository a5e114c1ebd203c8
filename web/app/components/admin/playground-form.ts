/**
 * The policy playground's form (issue 11 point 3): what staff type, read into the engine's claim. Dates are
 * typed in UTC (the engine's instants), prices in dollars; the facts offered are those the engine reads for the
 * kind (the customer's claim form asks the same ones). Pure: no I/O. The order of the dates (a delivery before
 * its shipment) is the engine schema's check, answered by the server at the field.
 */
import type {
  ClaimInput,
  ClaimKind,
  ProductCategory,
  ReplaceableComponent,
} from '../../../../src/aftersales/claim.schema.ts';
import { type FactName, factsFor } from '../claim/claim-form.ts';
import { messageForField } from '../ui/field-message.ts';
import { centsToDollars, dollarsToCents } from './format.ts';
import type { FieldErrors } from './product-form.ts';

export interface PlaygroundDraft {
  kind: ClaimKind;
  /** `YYYY-MM-DDTHH:mm`, UTC (a datetime-local input). */
  shippedAt: string;
  deliveredAt: string;
  deliveryUntraceable: boolean;
  openedAt: string;
  /** Dollars as typed. */
  price: string;
  category: ProductCategory;
  clearance: boolean;
  specialWarranty: boolean;
  facts: Record<FactName, boolean>;
  components: ReplaceableComponent[];
  /** The return postage declared, dollars as typed; empty when none is declared yet. */
  fee: string;
}

/** Staff's words for the facts (the customer's form asks them as questions). */
export const factLabels: Record<FactName, string> = {
  openedByCustomer: 'Opened by the customer (casing or back cover)',
  physicalDamage: 'Physical damage not there on delivery',
  misuse: 'Misuse: dropped, wet, or used against the manual',
  onlyLogoOrPackagingDiffers: 'Only the logo or packaging differs',
  troubleshootingDone: 'Troubleshooting done and the issue persists',
};

/** Components a repair may replace: only a defective item is repaired. */
export const componentsAsked: Record<ClaimKind, boolean> = {
  dead_on_arrival: false,
  defective: true,
  incorrect_item: false,
  change_of_mind: false,
};

/** A declared return postage matters wherever something may travel back: not for a change of mind. */
export const feeAsked: Record<ClaimKind, boolean> = {
  dead_on_arrival: true,
  defective: true,
  incorrect_item: true,
  change_of_mind: false,
};

const DAY = 86_400_000;

/** An instant → the value of a datetime-local input, in UTC. */
export function toUtcInput(iso: string | Date): string {
  return new Date(iso).toISOString().slice(0, 16);
}

/** A datetime-local value read as UTC → ISO 8601, or null when it is not a date and time. */
export function fromUtcInput(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!match) return null;
  const iso = `${match[1]}${match[2] ?? ':00'}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** A phone shipped four days ago and delivered two days ago, reported now: inside every window. */
export function defaultDraft(now: Date): PlaygroundDraft {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return {
    kind: 'dead_on_arrival',
    shippedAt: toUtcInput(new Date(minute.getTime() - 4 * DAY)),
    deliveredAt: toUtcInput(new Date(minute.getTime() - 2 * DAY)),
    deliveryUntraceable: false,
    openedAt: toUtcInput(minute),
    price: '499.00',
    category: 'smartphone',
    clearance: false,
    specialWarranty: false,
    facts: {
      openedByCustomer: false,
      physicalDamage: false,
      misuse: false,
      onlyLogoOrPackagingDiffers: false,
      troubleshootingDone: false,
    },
    components: [],
    fee: '',
  };
}

/** The dates and item of a claim built from an order line (the kind and facts typed stay as they are). */
export function withClaimOfLine(draft: PlaygroundDraft, claim: ClaimInput): PlaygroundDraft {
  return {
    ...draft,
    shippedAt: toUtcInput(claim.shippedAt),
    deliveredAt: claim.deliveredAt ? toUtcInput(claim.deliveredAt) : '',
    deliveryUntraceable: claim.deliveredAt === null,
    openedAt: toUtcInput(claim.openedAt),
    price: centsToDollars(claim.item.unitPriceCents),
    category: claim.item.category,
    clearance: claim.item.clearance,
    specialWarranty: claim.item.specialWarranty,
  };
}

/**
 * The draft as the engine's claim, or the fields that cannot be read (keyed as the draft: `openedAt`,
 * `price`, …). Only the facts the kind asks are sent; `openedByCustomer` is false where the kind does not ask.
 */
export function claimOfDraft(d: PlaygroundDraft): { claim: ClaimInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const openedAt = fromUtcInput(d.openedAt);
  const shippedAt = fromUtcInput(d.shippedAt);
  const deliveredAt = d.deliveryUntraceable ? null : fromUtcInput(d.deliveredAt);
  if (!shippedAt) errors.shippedAt = 'Enter the date and time of shipment';
  if (!d.deliveryUntraceable && !deliveredAt) {
    errors.deliveredAt = 'Enter the date and time of delivery, or tick that it is not traceable';
  }
  if (!openedAt) errors.openedAt = 'Enter the date and time the claim is opened';
  const price = dollarsToCents(d.price);
  if (price === null) errors.price = 'Enter the price paid in dollars, like 499.00';
  const asked = feeAsked[d.kind] && d.fee.trim() !== '';
  const fee = asked ? dollarsToCents(d.fee) : null;
  if (asked && fee === null) errors.fee = 'Enter the postage in dollars, like 12.50, or leave it empty';
  if (Object.keys(errors).length > 0 || !openedAt || !shippedAt || price === null) {
    return { claim: null, errors };
  }
  const factNames = factsFor[d.kind];
  const facts: NonNullable<ClaimInput['facts']> = {};
  for (const name of factNames) if (name !== 'openedByCustomer') facts[name] = d.facts[name];
  if (componentsAsked[d.kind] && d.components.length > 0) facts.componentsToReplace = d.components;
  if (fee !== null) facts.returnShippingFeeCents = fee;
  return {
    claim: {
      kind: d.kind,
      openedAt,
      shippedAt,
      deliveredAt,
      item: {
        category: d.category,
        unitPriceCents: price,
        clearance: d.clearance,
        specialWarranty: d.specialWarranty,
        openedByCustomer: factNames.includes('openedByCustomer') && d.facts.openedByCustomer,
      },
      facts,
    },
    errors,
  };
}

/** The form field an API error names (`claim.item.unitPriceCents` → `price`), or null for the whole form. */
export function draftFieldOf(apiField: string | undefined): string | null {
  if (!apiField) return null;
  if (apiField.startsWith('versions')) return 'versions';
  const byPath: Record<string, string> = {
    'claim.kind': 'kind',
    'claim.openedAt': 'openedAt',
    'claim.shippedAt': 'shippedAt',
    'claim.deliveredAt': 'deliveredAt',
    'claim.item.unitPriceCents': 'price',
    'claim.item.category': 'category',
    'claim.facts.returnShippingFeeCents': 'fee',
    'claim.facts.componentsToReplace': 'components',
  };
  return byPath[apiField] ?? null;
}

const draftLabels: Record<string, string> = {
  kind: 'The kind of claim',
  openedAt: 'The claim date',
  shippedAt: 'The shipment date',
  deliveredAt: 'The delivery date',
  price: 'The price paid',
  category: 'The category',
  fee: 'The return postage',
  components: 'The list of components',
  versions: 'The policy version',
};
const instantWords: Record<string, string> = {
  openedAt: 'the claim date',
  shippedAt: 'the shipment date',
  deliveredAt: 'the delivery date',
};

/** The API's message for a form field, in the form's words ("The delivery date is before the shipment date."). */
export function draftMessage(message: string, apiField: string | undefined, draftField: string): string {
  return messageForField(message, apiField, draftLabels[draftField]).replace(
    /\b(openedAt|shippedAt|deliveredAt)\b/g,
    (key) => instantWords[key] ?? key,
  );
}
