/**
 * Serving the browser app built by Vite (web/dist) on the API's port: the staff workspace at / and
 * its client-side routes under /app, the public portal at /public and below, and the hashed assets
 * under /assets. Pages and assets are read from disk per request, so a rebuild needs no restart;
 * before the first build, the pages say how to build instead of failing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where `vite build` puts the app. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><p>网页应用尚未构建 · the web app is not built: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>';

async function webPlugin(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = options.root ?? WEB_DIST;
  // Vite names assets by their content hash, so they can be cached for good.
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: true,
    index: false,
    maxAge: '365d',
    immutable: true,
  });
  const page = (file: string) => async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!existsSync(join(root, file))) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile(file, root, { cacheControl: false });
  };
  app.get('/', { schema: { hide: true } }, page('index.html'));
  app.get('/public', { schema: { hide: true } }, page('public.html'));
  app.get('/public/*', { schema: { hide: true } }, page('public.html'));
  app.get('/app/*', { schema: { hide: true } }, page('index.html'));
}

/** The web app plugin. */
export const web = fp(webPlugin, { name: 'lantu-web' });
