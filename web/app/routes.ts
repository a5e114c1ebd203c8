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
  route('policies/after-sales', 'routes/policies.after-sales.tsx'),
  route('policies/privacy', 'routes/policies.privacy.tsx'),
  route('robots.txt', 'routes/robots.ts'),
  route('sitemap.xml', 'routes/sitemap.ts'),
  route('theme.css', 'routes/theme-css.ts'),
  // Last: every other address is answered by the not-found page with status 404.
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
