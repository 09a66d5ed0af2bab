/**
 * buildApp: the Fastify instance with its plugins and routes, not listening (`lantu serve` listens;
 * tests use app.inject()). Every request and reply body is validated against its Zod schema from
 * src/contract, and the OpenAPI document is generated from the same schemas.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from '../store/database.ts';
import type { ServerConfig } from './context.ts';
import { isDatabaseUnavailable, LantuError } from './errors.ts';
import { auth } from './plugins/auth.ts';
import { web } from './plugins/web.ts';
import { registerRoutes } from './routes/index.ts';

export interface BuildAppOptions {
  database: Database;
  config?: Partial<ServerConfig>;
  /** The current time (tests pass a fixed clock). */
  clock?: () => Date;
  /** Fastify's logger: off by default (tests), on for `lantu serve`. */
  logger?: boolean;
  /** Where the built web app is (default web/dist). */
  webRoot?: string;
  /**
   * Told of every refused attempt (wrong password, a role or unit not allowed, a missing CSRF token),
   * one line each, for the operator's security log; `lantu serve` writes them to stderr. Refusals are
   * not written to the audit chain, which records changes: a flood of forged requests must not be
   * able to grow it.
   */
  securityLog?: (line: string) => void;
  /** Told of every route as it is registered (the permission test walks the real route table with it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

const DEFAULT_CONFIG: ServerConfig = { secureCookies: false, sessionHours: 12, loginAttemptsPerMinute: 10 };

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 60 * 1024 * 1024, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('config', { ...DEFAULT_CONFIG, ...options.config });
  app.decorate('clock', options.clock ?? (() => new Date()));
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only over HTTPS: on plain http (local use, a LAN) it would send the browser to https.
        upgradeInsecureRequests: (options.config?.secureCookies ?? DEFAULT_CONFIG.secureCookies) ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'lantu 蓝图 API',
        description: '规划纲要实施监测 · five-year plan monitoring',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lantu_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(auth);

  const refusals = new Set(['LANTU_FORBIDDEN', 'LANTU_CSRF', 'LANTU_BAD_CREDENTIALS']);
  const logRefusal = (request: FastifyRequest, code: string): void => {
    if (!options.securityLog) return;
    const attempted = (request.body as { username?: unknown } | undefined)?.username;
    const who = request.actor
      ? `${request.actor.username} (${request.actor.role}, ${request.actor.unitShortName})`
      : typeof attempted === 'string'
        ? `anonymous as ${JSON.stringify(attempted.slice(0, 64))}`
        : 'anonymous';
    options.securityLog(
      `${app.clock().toISOString()} refused ${code} ${request.method} ${request.url} by ${who} from ${request.ip}`,
    );
  };
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof LantuError) {
      if (refusals.has(error.code)) logRefusal(request, error.code);
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = `${error.validationContext ?? 'body'}${first?.instancePath ? first.instancePath.replace(/\//g, '.') : ''}`;
      return reply
        .status(400)
        .send({ code: 'LANTU_VALIDATION', message: `${field}: ${first?.message ?? 'invalid'}`, field });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'reply did not match its schema');
      return reply
        .status(500)
        .send({ code: 'LANTU_INTERNAL', message: 'internal error: the reply did not match its schema' });
    }
    if (error.statusCode === 429) {
      logRefusal(request, 'LANTU_RATE_LIMITED');
      return reply.status(429).send({
        code: 'LANTU_RATE_LIMITED',
        message: '尝试次数过多,请稍后再试 · too many attempts, try again in a minute',
      });
    }
    if (isDatabaseUnavailable(error)) {
      return reply.status(503).send({
        code: 'LANTU_DATABASE_UNAVAILABLE',
        message: '数据库暂时不可用,请稍后重试 · the database is unavailable, try again shortly',
      });
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: 'LANTU_VALIDATION', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'LANTU_INTERNAL', message: 'internal error' });
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send({ code: 'LANTU_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  await registerRoutes(app);
  await app.register(web, options.webRoot ? { root: options.webRoot } : {});
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
