/** What the server plugins put on the Fastify instance and on each request. */
import type { Database } from '../store/database.ts';
import type { Actor } from './policies/index.ts';

/** Server-wide settings. */
export interface ServerConfig {
  /** Mark cookies Secure (behind HTTPS). Off for local use and tests over plain HTTP. */
  secureCookies: boolean;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Login attempts allowed per client and minute. */
  loginAttemptsPerMinute: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: ServerConfig;
    /** The current time; replaceable in tests. */
    clock: () => Date;
  }
  interface FastifyRequest {
    /** The signed-in user, or null. */
    actor: Actor | null;
    /** The session behind `actor`. */
    session: { id: string; csrfToken: string } | null;
  }
}
