import { Link } from 'react-router';
import type { ProductListItem } from '../../../../src/catalog/schemas.ts';
import { DeviceIcon } from '../icons.tsx';
import { Badge } from '../ui/Badge.tsx';
import { Price } from '../ui/Price.tsx';

/**
 * A product in a grid: image, name, price, stock. The whole card is one link, named by the product. Its
 * picture loads lazily unless `eager` (a card on the first screen: waiting for layout would delay the
 * largest paint).
 */
export function ProductCard({ product, eager = false }: { product: ProductListItem; eager?: boolean }) {
  return (
    <article className="group relative flex w-full flex-col overflow-hidden rounded-xl border border-line bg-surface transition-shadow hover:shadow-md">
      <div className="aspect-square bg-gray-50">
        {product.image ? (
          <img
            src={product.image.url}
            alt={product.image.alt}
            loading={eager ? 'eager' : 'lazy'}
            fetchPriority={eager ? 'high' : undefined}
            width={320}
            height={320}
            className="size-full object-contain"
          />
        ) : (
          <div className="flex size-full items-center justify-center text-gray-400">
            <DeviceIcon className="size-16" />
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3 sm:gap-2 sm:p-4">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">{product.brand}</p>
        <h3 className="text-sm font-semibold text-gray-900 sm:text-base">
          <Link
            to={`/products/${product.slug}`}
            prefetch="intent"
            className="no-underline after:absolute after:inset-0 after:content-[''] group-hover:underline"
          >
            {product.name}
          </Link>
        </h3>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-2 pt-2">
          <Price cents={product.priceFromCents} />
          {product.clearance ? (
            <Badge tone="warning">Clearance</Badge>
          ) : product.inStock ? (
            <Badge tone="success">In stock</Badge>
          ) : (
            <Badge>Out of stock</Badge>
          )}
        </div>
      </div>
    </article>
  );
}

/** Products two to a row on phones, up to four on wide screens; the first `eager` pictures load at once. */
export function ProductGrid({ products, eager = 0 }: { products: ProductListItem[]; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <li key={p.id} className="flex">
          <ProductCard product={p} eager={i < eager} />
        </li>
      ))}
    </ul>
  );
}
