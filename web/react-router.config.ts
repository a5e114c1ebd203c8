import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'app',
  // build/client (static assets) and build/server/index.js at the repository root, served by src/web.
  buildDirectory: '../build',
  ssr: true,
  future: {
    // The load context stays a plain object ({ ctx, nonce, requestId, log }); middleware would replace it.
    v8_middleware: false,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: false,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
