/**
 * A case's state and timeline in the customer's words, and where it stands on its way (the progress
 * indicator). Keyed loosely (Partial): a state or action added to the lifecycle later still shows, in words
 * made from its name, until it gets its own.
 */
import type { CaseState } from '../../../../src/aftersales/cases/case-lifecycle.ts';

const stateWords: Partial<Record<CaseState, { title: string; sentence: string }>> = {
  opened: {
    title: 'Opened',
    sentence: 'Customer service has your claim and will contact you. Please do not send anything back yet.',
  },
  troubleshooting: {
    title: 'Troubleshooting',
    sentence: 'Customer service is trying to solve the problem with you: see the conversation below.',
  },
  awaiting_evidence: {
    title: 'Waiting for your evidence',
    sentence: 'Please send the photos and videos listed under Evidence.',
  },
  return_authorised: {
    title: 'Return authorised',
    sentence: 'You may send the item back now, as described below.',
  },
  parcel_received: { title: 'Parcel received', sentence: 'Your parcel has arrived; we will inspect it.' },
  inspected: {
    title: 'Inspected',
    sentence: 'We have inspected the item and will tell you what happens next.',
  },
  quote_sent: {
    title: 'Quote waiting for you',
    sentence: 'The repair needs parts you pay for: accept or decline the quote before work starts.',
  },
  quote_accepted: { title: 'Quote accepted', sentence: 'You accepted the quote: the repair is under way.' },
  quote_declined: {
    title: 'Quote declined',
    sentence: 'You declined the quote: the item comes back to you without the repair.',
  },
  resolved: { title: 'Resolved', sentence: 'This case is resolved.' },
  declined: { title: 'Declined', sentence: 'This claim was declined; the timeline says why.' },
  withdrawn: { title: 'Withdrawn', sentence: 'This claim was withdrawn.' },
  closed: { title: 'Closed', sentence: 'This case is closed.' },
};

function fromName(name: string): string {
  const words = name.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function caseStateWords(state: string): { title: string; sentence: string } {
  return stateWords[state as CaseState] ?? { title: fromName(state), sentence: '' };
}

/** The steps of the progress indicator, and the states each covers. */
export const caseSteps: ReadonlyArray<{ label: string; states: readonly string[] }> = [
  { label: 'Opened', states: ['opened'] },
  { label: 'Checking with you', states: ['troubleshooting', 'awaiting_evidence'] },
  { label: 'On its way back', states: ['return_authorised'] },
  {
    label: 'With us',
    states: ['parcel_received', 'inspected', 'quote_sent', 'quote_accepted', 'quote_declined'],
  },
  { label: 'Resolved', states: ['resolved', 'closed'] },
];

/** The step a state has reached (0-based), or null when the case ended without a resolution. */
export function caseStepOf(state: string): number | null {
  const i = caseSteps.findIndex((s) => s.states.includes(state));
  return i >= 0 ? i : null;
}

const actionWords: Record<string, string> = {
  open: 'You opened the case',
  start_troubleshooting: 'Troubleshooting started',
  request_evidence: 'Customer service asked for evidence',
  mark_solved: 'Solved by troubleshooting',
  authorise_return: 'Return authorised',
  resolve_without_return: 'Resolved without a return',
  decline: 'Claim declined',
  receive_parcel: 'Parcel received',
  record_inspection: 'Item inspected',
  send_quote: 'Parts quote sent',
  accept_quote: 'You accepted the quote',
  decline_quote: 'You declined the quote',
  resolve: 'Resolved',
  withdraw: 'Claim withdrawn',
  close: 'Case closed',
  remove_evidence: 'Customer service removed a file',
};

export function timelineWords(action: string, toState: string): string {
  return actionWords[action] ?? caseStateWords(toState).title;
}

/** The customer's buttons' words (the lifecycle table names the moves; the customer reads these). */
export const customerButtonWords: Record<string, string> = {
  withdraw: 'Withdraw my claim',
  accept_quote: 'Accept the quote',
  decline_quote: 'Decline the quote',
};

/** A quote's parts as the customer reads them (AS-DEF-3). */
export const partWords: Record<'screen' | 'battery' | 'motherboard', string> = {
  screen: 'Screen',
  battery: 'Battery',
  motherboard: 'Motherboard',
};

/** The parcel the item came back in: "Sent back to you with UPS, tracking number 1Z999.". */
export function shipmentWords(shipment: { carrier: string; trackingNumber: string | null }): string {
  return `Sent back to you with ${shipment.carrier}${shipment.trackingNumber ? `, tracking number ${shipment.trackingNumber}` : ''}.`;
}
