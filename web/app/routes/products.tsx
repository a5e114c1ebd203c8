import { type MouseEvent, useEffect, useRef, useState } from 'react';
import {
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
  useFetcher,
  useLoaderData,
  useLocation,
} from 'react-router';
import { ProductGrid } from '../components/catalog/ProductCard.tsx';
import { DeviceIcon } from '../components/icons.tsx';
import {
  type CatalogFilterErrors,
  CatalogFilters,
  type CatalogFilterValues,
  catalogHref,
  sortOptions,
} from '../components/product/CatalogFilters.tsx';
import { categoryDescriptions, categoryLabels, isCategory } from '../components/product/categories.ts';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { isRejectedQuery, listProducts } from '../lib/catalog.server.ts';
import { absoluteUrl, pageMeta } from '../lib/meta.ts';

const PAGE_SIZE = 24;
const MAX_DOLLARS = 100_000;

/** "250", "249.99", "1,299" → cents; null when it is not an amount. */
function dollarsToCents(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '').replace(/^US/i, '');
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(clean)) return null;
  const cents = Math.round(Number(clean) * 100);
  return cents <= MAX_DOLLARS * 100 ? cents : null;
}

/** The catalogue through the same service as GET /api/products: category, price, clearance, sort, pages. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = url.searchParams;
  const errors: CatalogFilterErrors = {};
  const rawCategory = params.get('category') || null;
  const category = isCategory(rawCategory) ? rawCategory : null;
  if (rawCategory && !category) errors.category = 'There is no such category: showing every product.';
  const rawSort = params.get('sort') || 'newest';
  const sort = sortOptions.some((o) => o.value === rawSort) ? rawSort : 'newest';
  const minPrice = (params.get('minPrice') ?? '').trim().slice(0, 20);
  const maxPrice = (params.get('maxPrice') ?? '').trim().slice(0, 20);
  let minPriceCents = minPrice ? dollarsToCents(minPrice) : null;
  let maxPriceCents = maxPrice ? dollarsToCents(maxPrice) : null;
  if (minPrice && minPriceCents === null) errors.minPrice = 'Enter an amount in dollars, such as 200';
  if (maxPrice && maxPriceCents === null) errors.maxPrice = 'Enter an amount in dollars, such as 600';
  if (minPriceCents !== null && maxPriceCents !== null && minPriceCents > maxPriceCents) {
    errors.maxPrice = 'The highest price must be at least the lowest price';
    minPriceCents = null;
    maxPriceCents = null;
  }
  const clearance = params.get('clearance') === 'true' || params.get('clearance') === 'on';
  const cursor = params.get('cursor') || undefined;

  let page: Awaited<ReturnType<typeof listProducts>>;
  try {
    page = await listProducts(context.ctx.db, {
      sort: sort as 'newest' | 'price_asc' | 'price_desc',
      limit: PAGE_SIZE,
      ...(category ? { category } : {}),
      ...(minPriceCents !== null ? { minPriceCents } : {}),
      ...(maxPriceCents !== null ? { maxPriceCents } : {}),
      ...(clearance ? { clearance: true } : {}),
      ...(cursor ? { cursor } : {}),
    });
  } catch (error) {
    // A cursor from another listing (or an old link): start again from the first page.
    if (cursor && isRejectedQuery(error)) {
      params.delete('cursor');
      throw redirect(`/products${params.size ? `?${params}` : ''}`);
    }
    throw error;
  }

  const filters: CatalogFilterValues = { category, minPrice, maxPrice, clearance, sort };
  const title = category ? categoryLabels[category] : clearance ? 'Clearance' : 'All products';
  const description = category
    ? categoryDescriptions[category]
    : clearance
      ? 'Reduced prices on last units. Clearance products are sold without the 1-year warranty.'
      : 'Phones, tablets, wearables and accessories, with after-sales promises you can check.';
  const canonicalPath = catalogHref({ category, clearance: clearance && !category });
  return {
    items: page.items,
    nextCursor: page.nextCursor,
    continued: Boolean(cursor),
    filters,
    errors,
    title,
    description,
    canonical: absoluteUrl(context.ctx.config.PUBLIC_URL, canonicalPath),
    firstPage: catalogHref({ ...filters, sort: sort === 'newest' ? null : sort }),
    filtered: Boolean(minPrice || maxPrice || clearance || sort !== 'newest'),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data: d }) => {
  if (!d) return pageMeta(matches, 'Products');
  const out = pageMeta(matches, d.title, d.description, { canonical: d.canonical });
  // Sorted, priced and paged variations of a listing are for people; crawlers follow the product links.
  if (d.continued || d.filtered) out.push({ name: 'robots', content: 'noindex, follow' });
  return out;
};

export default function ProductsPage() {
  const loaded = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <PageHeader title={loaded.title} description={loaded.description} />
      <div className="space-y-6">
        <CatalogFilters values={loaded.filters} errors={loaded.errors} />
        {/* A new listing (other filters) starts from its own first page. */}
        <Results key={location.search} {...loaded} />
      </div>
    </>
  );
}

