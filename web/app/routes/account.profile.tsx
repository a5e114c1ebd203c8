import {
  type ActionFunctionArgs,
  type AppLoadContext,
  data,
  Form,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { nameInput, phoneInput } from '../../../src/accounts/customers/schemas.ts';
import { NotFound } from '../../../src/shared/errors.ts';
import { formatAddress } from '../../../src/shared/format.ts';
import { AccountNav } from '../components/account/AccountNav.tsx';
import { AddressBook } from '../components/account/AddressBook.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Input } from '../components/ui/Input.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import {
  addAddress,
  addressBookMax,
  type CustomerPrincipal,
  emailProblem,
  listAddresses,
  makeDefaultAddress,
  removeAddress,
  requestEmailChange,
  requestMeta,
  requireCustomerPage,
  textField,
  updateAddress,
  updateProfile,
} from '../lib/account.server.ts';
import { hasErrors, isUuid, placeProblem, refusalOf } from '../lib/account-forms.server.ts';
import { addressValues, countryOptions, parseAddressForm } from '../lib/checkout.server.ts';
import { readForm } from '../lib/form.server.ts';
import { pageMeta } from '../lib/meta.ts';
import { accountSubscription, setAccountSubscription } from '../lib/newsletter.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const params = new URL(request.url).searchParams;
  const addresses = (await listAddresses(context.ctx, customer)).map((a) => ({
    id: a.id,
    lines: formatAddress(a.address),
    isDefault: a.isDefault,
    values: addressValues(a.address) as Record<string, string>,
  }));
  const done = (Object.keys(addressDone) as Array<keyof typeof addressDone>).find(
    (k) => params.get(k) === '1',
  );
  return {
    customer: { name: customer.name, email: customer.email, phone: customer.phone ?? '' },
    saved: params.get('saved') === '1',
    emailChanged: params.get('email-changed') === '1',
    addresses,
    addressMax: addressBookMax(context),
    editing: addresses.find((a) => a.id === params.get('edit-address')) ?? null,
    addressDone: done ? addressDone[done] : null,
    countries: countryOptions(),
    newsletter: await accountSubscription(context.ctx.db, customer),
    newsletterSaved: params.get('newsletter-saved') === '1',
  };
}

const addressDone = {
  'address-saved': 'The address is saved',
  'address-removed': 'The address is removed',
  'address-default': 'That address is now your default',
} as const;

type Intent = 'profile' | 'email' | 'address';

interface Refusal {
  /** Which of the page's forms was sent: its fields keep what was typed and show its messages. */
  intent: Intent;
  values: Record<string, string>;
  errors: Partial<Record<string, string>>;
  formError: string | null;
}

const refuse = refusalOf<Refusal, 'errors' | 'formError'>({ errors: {}, formError: null });

