/** Uploaded media, served from DATA_DIR/uploads at /media/uploads/…; register at the root. */
import { mkdirSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.ts';
import { uploadsDir } from './images.ts';

export const uploadsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const root = uploadsDir(ctx.config.DATA_DIR);
  mkdirSync(root, { recursive: true });
  await app.register(fastifyStatic, {
    root,
    prefix: '/media/uploads/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    // Names are unique per upload: a file never changes.
    maxAge: '365d',
    immutable: true,
  });
};
