import type { MetaDescriptor } from 'react-router';

interface RootData {
  shop: { name: string; tagline: string };
}

function shopName(matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>): string {
  const root = matches.find((m) => m?.id === 'root')?.data as RootData | undefined;
  return root?.shop.name ?? 'Aftercare';
}

/**
 * A page's title ("Not found · Aftercare") and description. React Router uses the deepest route's meta
 * only, so every page calls this from its `meta` export.
 */
export function pageMeta(
  matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>,
  title: string | null,
  description?: string,
): MetaDescriptor[] {
  const name = shopName(matches);
  const out: MetaDescriptor[] = [{ title: title ? `${title} · ${name}` : name }];
  if (description) out.push({ name: 'description', content: description });
  return out;
}
