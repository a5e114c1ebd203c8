import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { CartLineItem } from '../components/cart/CartLineItem.tsx';
import { ShippingMethodList } from '../components/cart/ShippingMethodList.tsx';
import { CartIcon } from '../components/icons.tsx';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Price } from '../components/ui/Price.tsx';
import {
  cartCookieHeaders,
  cartTokenFrom,
  getCart,
  intField,
  MAX_QUANTITY_PER_LINE,
  problemOf,
  removeCartLine,
  setCartLineQuantity,
  variantIdField,
} from '../lib/cart.server.ts';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const cart = await getCart(context.ctx, cartTokenFrom(context, request));
  const addedId = new URL(request.url).searchParams.get('added');
  const added = addedId ? cart.lines.find((l) => l.variantId === addedId) : undefined;
  return {
    cart,
    added: added ? `${added.productName} (${added.variantName})` : null,
    canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, '/cart'),
  };
}

/** Quantity changes and removals: the same services as PATCH and DELETE /api/cart/lines/{variantId}. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const variantId = variantIdField(form.get('variantId'));
  const intent = form.get('intent');
  const typed = String(form.get('quantity') ?? '').slice(0, 10);
  if (!variantId) throw data(null, { status: 400, statusText: 'Bad Request' });
  const token = cartTokenFrom(context, request);
  const refuse = (message: string, status: number) =>
    data({ errors: { [variantId]: message }, typed: { [variantId]: typed } }, { status });
  try {
    if (intent === 'remove') {
      await removeCartLine(context.ctx, token, variantId);
      return redirect('/cart', 303);
    }
    const quantity = intField(form.get('quantity'));
    if (quantity === null || quantity > MAX_QUANTITY_PER_LINE) {
      return refuse(`Enter a quantity from 0 to ${MAX_QUANTITY_PER_LINE} (0 removes the item)`, 400);
    }
    const change = await setCartLineQuantity(context.ctx, token, variantId, quantity);
    return redirect('/cart', { status: 303, headers: cartCookieHeaders(context, change.token) });
  } catch (error) {
    const problem = problemOf(error);
    return refuse(problem.message, problem.status);
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => [
  ...pageMeta(
    matches,
    'Your cart',
    'The products in your cart, their prices and the shipping options.',
    d ? { canonical: d.canonical } : undefined,
  ),
  { name: 'robots', content: 'noindex, follow' },
];

export default function CartPage() {
  const { cart, added } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';

  if (cart.lines.length === 0) {
    return (
      <>
        <PageHeader title="Your cart" />
        <EmptyState
          icon={<CartIcon className="size-10" />}
          title="Your cart is empty"
          description="Browse the shop and add the phone, tablet or accessory you like; it will wait for you here."
          action={<ButtonLink to="/products">Browse products</ButtonLink>}
        />
      </>
    );
  }

  const blocked = cart.lines.some((l) => !l.available);
  const cheapest = cart.shippingMethods[0];
  return (
    <>
      <PageHeader
        title="Your cart"
        description={`${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}`}
        breadcrumbs={[{ label: 'Home', to: '/' }]}
      />
      {added ? (
        <Notice tone="success" title="Added to your cart" className="mb-6">
          {added}
        </Notice>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="lines-title">
          <h2 id="lines-title" className="sr-only">
            Items
          </h2>
          <ul className="divide-y divide-gray-200 rounded-xl bg-surface px-4 ring-1 ring-line sm:px-6">
            {cart.lines.map((line) => (
              <CartLineItem
                key={line.variantId}
                line={line}
                maxQuantity={cart.maxQuantityPerLine}
                error={result?.errors[line.variantId]}
                typedQuantity={result?.typed[line.variantId]}
                busy={busy}
              />
            ))}
          </ul>
        </section>

        <aside
          aria-labelledby="summary-title"
          className="h-fit space-y-5 rounded-xl bg-surface p-5 ring-1 ring-line"
        >
          <h2 id="summary-title" className="text-lg font-semibold text-gray-900">
            Summary
          </h2>
          <dl className="flex items-baseline justify-between">
            <dt className="font-medium">Subtotal</dt>
            <dd>
              <Price cents={cart.subtotalCents} className="text-lg text-gray-900" />
            </dd>
          </dl>
          <div className="space-y-2 border-t border-line pt-4">
            <h3 className="font-medium text-gray-900">Shipping</h3>
            <ShippingMethodList methods={cart.shippingMethods} />
            <p className="text-sm text-muted">You choose the shipping method at checkout.</p>
          </div>
          {cheapest ? (
            <dl className="flex items-baseline justify-between border-t border-line pt-4">
              <dt className="font-medium">Total with {cheapest.name.toLowerCase()}</dt>
              <dd>
                <Price cents={cart.subtotalCents + cheapest.priceCents} className="text-lg text-gray-900" />
              </dd>
            </dl>
          ) : null}
          {blocked ? (
            <Notice tone="warning" title="Some items are not available">
              Change or remove them before checking out.
            </Notice>
          ) : null}
          <ButtonLink to="/checkout" size="lg" block>
            Go to checkout
          </ButtonLink>
          <ButtonLink to="/products" variant="secondary" block>
            Continue shopping
          </ButtonLink>
        </aside>
      </div>
    </>
  );
}
