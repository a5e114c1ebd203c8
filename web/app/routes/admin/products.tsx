/** /admin/products: the whole catalogue, drafts and archived included, searchable by name, brand or SKU. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Link, type MetaFunction, useSearchParams } from 'react-router';
import { PRODUCT_CATEGORIES, PRODUCT_STATUSES } from '../../../../src/catalog/schemas.ts';
import { formatDate, formatUsd, humanize } from '../../components/admin/format.ts';
import { adminMeta } from '../../components/admin/meta.ts';
import { Pager, useCursorPaging } from '../../components/admin/Pager.tsx';
import { LoadError, Loading } from '../../components/admin/QueryState.tsx';
import { ProductStatusBadge } from '../../components/admin/StatusBadge.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Input } from '../../components/ui/Input.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Select } from '../../components/ui/Select.tsx';
import { Spinner } from '../../components/ui/Spinner.tsx';
import { Table, TBody, Td, THead, Th, Tr } from '../../components/ui/Table.tsx';
import {
  keys,
  listProducts,
  type ProductCategory,
  type ProductListQuery,
  type ProductStatus,
} from '../../lib/admin-api.ts';

export const meta: MetaFunction = ({ matches }) => adminMeta(matches, 'Products');

const PAGE_SIZE = 25;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export default function Products() {
  const [params] = useSearchParams();
  const paging = useCursorPaging();
  const q = params.get('q')?.trim() ?? '';
  const query: ProductListQuery = {
    q: q || undefined,
    status: oneOf<ProductStatus>(PRODUCT_STATUSES, params.get('status')),
    category: oneOf<ProductCategory>(PRODUCT_CATEGORIES, params.get('category')),
    cursor: paging.cursor,
    limit: PAGE_SIZE,
  };
  const products = useQuery({
    queryKey: keys.productList(query),
    queryFn: () => listProducts(query),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(query.q || query.status || query.category);

  return (
    <>
      <PageHeader
        title="Products"
        description="Drafts and archived products are listed here but hidden from the shop."
        actions={<ButtonLink to="/admin/products/new">New product</ButtonLink>}
      />
      <Form
        method="get"
        role="search"
        aria-label="Filter products"
        key={params.toString()}
        className="mb-4 grid gap-3 rounded-xl border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
      >
        <Input label="Name, brand or SKU" name="q" type="search" defaultValue={q} />
        <Select
          label="Status"
          name="status"
          defaultValue={query.status ?? ''}
          placeholder="Any status"
          options={PRODUCT_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        />
        <Select
          label="Category"
          name="category"
          defaultValue={query.category ?? ''}
          placeholder="Any category"
          options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))}
        />
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <ButtonLink to="/admin/products" variant="ghost">
              Clear
            </ButtonLink>
          ) : null}
        </div>
      </Form>

      {products.isPending ? (
        <Loading label="Loading products" />
      ) : products.isError ? (
        <LoadError error={products.error} what="the products" onRetry={() => products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No products match these filters' : 'No products yet'}
          description={
            filtered ? 'Try fewer words or another status.' : 'Add the first product to start selling.'
          }
          action={
            filtered ? (
              <ButtonLink to="/admin/products" variant="secondary">
                Show all products
              </ButtonLink>
            ) : (
              <ButtonLink to="/admin/products/new">New product</ButtonLink>
            )
          }
        />
      ) : (
        <>
          <Table
            caption={
              <span className="flex items-center gap-2">
                {filtered ? 'Matching products' : 'All products'}
                {products.isFetching ? <Spinner size="sm" label="Updating" /> : null}
              </span>
            }
          >
            <THead>
              <Tr>
                <Th>Product</Th>
                <Th className="hidden sm:table-cell">Status</Th>
                <Th className="hidden md:table-cell">Category</Th>
                <Th numeric className="hidden sm:table-cell">
                  Price from
                </Th>
                <Th numeric>Stock</Th>
                <Th className="hidden lg:table-cell">Updated</Th>
              </Tr>
            </THead>
            <TBody>
              {products.data.items.map((p) => (
                <Tr key={p.id}>
                  <Td>
                    <div className="flex min-w-48 items-center gap-3">
                      {p.image ? (
                        <img
                          src={p.image.url}
                          alt=""
                          className="size-12 shrink-0 rounded-md border border-line bg-white object-contain"
                          loading="lazy"
                        />
                      ) : (
                        <span
                          aria-hidden="true"
                          className="size-12 shrink-0 rounded-md border border-dashed border-gray-400"
                        />
                      )}
                      <div className="min-w-0">
                        <Link
                          to={`/admin/products/${p.id}`}
                          className="font-semibold text-primary-ink underline"
                        >
                          {p.name}
                        </Link>
                        <span className="block text-muted">
                          {p.brand} · {p.variantCount} {p.variantCount === 1 ? 'variant' : 'variants'}
                        </span>
                        <span className="mt-1 flex flex-wrap gap-1">
                          <span className="sm:hidden">
                            <ProductStatusBadge status={p.status} />
                          </span>
                          {p.featured ? <Badge tone="primary">Featured</Badge> : null}
                          {p.clearance ? <Badge tone="warning">Clearance</Badge> : null}
                          {p.specialWarranty ? <Badge tone="info">Special warranty</Badge> : null}
                        </span>
                      </div>
                    </div>
                  </Td>
                  <Td className="hidden sm:table-cell">
                    <ProductStatusBadge status={p.status} />
                  </Td>
                  <Td className="hidden md:table-cell">{humanize(p.category)}</Td>
                  <Td numeric className="hidden sm:table-cell">
                    {formatUsd(p.priceFromCents)}
                  </Td>
                  <Td numeric className={p.totalStock === 0 ? 'font-semibold text-red-800' : undefined}>
                    {p.totalStock === 0 ? 'Sold out' : p.totalStock}
                  </Td>
                  <Td className="hidden whitespace-nowrap lg:table-cell">{formatDate(p.updatedAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pager
            paging={paging}
            nextCursor={products.data.nextCursor}
            busy={products.isFetching}
            label="Product pages"
          />
        </>
      )}
    </>
  );
}
