import { Form } from 'react-router';
import { AddressFields } from '../checkout/AddressFields.tsx';
import { Badge } from '../ui/Badge.tsx';
import { Button, ButtonLink } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

export interface AddressCard {
  id: string;
  /** As written on a parcel to its country (the shop's one address format). */
  lines: string[];
  isDefault: boolean;
  /** The address as the form's `shippingAddress.*` values, to edit it. */
  values: Record<string, string>;
}

export interface AddressBookProps {
  addresses: AddressCard[];
  max: number;
  /** The address being edited (`?edit-address=<id>`), or null: the form adds a new one. */
  editing: AddressCard | null;
  /** The last address form's answer when it was refused: what was typed and the messages at the fields. */
  refused: {
    values: Record<string, string>;
    errors: Partial<Record<string, string>>;
    formError: string | null;
  } | null;
  countries: Array<{ value: string; label: string }>;
  busy: boolean;
  /** Said once after a change (saved, removed, new default). */
  done: string | null;
}

/**
 * The account's address book on the profile page: each address with its default mark, edit (a link, so it
 * works without JavaScript), make default and remove (small forms); one form below adds an address or
 * changes the one being edited, with the checkout's fields and messages. Full at `max`: the form says so.
 */
export function AddressBook({ addresses, max, editing, refused, countries, busy, done }: AddressBookProps) {
  const full = addresses.length >= max && !editing;
  const values = refused?.values ?? editing?.values ?? {};
  const errors = busy ? {} : (refused?.errors ?? {});
  return (
    <section aria-labelledby="addresses-title" className="space-y-5">
      <div>
        <h2 id="addresses-title" className="text-lg font-semibold text-gray-900">
          Addresses
        </h2>
        <p className="text-sm text-muted">
          Saved addresses are offered at checkout, the default one first. You can keep up to {max}.
        </p>
      </div>
      {done ? <Notice tone="success" title={done} /> : null}
      {addresses.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {addresses.map((a) => (
            <li
              key={a.id}
              className="flex flex-col justify-between gap-4 rounded-xl bg-surface p-5 ring-1 ring-line"
            >
              <div className="space-y-2">
                {a.isDefault ? <Badge tone="info">Default</Badge> : null}
                <address className="not-italic text-gray-800 break-words">
                  {a.lines.map((line, i) => (
                    // Lines of one address may repeat (a name that is also a street): the index keeps them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: the lines never move
                    <span key={i} className="block">
                      {line}
                    </span>
                  ))}
                </address>
              </div>
              <div className="flex flex-wrap gap-2">
                <ButtonLink
                  to={`/account/profile?edit-address=${a.id}#address-form-title`}
                  variant="secondary"
                  size="sm"
                  aria-label={`Edit the address of ${a.lines.slice(0, 2).join(', ')}`}
                >
                  Edit
                </ButtonLink>
                {a.isDefault ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="address-default" />
                    <input type="hidden" name="addressId" value={a.id} />
                    <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                      Make default
                    </Button>
                  </Form>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="address-remove" />
                  <input type="hidden" name="addressId" value={a.id} />
                  <Button
                    type="submit"
                    variant="ghost"
                    size="sm"
                    disabled={busy}
                    aria-label={`Remove the address of ${a.lines.slice(0, 2).join(', ')}`}
                  >
                    Remove
                  </Button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-gray-800">No saved addresses yet.</p>
      )}

      {full ? (
        <Notice tone="info" title="Your address book is full">
          It keeps up to {max} addresses. Remove one you no longer use to add another.
        </Notice>
      ) : (
        <Form
          // A new form once an address is added or the edit ends: what was typed for it is gone.
          key={editing?.id ?? `new-${addresses.length}`}
          method="post"
          noValidate
          aria-labelledby="address-form-title"
          className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h3 id="address-form-title" className="text-base font-semibold text-gray-900">
            {editing ? 'Change this address' : 'Add an address'}
          </h3>
          {refused?.formError ? (
            <Notice tone="danger" title="The address was not saved">
              {refused.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value={editing ? 'address-save' : 'address-add'} />
          {editing ? <input type="hidden" name="addressId" value={editing.id} /> : null}
          <AddressFields values={values} errors={errors} countries={countries} defaultCountry="US" />
          {editing?.isDefault ? null : (
            <label className="flex items-center gap-3 text-gray-900">
              <input
                type="checkbox"
                name="isDefault"
                value="1"
                defaultChecked={values.isDefault === '1'}
                className="size-5 accent-primary"
              />
              Make this my default address
            </label>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" busy={busy}>
              {editing ? 'Save the address' : 'Add the address'}
            </Button>
            {editing ? (
              <ButtonLink to="/account/profile#addresses-title" variant="ghost">
                Cancel
              </ButtonLink>
            ) : null}
          </div>
        </Form>
      )}
    </section>
  );
}
