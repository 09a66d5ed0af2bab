import type { NotificationReply } from '../../../../src/contract/reminders.ts';
import { type Query, useQuery } from './useQuery.ts';

export type { NotificationReply };

/** GET /api/notifications?unread=true&limit=20: the latest unread in-app reminders of the user's unit. */
export function useUnreadNotifications(enabled: boolean): Query<NotificationReply[]> {
  return useQuery<NotificationReply[]>(enabled ? '/api/notifications?unread=true&limit=20' : null);
}
