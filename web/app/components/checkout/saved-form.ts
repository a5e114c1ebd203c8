/**
 * What a person typed at checkout, kept in the tab's sessionStorage so that a reload (or a trip back from
 * the cart) does not lose it. Only the named fields of the form are kept, which are never card data: the
 * card inputs have no name (PV-PAY-1), and the Idempotency-Key is left out so a reload starts a new
 * attempt. sessionStorage belongs to the tab and is gone when it closes; the order page clears it once the
 * order is placed.
 */
import { type CheckoutValues, checkoutFields } from './fields.ts';

const KEY = 'aftercare:checkout-form';

/** Storage may be missing or full (private windows, quotas): keeping the form is a convenience only. */
function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** The form's named fields → sessionStorage. */
export function saveCheckoutForm(form: HTMLFormElement): void {
  const data = new FormData(form);
  const values: CheckoutValues = {};
  for (const name of checkoutFields) {
    const value = data.get(name);
    if (typeof value === 'string' && value !== '') values[name] = value.slice(0, 500);
  }
  try {
    storage()?.setItem(KEY, JSON.stringify(values));
  } catch {
    // Full or refused: nothing to keep.
  }
}

/** What was saved for this tab, or an empty object. */
export function savedCheckoutForm(): CheckoutValues {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    const values: CheckoutValues = {};
    for (const name of checkoutFields) {
      const value = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string') values[name] = value;
    }
    return values;
  } catch {
    return {};
  }
}

/**
 * Puts saved values back into the form's controls (which the server rendered empty): text inputs and
 * selects get their value, radios are checked. A text field that already holds something keeps it.
 */
export function restoreCheckoutForm(form: HTMLFormElement, values: CheckoutValues): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      `[name="${CSS.escape(name)}"]`,
    )) {
      if (control instanceof HTMLInputElement && control.type === 'radio') {
        if (control.value === value && !control.disabled) control.checked = true;
      } else if (control instanceof HTMLSelectElement) {
        control.value = value;
        // The page follows the chosen country (the postal code's hint): tell it, as a person's choice would.
        control.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (control.value === '') {
        control.value = value;
      }
    }
  }
}

/** Forgets the saved form: after the order is placed. */
export function clearSavedCheckoutForm(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
