/**
 * The claim form (issue 10 point 1), read the same way on the server (a post without JavaScript) and in the
 * browser (the live assessment): which items, what happened in plain words, and the yes/no facts the policy
 * engine needs for that kind of claim. Pure: no I/O.
 */

import { MESSAGE_MAX_CHARS } from '../../../../src/aftersales/cases/message-limits.ts';
import type { ClaimKind } from '../../../../src/aftersales/claim.schema.ts';

/** What happened, in the customer's words, in the order the form offers them. */
export const kindChoices: ReadonlyArray<{ kind: ClaimKind; label: string; hint: string }> = [
  {
    kind: 'dead_on_arrival',
    label: 'It did not work when it arrived',
    hint: 'Dead on arrival: it never worked, from the first time you switched it on.',
  },
  { kind: 'defective', label: 'It worked at first, then broke', hint: 'A fault that appeared later.' },
  {
    kind: 'incorrect_item',
    label: 'It is not what I ordered',
    hint: 'A different model, colour or item from the one on your order.',
  },
  {
    kind: 'change_of_mind',
    label: 'I changed my mind',
    hint: 'Nothing is wrong with it; you no longer want it.',
  },
];

export const factNames = [
  'openedByCustomer',
  'physicalDamage',
  'misuse',
  'onlyLogoOrPackagingDiffers',
  'troubleshootingDone',
] as const;
export type FactName = (typeof factNames)[number];

/** Each fact's question, as a person reads it. */
export const factQuestions: Record<FactName, { label: string; hint: string }> = {
  openedByCustomer: {
    label: 'Have you opened the device itself (its casing or back cover)?',
    hint: 'Opening the box does not count: only taking the device apart.',
  },
  physicalDamage: {
    label: 'Is there any physical damage (cracks, dents, water)?',
    hint: 'Damage that was not there when it was delivered.',
  },
  misuse: {
    label: 'Was it dropped, got wet, or used in a way its manual warns against?',
    hint: 'Answer honestly: the inspection will show it either way.',
  },
  onlyLogoOrPackagingDiffers: {
    label: 'Is it only the logo or the packaging that differs from the photos?',
    hint: 'Functions and appearance match, only the print on it or the box is different.',
  },
  troubleshootingDone: {
    label: 'Have you already gone through troubleshooting with our customer service?',
    hint: 'Answer no if you have not talked to us about it yet.',
  },
};

/** The facts the policy reads for each kind, in the form's order; a change of mind needs none. */
export const factsFor: Record<ClaimKind, readonly FactName[]> = {
  dead_on_arrival: ['openedByCustomer', 'physicalDamage', 'misuse', 'troubleshootingDone'],
  defective: ['openedByCustomer', 'physicalDamage', 'misuse', 'troubleshootingDone'],
  incorrect_item: ['onlyLogoOrPackagingDiffers', 'physicalDamage', 'troubleshootingDone'],
  change_of_mind: [],
};

export type Answer = 'yes' | 'no';

/** What was typed, kept to fill the form again after a refused post. */
export interface ClaimFormValues {
  lines: string[];
  kind: ClaimKind | '';
  facts: Partial<Record<FactName, Answer>>;
  question: string;
}

export interface ClaimLineRequest {
  orderLineId: string;
  kind: ClaimKind;
  facts: { openedByCustomer: boolean } & Partial<Record<Exclude<FactName, 'openedByCustomer'>, boolean>>;
}

export interface ParsedClaimForm {
  values: ClaimFormValues;
  /** Field name (`lines`, `kind`, a fact's name, `question`) → the message shown beside it. */
  errors: Record<string, string>;
  /** The API's claim body, when the items, the kind and every fact it needs are answered. */
  claim: { lines: ClaimLineRequest[] } | null;
}

const KINDS = new Set<string>(kindChoices.map((c) => c.kind));

function str(v: FormDataEntryValue | null): string {
  return typeof v === 'string' ? v : '';
}

/**
 * Reads the posted (or current) form. `needQuestion` makes the question's words required (sending it as a
 * question to customer service). Lines are only checked to be ids: which lines belong to the order is the
 * service's answer (a 404 naming the line).
 */
export function parseClaimForm(form: FormData, options: { needQuestion?: boolean } = {}): ParsedClaimForm {
  const lines = [...new Set(form.getAll('line').map(str))].filter((l) => l !== '').slice(0, 20);
  const kindRaw = str(form.get('kind'));
  const kind = KINDS.has(kindRaw) ? (kindRaw as ClaimKind) : '';
  const facts: ClaimFormValues['facts'] = {};
  for (const name of factNames) {
    const v = str(form.get(name));
    if (v === 'yes' || v === 'no') facts[name] = v;
  }
  const question = str(form.get('question')).slice(0, MESSAGE_MAX_CHARS * 2);
  const values: ClaimFormValues = { lines, kind, facts, question };

  const errors: Record<string, string> = {};
  if (lines.length === 0) errors.lines = 'Choose the item (or items) the problem is about.';
  if (!kind) errors.kind = 'Say what happened.';
  const needed = kind ? factsFor[kind] : [];
  for (const name of needed) if (!facts[name]) errors[name] = 'Answer yes or no.';
  if (options.needQuestion) {
    const words = question.trim();
    if (!words) errors.question = 'Write your question to customer service.';
    else if (words.length > MESSAGE_MAX_CHARS)
      errors.question = `Your question is ${words.length.toLocaleString('en-US')} characters long; the most is ${MESSAGE_MAX_CHARS.toLocaleString('en-US')}.`;
  }

  const complete = lines.length > 0 && kind !== '' && needed.every((n) => facts[n]);
  const claim = complete
    ? {
        lines: lines.map((orderLineId) => {
          const answered: ClaimLineRequest['facts'] = { openedByCustomer: facts.openedByCustomer === 'yes' };
          for (const name of needed) {
            if (name !== 'openedByCustomer') answered[name] = facts[name] === 'yes';
          }
          return { orderLineId, kind: kind as ClaimKind, facts: answered };
        }),
      }
    : null;
  return { values, errors, claim };
}
