import type { MetaDescriptor } from 'react-router';
import { pageMeta } from '../../lib/meta.ts';

/** A back-office page's title ("Orders · Back office · Aftercare"); none of them is for search engines. */
export function adminMeta(
  matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>,
  title: string | null,
): MetaDescriptor[] {
  return [
    ...pageMeta(matches, title ? `${title} · Back office` : 'Back office'),
    { name: 'robots', content: 'noindex, nofollow' },
  ];
}