/**
 * The profile's forms: name and phone are saved at once; a new email address needs the current password and
 * is only used once the link sent to it is followed (the current address is told about the change); the
 * address book adds, changes, removes an address or makes one the default (the checkout's address rules).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomerPage(context, request);
  const form = await readForm(request);
  const intent = String(form.get('intent') ?? '');
  if (intent.startsWith('address-')) return addressAction(context, customer, intent, form);
  if (intent === 'email') return emailAction(context, request, customer, form);
  if (intent === 'newsletter') {
    // PV-USE-1: the account's address is verified, so the box is the opt-in itself (confirmed and recorded).
    await setAccountSubscription(context.ctx, customer, form.get('subscribed') === '1');
    return redirect('/account/profile?newsletter-saved=1#newsletter-title', 303);
  }
  if (intent !== 'profile') throw data(null, { status: 400, statusText: 'Bad Request' });
  const values = { name: textField(form, 'name', 300), phone: textField(form, 'phone', 100) };
  const errors: Refusal['errors'] = {};
  // The API's own rules (src/accounts/customers/schemas.ts): one name and phone check for both ways in.
  if (!values.name.trim()) errors.name = 'Enter your name';
  else if (!nameInput.safeParse(values.name).success) {
    errors.name =
      values.name.trim().length > 200
        ? 'Use at most 200 characters'
        : 'Use characters you can see, on one line, without control characters';
  }
  if (!phoneInput.safeParse(values.phone).success) {
    errors.phone = 'Enter a phone number with digits, such as +1 555 0100, or leave it empty';
  }
  if (hasErrors(errors)) return refuse(400, { intent: 'profile', values, errors });
  try {
    // PV-COL-1 (src/accounts/customers/profile.service.ts): only the name and phone are kept.
    await updateProfile(context.ctx, customer, {
      name: values.name.trim(),
      phone: values.phone.trim() || null,
    });
  } catch (error) {
    const { status, errors, formError } = placeProblem(error, { name: 'name', phone: 'phone' });
    return refuse(status, { intent: 'profile', values, errors, formError });
  }
  return redirect('/account/profile?saved=1', 303);
}

async function emailAction(
  context: AppLoadContext,
  request: Request,
  customer: CustomerPrincipal,
  form: FormData,
) {
  const values = { newEmail: textField(form, 'newEmail', 320) };
  const password = textField(form, 'password', 1000);
  const errors: Refusal['errors'] = {};
  const emailError = emailProblem(values.newEmail);
  if (emailError) errors.newEmail = emailError;
  else if (values.newEmail.trim().toLowerCase() === customer.email) {
    errors.newEmail = 'This is already your email address';
  }
  if (!password) errors.password = 'Enter your current password';
  if (hasErrors(errors)) return refuse(400, { intent: 'email', values, errors });
  try {
    await requestEmailChange(context.ctx, customer, values.newEmail, password, requestMeta(context, request));
  } catch (error) {
    const { status, errors, formError } = placeProblem(
      error,
      { password: 'password', currentPassword: 'password', email: 'newEmail', newEmail: 'newEmail' },
      { unauthenticated: 'password' },
    );
    return refuse(status, { intent: 'email', values, errors, formError });
  }
  return redirect('/account/check-email?for=email', 303);
}

/** The address book's four forms, through the same service as /api/account/addresses. */
async function addressAction(
  context: AppLoadContext,
  customer: CustomerPrincipal,
  intent: string,
  form: FormData,
) {
  const id = textField(form, 'addressId', 40).toLowerCase();
  const isDefault = form.get('isDefault') === '1';
  const parsed = intent === 'address-add' || intent === 'address-save' ? parseAddressForm(form) : null;
  const values: Record<string, string> = { ...parsed?.values, isDefault: isDefault ? '1' : '' };
  if (parsed && !parsed.address) return refuse(400, { intent: 'address', values, errors: parsed.errors });
  try {
    if (intent !== 'address-add' && !isUuid(id)) throw new NotFound('Address');
    if (intent === 'address-add' && parsed?.address) {
      await addAddress(context.ctx, customer, { address: parsed.address, isDefault });
    } else if (intent === 'address-save' && parsed?.address) {
      await updateAddress(context.ctx, customer, id, { address: parsed.address, isDefault });
    } else if (intent === 'address-default') {
      await makeDefaultAddress(context.ctx, customer, id);
    } else if (intent === 'address-remove') {
      await removeAddress(context.ctx, customer, id);
      return redirect('/account/profile?address-removed=1#addresses-title', 303);
    } else {
      throw new NotFound('Address');
    }
  } catch (error) {
    const placed = placeProblem(error, {});
    // Removed or changed in another tab meanwhile: the book as it is now, with the reason above the form.
    const message =
      placed.problem.code === 'not_found'
        ? 'This address is no longer in your address book: it was removed, perhaps in another window.'
        : placed.formError;
    return refuse(placed.status, { intent: 'address', values, errors: placed.errors, formError: message });
  }
  const done = intent === 'address-default' ? 'address-default' : 'address-saved';
  return redirect(`/account/profile?${done}=1#addresses-title`, 303);
}

