import type { MetaDescriptor } from 'react-router';

interface RootData {
  shop: { name: string; tagline: string };
}

function rootShop(matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>): RootData['shop'] {
  const root = matches.find((m) => m?.id === 'root')?.data as RootData | undefined;
  return root?.shop ?? { name: 'Aftercare', tagline: '' };
}

/** How a page is shared and indexed: its canonical address and the Open Graph card. */
export interface PageShare {
  /** Absolute URL (PUBLIC_URL + path), without the query parameters that only filter or page. */
  canonical: string;
  /** Absolute URL of the picture shown in link previews. */
  image?: string | null;
  imageAlt?: string | null;
  /** Open Graph type: 'website' unless said otherwise ('product' for product pages). */
  type?: string;
}

/**
 * A page's title ("Not found · Aftercare") and description, and with `share` its canonical link and Open
 * Graph tags. React Router uses the deepest route's meta only, so every page calls this from its `meta`
 * export. Without a description of its own a page is described by the shop's tagline: search engines and
 * link previews show some text for every page, never an empty snippet.
 */
export function pageMeta(
  matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>,
  title: string | null,
  description?: string,
  share?: PageShare,
): MetaDescriptor[] {
  const shop = rootShop(matches);
  const name = shop.name;
  const out: MetaDescriptor[] = [{ title: title ? `${title} · ${name}` : name }];
  description ||= shop.tagline || `${name}: electronics with after-sales promises you can check.`;
  out.push({ name: 'description', content: description });
  if (share) {
    out.push(
      { tagName: 'link', rel: 'canonical', href: share.canonical },
      { property: 'og:site_name', content: name },
      { property: 'og:type', content: share.type ?? 'website' },
      { property: 'og:title', content: title ?? name },
      { property: 'og:url', content: share.canonical },
    );
    if (description) out.push({ property: 'og:description', content: description });
    if (share.image) {
      out.push({ property: 'og:image', content: share.image });
      if (share.imageAlt) out.push({ property: 'og:image:alt', content: share.imageAlt });
    }
    out.push({ name: 'twitter:card', content: share.image ? 'summary_large_image' : 'summary' });
  }
  return out;
}

/** An absolute address under the shop's PUBLIC_URL (given by a loader from its context). */
export function absoluteUrl(publicUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${publicUrl.replace(/\/+$/, '')}${path}`;
}
