import { useState } from 'react';
import {
  type ActionFunctionArgs,
  data,
  Form,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
} from 'react-router';
import { categoryLabels } from '../components/product/categories.ts';
import { EmailAFriend } from '../components/product/EmailAFriend.tsx';
import { ProductDescription } from '../components/product/ProductDescription.tsx';
import { ProductGallery } from '../components/product/ProductGallery.tsx';
import { StockBadge } from '../components/product/StockNote.tsx';
import { VariantPicker } from '../components/product/VariantPicker.tsx';
import { WarrantyPanel } from '../components/product/WarrantyPanel.tsx';
import { Badge } from '../components/ui/Badge.tsx';
import { Button } from '../components/ui/Button.tsx';
import { Notice } from '../components/ui/Notice.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { Price } from '../components/ui/Price.tsx';
import { Select } from '../components/ui/Select.tsx';
import {
  addCartLine,
  cartCookieHeaders,
  cartTokenFrom,
  intField,
  MAX_QUANTITY_PER_LINE,
  problemOf,
  variantIdField,
} from '../lib/cart.server.ts';
import { getProduct, type ProductDetail } from '../lib/catalog.server.ts';
import { submitEmailAFriend } from '../lib/email-a-friend.server.ts';
import { readForm } from '../lib/form.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';
import { isNotFound } from '../lib/orders.server.ts';
import { currentPolicySettings } from '../lib/policy.server.ts';

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const product = await getProduct(context.ctx.db, slug).catch((error: unknown) => {
    if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
    throw error;
  });
  const policy = await currentPolicySettings(context.ctx);
  const wanted = new URL(request.url).searchParams.get('variant');
  const forSale = product.variants.filter((v) => v.stock > 0);
  const preselected =
    forSale.find((v) => v.id === wanted) ?? forSale.find((v) => v.priceCents === product.priceFromCents);
  const publicUrl = context.ctx.config.PUBLIC_URL;
  const canonical = absoluteUrl(publicUrl, `/products/${encodeURIComponent(product.slug)}`);
  return {
    product,
    preselectedId: preselected?.id ?? forSale[0]?.id ?? null,
    doaDays: policy.doaDaysAfterDelivery,
    maxQuantity: MAX_QUANTITY_PER_LINE,
    canonical,
    imageUrl: product.image ? absoluteUrl(publicUrl, product.image.url) : null,
    jsonLd: productJsonLd(product, canonical, publicUrl),
    nonce: context.nonce,
  };
}

/** schema.org Product with one Offer per variant, for search engines' product results. */
function productJsonLd(product: ProductDetail, canonical: string, publicUrl: string): string {
  const json = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.summary,
    brand: { '@type': 'Brand', name: product.brand },
    category: categoryLabels[product.category],
    url: canonical,
    image: product.images.map((i) => absoluteUrl(publicUrl, i.url)),
    offers: product.variants.map((v) => ({
      '@type': 'Offer',
      sku: v.sku,
      name: `${product.name} (${v.name})`,
      price: (v.priceCents / 100).toFixed(2),
      priceCurrency: 'USD',
      availability: v.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      url: `${canonical}?variant=${v.id}`,
    })),
  };
  // `<` escaped: the text sits inside a <script> element and must never close it.
  return JSON.stringify(json).replace(/</g, '\\u003c');
}

