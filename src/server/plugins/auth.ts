/**
 * Sessions and CSRF. A session is a random token in an HttpOnly, SameSite=Strict cookie; the
 * database keeps only its SHA-256, so a stolen database does not yield live sessions, and several
 * server instances share one session table. Every state-changing request of a signed-in user must
 * carry the session's CSRF token in the x-csrf-token header.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { deleteSession, findSession, insertSession } from '../../store/people.repository.ts';
import { LantuError } from '../errors.ts';
import type { Actor } from '../policies/index.ts';

export const SESSION_COOKIE = 'lantu_session';
/** A readable companion of the session cookie saying only that a session was started (see startSession). */
export const SESSION_HINT_COOKIE = 'lantu_signed_in';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new LantuError('LANTU_UNAUTHENTICATED', '请先登录 · please sign in');
  return request.actor;
}

/** Starts a session for a user; sets the cookie and returns the CSRF token. */
export async function startSession(
  app: FastifyInstance,
  reply: FastifyReply,
  userId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = app.clock();
  const expires = new Date(now.getTime() + app.config.sessionHours * 3600_000);
  await insertSession(app.database.db, {
    id: sessionKey(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.secureCookies,
    expires,
  });
  // A hint the page can read (no secret in it): someone may be signed in, so asking who is worth a
  // request; without it the sign-in page shows at once, with no refused request in the console.
  reply.setCookie(SESSION_HINT_COOKIE, '1', {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: app.config.secureCookies,
    expires,
  });
  return csrfToken;
}

/** Ends the request's session and clears the cookie. */
export async function endSession(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (request.session) await deleteSession(app.database.db, request.session.id);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(SESSION_HINT_COOKIE, { path: '/' });
}

async function authPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const row = await findSession(app.database.db, sessionKey(token), app.clock().toISOString());
    if (!row) return;
    request.session = { id: row.sessionId, csrfToken: row.csrfToken };
    request.actor = {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Actor['role'],
      unitId: row.unitId,
      unitName: row.unitName,
      unitShortName: row.unitShortName,
    };
  });
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.session) return;
    const sent = request.headers['x-csrf-token'];
    if (sent !== request.session.csrfToken) {
      throw new LantuError(
        'LANTU_CSRF',
        'missing or wrong x-csrf-token header: reload the page and try again',
      );
    }
  });
}

export const auth = fp(authPlugin, { name: 'lantu-auth', dependencies: ['@fastify/cookie'] });