export const meta: MetaFunction = ({ matches }) => [
  ...pageMeta(matches, 'Your profile'),
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ProfilePage() {
  const {
    customer,
    saved,
    emailChanged,
    addresses,
    addressMax,
    editing,
    addressDone,
    countries,
    newsletter,
    newsletterSaved,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const errors = busy ? {} : (result?.errors ?? {});
  const profileValues = result?.intent === 'profile' ? { ...customer, ...result.values } : customer;
  return (
    <>
      <PageHeader
        title="Your profile"
        breadcrumbs={[{ label: 'Your account', to: '/account' }]}
        description="Your name and phone number, the email address we write to, and the addresses you ship to."
      />
      <AccountNav />
      <div className="grid gap-8 lg:grid-cols-2">
        <Form
          method="post"
          noValidate
          aria-labelledby="details-title"
          className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="details-title" className="text-lg font-semibold text-gray-900">
            Name and phone
          </h2>
          {saved && !result ? <Notice tone="success" title="Your details are saved" /> : null}
          {emailChanged && !result ? (
            <Notice tone="success" title="Your new email address is confirmed" />
          ) : null}
          {result?.intent === 'profile' && result.formError ? (
            <Notice tone="danger" title="Nothing was saved">
              {result.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="profile" />
          <Input
            label="Name"
            id="field-name"
            name="name"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={profileValues.name}
            error={result?.intent === 'profile' ? errors.name : undefined}
          />
          <Input
            label="Phone (optional)"
            hint="Only for questions about a delivery or a case."
            id="field-phone"
            name="phone"
            type="tel"
            autoComplete="tel"
            maxLength={30}
            defaultValue={profileValues.phone}
            error={result?.intent === 'profile' ? errors.phone : undefined}
          />
          <Button type="submit" busy={busy}>
            Save
          </Button>
        </Form>

        <Form
          method="post"
          noValidate
          aria-labelledby="email-title"
          className="space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
        >
          <h2 id="email-title" className="text-lg font-semibold text-gray-900">
            Email address
          </h2>
          <p className="text-gray-800">
            Now <strong className="font-semibold break-all">{customer.email}</strong>. A new address is used
            once you follow the link we send to it.
          </p>
          {result?.intent === 'email' && result.formError ? (
            <Notice tone="danger" title="The email address was not changed">
              {result.formError}
            </Notice>
          ) : null}
          <input type="hidden" name="intent" value="email" />
          <Input
            label="New email address"
            id="field-newEmail"
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            defaultValue={result?.intent === 'email' ? result.values.newEmail : ''}
            error={result?.intent === 'email' ? errors.newEmail : undefined}
          />
          <Input
            label="Current password"
            hint="To make sure it is you."
            id="field-email-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={256}
            error={result?.intent === 'email' ? errors.password : undefined}
          />
          <Button type="submit" variant="secondary" busy={busy}>
            Send the link
          </Button>
        </Form>
      </div>
      <Form
        method="post"
        aria-labelledby="newsletter-title"
        className="mt-8 space-y-4 rounded-xl bg-surface p-5 ring-1 ring-line sm:p-6"
      >
        <h2 id="newsletter-title" className="text-lg font-semibold text-gray-900">
          Special offers by email
        </h2>
        {newsletterSaved && !result ? (
          <Notice
            tone="success"
            title={
              newsletter.subscribed ? 'You are subscribed to our offers' : 'You receive no offers from us'
            }
          />
        ) : null}
        <input type="hidden" name="intent" value="newsletter" />
        <label className="flex items-start gap-3 text-gray-800">
          <input
            type="checkbox"
            name="subscribed"
            value="1"
            defaultChecked={newsletter.subscribed}
            className="mt-1 size-5 shrink-0 accent-primary"
          />
          <span>
            Send special offers to <strong className="font-semibold break-all">{customer.email}</strong>.
            Never shared with anyone; every email unsubscribes in one click.
          </span>
        </label>
        <Button type="submit" variant="secondary" busy={busy}>
          Save
        </Button>
      </Form>
      <div className="mt-10">
        <AddressBook
          addresses={addresses}
          max={addressMax}
          editing={editing}
          refused={result?.intent === 'address' ? result : null}
          countries={countries}
          busy={busy}
          done={result ? null : addressDone}
        />
      </div>
    </>
  );
}
