/**
 * Serving the browser app built by Vite (web/dist) on the API's port: the staff workspace at / (and
 * its client-side routes), the public portal at /public and below, the built assets as files.
 * When the app has not been built, / says how to build it instead of failing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where `vite build` puts the app. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Whether a request is a browser asking for a page (not the API, not a file). */
function wantsPage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0]!;
  return request.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path);
}

async function webPlugin(app: FastifyInstance, options: { root?: string }): Promise<void> {
  const root = options.root ?? WEB_DIST;
  const built = existsSync(join(root, 'index.html'));
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><p>网页应用尚未构建 · the web app is not built: run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        ),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: false,
    maxAge: '1h',
    immutable: false,
  });
  const page = (file: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile(file, { cacheControl: false });
  app.get('/', { schema: { hide: true } }, page('index.html'));
  app.get('/public', { schema: { hide: true } }, page('public.html'));
  app.get('/public/*', { schema: { hide: true } }, page('public.html'));
  app.get('/app/*', { schema: { hide: true } }, page('index.html'));
}

/** The web app plugin; `wantsPage` lets the not-found handler send client-side routes to the app. */
export const web = fp(webPlugin, { name: 'lantu-web' });
export { wantsPage };