/**
 * Two forms post here: "Email a friend" (`intent=email-a-friend`, PV-COL-2) and add to cart (no intent):
 * the same service and cookie as POST /api/cart/lines, then on to the cart.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (form.get('intent') === 'email-a-friend') {
    try {
      const { status, ...result } = await submitEmailAFriend(context, params.slug ?? '', form);
      return data(result, { status });
    } catch (error) {
      if (isNotFound(error)) throw data(null, { status: 404, statusText: 'Not Found' });
      throw error;
    }
  }
  const variantId = variantIdField(form.get('variantId'));
  const quantity = intField(form.get('quantity'));
  const values = { variantId: variantId ?? '', quantity: String(form.get('quantity') ?? '1') };
  const errors: { variantId?: string; quantity?: string } = {};
  if (!variantId) errors.variantId = 'Choose a model first';
  if (quantity === null || quantity < 1 || quantity > MAX_QUANTITY_PER_LINE) {
    errors.quantity = `Choose a quantity from 1 to ${MAX_QUANTITY_PER_LINE}`;
  }
  if (!variantId || quantity === null || errors.quantity) return data({ errors, values }, { status: 400 });
  try {
    const { token } = await addCartLine(context.ctx, cartTokenFrom(context, request), variantId, quantity);
    return redirect(`/cart?added=${variantId}`, { status: 303, headers: cartCookieHeaders(context, token) });
  } catch (error) {
    const problem = problemOf(error);
    const field = problem.field === 'quantity' ? 'quantity' : 'variantId';
    return data({ errors: { [field]: problem.message }, values }, { status: problem.status });
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) =>
  d
    ? pageMeta(matches, d.product.name, d.product.summary, {
        canonical: d.canonical,
        image: d.imageUrl,
        imageAlt: d.product.image?.alt,
        type: 'product',
      })
    : pageMeta(matches, 'Product not found');

export default function ProductPage() {
  const loaded = useLoaderData<typeof loader>();
  return <ProductView key={loaded.product.id} {...loaded} />;
}

function ProductView({
  product,
  preselectedId,
  doaDays,
  maxQuantity,
  jsonLd,
  nonce,
}: Awaited<ReturnType<typeof loader>>) {
  const actionData = useActionData<typeof action>();
  const friendData = actionData && 'intent' in actionData ? actionData : undefined;
  const cartData = actionData && !('intent' in actionData) ? actionData : undefined;
  const navigation = useNavigation();
  const [selectedId, setSelectedId] = useState<string | null>(cartData?.values.variantId || preselectedId);
  const selected = product.variants.find((v) => v.id === selectedId) ?? null;
  const soldOut = !product.variants.some((v) => v.stock > 0);
  const quantityChoices = Math.max(1, Math.min(maxQuantity, selected?.stock ?? maxQuantity));
  const posting = navigation.state !== 'idle' && navigation.formMethod === 'POST';
  const sharing = posting && navigation.formData?.get('intent') === 'email-a-friend';
  const adding = posting && !sharing;
  const category = categoryLabels[product.category];

  return (
    <>
      <script
        type="application/ld+json"
        nonce={nonce}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON-LD built by the loader, `<` escaped.
        dangerouslySetInnerHTML={{ __html: jsonLd }}
      />
      {/* Phones read title → pictures → buying → description; wide screens put pictures and description on
          the left, title and buying on the right. `contents` lets the phone order cross the two columns. */}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-2 lg:gap-12">
        <div className="contents lg:block lg:space-y-10">
          <div className="order-2">
            <ProductGallery images={product.images} name={product.name} />
          </div>
          <section aria-labelledby="about-title" className="order-4 space-y-3">
            <h2 id="about-title" className="text-xl font-bold text-gray-900">
              About the {product.name}
            </h2>
            <ProductDescription text={product.description} />
          </section>
        </div>

        <div className="contents lg:block">
          <div className="order-1">
            <PageHeader
              className="mb-0 sm:mb-0"
              breadcrumbs={[
                { label: 'Home', to: '/' },
                { label: 'Products', to: '/products' },
                { label: category, to: `/products?category=${product.category}` },
              ]}
              title={product.name}
              description={product.summary}
            />
          </div>

          <div className="order-3 lg:mt-6">
            <div className="flex flex-wrap items-center gap-3">
              <Price
                cents={selected?.priceCents ?? product.priceFromCents}
                from={!selected && new Set(product.variants.map((v) => v.priceCents)).size > 1}
                className="text-2xl text-gray-900"
              />
              {selected ? <StockBadge stock={selected.stock} /> : null}
              {product.clearance ? <Badge tone="warning">Clearance</Badge> : null}
            </div>

            {soldOut ? (
              <Notice tone="warning" title="Out of stock" className="mt-6">
                Every model of {product.name} is sold out for now.
              </Notice>
            ) : (
              <Form method="post" className="mt-6 space-y-5" aria-label={`Add ${product.name} to your cart`}>
                <VariantPicker
                  variants={product.variants}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  error={cartData?.errors.variantId}
                />
                <div className="flex flex-wrap items-end gap-3">
                  <Select
                    label="Quantity"
                    name="quantity"
                    id="quantity"
                    defaultValue={cartData?.values.quantity ?? '1'}
                    error={cartData?.errors.quantity}
                    fieldClassName="w-28"
                    options={Array.from({ length: quantityChoices }, (_, i) => ({
                      value: String(i + 1),
                      label: String(i + 1),
                    }))}
                  />
                  <Button type="submit" size="lg" busy={adding} className="min-w-48 flex-1 sm:flex-none">
                    Add to cart
                  </Button>
                </div>
              </Form>
            )}

            {product.batchVarianceNote ? (
              <Notice tone="info" title="About logo and packaging" className="mt-6">
                {product.batchVarianceNote}
              </Notice>
            ) : null}

            <div className="mt-6">
              <WarrantyPanel warranty={product.warranty} doaDays={doaDays} />
            </div>

            <EmailAFriend
              // A new form after each email sent, so its fields empty.
              key={friendData?.sentId ?? 'form'}
              productName={product.name}
              values={friendData?.values}
              errors={friendData?.errors}
              sentTo={friendData?.sentTo}
              busy={sharing}
            />
          </div>
        </div>
      </div>
    </>
  );
}
