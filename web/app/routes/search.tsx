import { type LoaderFunctionArgs, type MetaFunction, redirect, useLoaderData } from 'react-router';
import { ProductGrid } from '../components/catalog/ProductCard.tsx';
import { SearchIcon } from '../components/icons.tsx';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { PageHeader } from '../components/ui/PageHeader.tsx';
import { isRejectedQuery, listProducts } from '../lib/catalog.server.ts';
import { pageMeta } from '../lib/meta.ts';

const PAGE_SIZE = 24;

/** Full-text search over active products, through the same service as GET /api/products?q=. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const cursor = params.get('cursor') || undefined;
  if (!q) return { q, items: [], nextCursor: null, continued: false };
  try {
    const page = await listProducts(context.ctx.db, { q, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    return { q, items: page.items, nextCursor: page.nextCursor, continued: Boolean(cursor) };
  } catch (error) {
    // A cursor left over from another search: start this one from its first page.
    if (cursor && isRejectedQuery(error)) throw redirect(`/search?q=${encodeURIComponent(q)}`);
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...pageMeta(matches, data?.q ? `Search: ${data.q}` : 'Search'),
  // Result pages are endless variations of the catalog: crawlers follow the product links instead.
  { name: 'robots', content: 'noindex, follow' },
];

export default function Search() {
  const { q, items, nextCursor, continued } = useLoaderData<typeof loader>();
  if (!q) {
    return (
      <>
        <PageHeader title="Search" />
        <EmptyState
          icon={<SearchIcon className="size-10" />}
          title="What are you looking for?"
          description="Type a product name, a brand or a kind of device in the search box at the top of the page."
        />
      </>
    );
  }
  const more = nextCursor ? `/search?${new URLSearchParams({ q, cursor: nextCursor })}` : null;
  return (
    <>
      <PageHeader
        title={`Results for “${q}”`}
        description={
          items.length === 0
            ? undefined
            : continued
              ? 'More products matching your search.'
              : 'Best matches first.'
        }
      />
      {items.length > 0 ? (
        <div className="space-y-8">
          {/* The product cards are h3s: this keeps the outline h1 → h2 → h3 for screen readers. */}
          <h2 className="sr-only">Matching products</h2>
          <ProductGrid products={items} eager={2} />
          {more || continued ? (
            <nav aria-label="More results" className="flex flex-wrap justify-center gap-3">
              {continued ? (
                <ButtonLink to={`/search?${new URLSearchParams({ q })}`} variant="secondary">
                  Back to the best matches
                </ButtonLink>
              ) : null}
              {more ? <ButtonLink to={more}>Show more results</ButtonLink> : null}
            </nav>
          ) : null}
        </div>
      ) : (
        <EmptyState
          icon={<SearchIcon className="size-10" />}
          title={`No products match “${q}”`}
          description="Check the spelling, or try a more general word such as “phone”, “watch” or “charger”."
          action={
            <ButtonLink to="/" variant="secondary">
              Go to the home page
            </ButtonLink>
          }
        />
      )}
    </>
  );
}
