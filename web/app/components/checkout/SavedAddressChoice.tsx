/** A saved address as the checkout offers it: its lines as written on a parcel, and whether it is the default. */
export interface SavedAddressOption {
  id: string;
  lines: string[];
  isDefault: boolean;
}

/**
 * "Ship to": a signed-in customer's saved addresses (the default first and chosen unless the last submission
 * chose otherwise) and "A new address", which shows the address fields (through CSS alone, so it works
 * without JavaScript). Posted as `savedAddressId`: an id, or `new`.
 */
export function SavedAddressChoice({
  addresses,
  chosen,
  error,
}: {
  addresses: SavedAddressOption[];
  chosen: string;
  error: string | undefined;
}) {
  const option =
    'flex cursor-pointer items-start gap-3 rounded-lg border border-gray-400 bg-surface p-3 has-checked:border-primary has-checked:ring-2 has-checked:ring-primary';
  return (
    <fieldset className="space-y-3" aria-describedby={error ? 'saved-address-error' : undefined}>
      <legend className="mb-3 font-medium text-gray-900">Ship to</legend>
      {error ? (
        <p id="saved-address-error" className="text-sm font-medium text-red-700">
          <span aria-hidden="true">! </span>
          {error}
        </p>
      ) : null}
      {addresses.map((a) => (
        <label key={a.id} className={option}>
          <input
            type="radio"
            id={`ship-to-${a.id}`}
            name="savedAddressId"
            value={a.id}
            defaultChecked={chosen === a.id}
            className="mt-0.5 size-5 shrink-0 accent-primary"
          />
          <span className="min-w-0 flex-1 break-words">
            <span className="font-medium text-gray-900">{a.lines[0]}</span>
            {a.isDefault ? <span className="text-sm text-muted"> (default)</span> : null}
            <span className="block text-sm text-muted">{a.lines.slice(1).join(', ')}</span>
          </span>
        </label>
      ))}
      <label className={option}>
        <input
          type="radio"
          id="ship-to-new"
          name="savedAddressId"
          value="new"
          defaultChecked={chosen === 'new' || !addresses.some((a) => a.id === chosen)}
          className="mt-0.5 size-5 shrink-0 accent-primary"
        />
        <span className="font-medium text-gray-900">A new address</span>
      </label>
    </fieldset>
  );
}
