/**
 * The shop's own media (the demo product illustrations in public/media), served at /media/…. Register at the
 * root, not under /api: `app.register(mediaRoutes)`.
 */
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { projectRoot } from '../shared/paths.ts';

export const mediaRoot = join(projectRoot, 'public', 'media');

export const mediaRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, {
    root: mediaRoot,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    maxAge: '1d',
    setHeaders(res, path) {
      // An SVG opened on its own is a document: it may not run scripts or load anything.
      if (path.endsWith('.svg')) {
        res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      }
    },
  });
};
