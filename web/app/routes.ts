import { index, type RouteConfig, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('search', 'routes/search.tsx'),
  route('products', 'routes/products.tsx'),
  route('products/:slug', 'routes/product.tsx'),
  route('cart', 'routes/cart.tsx'),
  route('checkout', 'routes/checkout.tsx'),
  route('orders/view', 'routes/orders.view.tsx'),
  route('orders/lookup', 'routes/orders.lookup.tsx'),
  route('orders/claim', 'routes/orders.claim.tsx'),
  route('orders/case', 'routes/orders.case.tsx'),
  route('policies/after-sales', 'routes/policies.after-sales.tsx'),
  route('policies/privacy', 'routes/policies.privacy.tsx'),
  route('robots.txt', 'routes/robots.ts'),
  route('sitemap.xml', 'routes/sitemap.ts'),
  route('theme.css', 'routes/theme-css.ts'),
  // The back office: a client-rendered area under one layout (session check, TanStack Query).
  route('admin', 'routes/admin/layout.tsx', [
    index('routes/admin/dashboard.tsx'),
    route('sign-in', 'routes/admin/sign-in.tsx'),
    route('orders', 'routes/admin/orders.tsx'),
    route('orders/:id', 'routes/admin/order.tsx'),
    route('cases', 'routes/admin/cases.tsx'),
    route('cases/:id', 'routes/admin/case.tsx'),
    route('policy/playground', 'routes/admin/policy-playground.tsx'),
    route('products', 'routes/admin/products.tsx'),
    route('products/new', 'routes/admin/product-new.tsx'),
    route('products/:id', 'routes/admin/product.tsx'),
    route('mail', 'routes/admin/mail.tsx'),
    route('mail/:id', 'routes/admin/mail-item.tsx'),
    route('settings', 'routes/admin/settings.tsx'),
    route('policy', 'routes/admin/policy.tsx'),
    route('account', 'routes/admin/account.tsx'),
  ]),
  // Last: every other address is answered by the not-found page with status 404.
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
