/**
 * The load context every loader and action receives (built per request in src/web/plugin.ts): the server's
 * AppContext, so pages call the same service functions as the JSON API, plus the CSP nonce and request id.
 */
import type { AppContext } from '../../src/context.ts';
import type { WebLoadContext } from '../../src/web/context.ts';

declare module 'react-router' {
  interface AppLoadContext {
    ctx: AppContext;
    nonce: WebLoadContext['nonce'];
    requestId: WebLoadContext['requestId'];
    log: WebLoadContext['log'];
    ip: WebLoadContext['ip'];
  }
}