function Results({
  items,
  nextCursor,
  continued,
  firstPage,
  filters,
}: ReturnType<typeof useLoaderData<typeof loader>>) {
  const fetcher = useFetcher<typeof loader>();
  const [extra, setExtra] = useState<typeof items>([]);
  const [cursor, setCursor] = useState(nextCursor);
  const [announce, setAnnounce] = useState('');
  const grid = useRef<HTMLDivElement>(null);
  /** Index, among the added products, of the first one of the latest "Show more". */
  const firstNew = useRef<number | null>(null);

  useEffect(() => {
    const more = fetcher.data;
    if (!more) return;
    setExtra((prev) => {
      firstNew.current = prev.length;
      return [...prev, ...more.items];
    });
    setCursor(more.nextCursor);
    setAnnounce(`${more.items.length} more products shown.`);
  }, [fetcher.data]);

  useEffect(() => {
    // Keyboard and screen-reader users continue from the first product that was added.
    if (firstNew.current === null) return;
    const index = items.length + firstNew.current;
    // Until the added products are rendered (the render after the one that received them) there is nothing to focus.
    const link = grid.current?.querySelectorAll('li')[index]?.querySelector('a');
    if (!link) return;
    link.focus();
    firstNew.current = null;
  });

  const all = extra.length > 0 ? [...items, ...extra] : items;
  const moreHref = cursor
    ? catalogHref({
        category: filters.category,
        minPrice: filters.minPrice,
        maxPrice: filters.maxPrice,
        clearance: filters.clearance,
        sort: filters.sort === 'newest' ? null : filters.sort,
        cursor,
      })
    : null;
  const loadMore = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!moreHref || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    fetcher.load(moreHref);
  };

  if (all.length === 0) {
    return (
      <EmptyState
        icon={<DeviceIcon className="size-10" />}
        title="No products match these filters"
        description="Try a wider price range, another category, or clear the filters."
        action={
          <ButtonLink to="/products" variant="secondary">
            Show all products
          </ButtonLink>
        }
      />
    );
  }
  return (
    <div className="space-y-8">
      {/* The product cards are h3s: this keeps the outline h1 → h2 → h3 for screen readers. */}
      <h2 className="sr-only">Products</h2>
      <div ref={grid}>
        <ProductGrid products={all} eager={continued ? 0 : 2} />
      </div>
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      {moreHref || continued ? (
        <nav aria-label="More products" className="flex flex-wrap justify-center gap-3">
          {continued ? (
            <ButtonLink to={firstPage} variant="secondary">
              Back to the first page
            </ButtonLink>
          ) : null}
          {moreHref ? (
            <ButtonLink
              to={moreHref}
              onClick={loadMore}
              aria-disabled={fetcher.state !== 'idle' || undefined}
            >
              {fetcher.state !== 'idle' ? 'Loading…' : 'Show more'}
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
