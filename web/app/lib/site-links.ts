/** The footer's links. Add a page here when it exists: no link may lead to the not-found page. */
export interface LinkGroup {
  id: string;
  title: string;
  links: Array<{ label: string; to: string }>;
}

export const footerLinks: LinkGroup[] = [
  {
    id: 'policies',
    title: 'Policies',
    links: [
      { label: 'After-sales and warranty', to: '/policies/after-sales' },
      { label: 'Privacy', to: '/policies/privacy' },
    ],
  },
];

/** Pages without parameters, listed in the sitemap. */
export const staticPages = ['/', '/policies/after-sales', '/policies/privacy'];
