/** The footer's links. Add a page here when it exists: no link may lead to the not-found page. */
export interface LinkGroup {
  id: string;
  title: string;
  links: Array<{ label: string; to: string }>;
}

export const footerLinks: LinkGroup[] = [
  {
    id: 'shop',
    title: 'Shop',
    links: [
      { label: 'All products', to: '/products' },
      { label: 'Clearance', to: '/products?clearance=true' },
      { label: 'Your cart', to: '/cart' },
      { label: 'Find your order', to: '/orders/lookup' },
    ],
  },
  {
    id: 'policies',
    title: 'Policies',
    links: [
      { label: 'After-sales and warranty', to: '/policies/after-sales' },
      { label: 'Privacy', to: '/policies/privacy' },
    ],
  },
];

/** The header's shop sections: the catalogue by category. */
export const headerLinks: Array<{ label: string; to: string }> = [
  { label: 'Phones', to: '/products?category=smartphone' },
  { label: 'Tablets', to: '/products?category=tablet' },
  { label: 'Wearables', to: '/products?category=wearable' },
  { label: 'Accessories', to: '/products?category=accessory' },
  { label: 'Audio and more', to: '/products?category=other' },
  { label: 'Clearance', to: '/products?clearance=true' },
];

/** Pages without parameters, listed in the sitemap. */
export const staticPages = ['/', '/products', '/policies/after-sales', '/policies/privacy'];

/** The after-sales policy page of one version: each case links to the version that judged it. */
export function policyPagePath(version: number): string {
  return `/policies/after-sales?version=${version}`;
}
