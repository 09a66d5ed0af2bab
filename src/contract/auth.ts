/** The API contract: logging in and out, and who I am. */
import { z } from 'zod';
import { idSchema, roleSchema } from './common.ts';

export const loginBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** The signed-in user as the app sees them; `csrfToken` goes back in the x-csrf-token header. */
export const meSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  unit: z.object({ id: idSchema, name: z.string(), shortName: z.string() }),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;
