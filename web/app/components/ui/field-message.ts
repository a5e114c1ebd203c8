/**
 * The API's error message for a field, made fit to show beside that field. The API writes
 * `"<field>: <message>"` (`"trackingNumber: is required for a tracked shipment"`); a person must read
 * neither the key nor a fragment. The key prefix goes, and a message that is only a fragment ("is
 * required…", "must be…") gets the field's label as its subject: "Tracking number is required for a
 * tracked shipment."
 */

/** `trackingNumber` or `variants.0.priceCents` → "Tracking number", "Price cents": a fallback label. */
export function labelOfKey(field: string): string {
  const last =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? field;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * `message` without its `field: ` prefix, as a sentence. `label` names the field as the form shows it
 * (default: made from the key). Starts with a capital; a fragment is completed with the label and a full stop.
 */
export function messageForField(message: string, field?: string | null, label?: string): string {
  let text = message.trim();
  if (field && (text === `${field}:` || text.startsWith(`${field}: `)))
    text = text.slice(field.length + 1).trim();
  else {
    // A prefix naming another key (`expMonth: …`): a person reads only the part after it.
    const prefixed = /^[A-Za-z][A-Za-z0-9_.]*: (.+)$/s.exec(text);
    if (prefixed?.[1] && !/\s/.test(text.slice(0, text.indexOf(':')))) text = prefixed[1].trim();
  }
  if (text === '') return label ? `Check the ${label.toLowerCase()}` : 'Check this field';
  const first = text.charAt(0);
  if (first !== first.toLowerCase() || !/[a-z]/.test(first)) return text;
  // A fragment ("is required for…", "must be…"): the field is its subject.
  const subject = label ?? (field ? labelOfKey(field) : 'This field');
  return `${subject} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
}
