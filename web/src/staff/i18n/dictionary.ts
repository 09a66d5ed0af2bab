/** The workspace's whole dictionary: the common words and each feature's own. */
import type { Dictionary } from '../../shared/i18n.ts';
import { statusMessages } from '../../shared/statusMessages.ts';
import { adminMessages } from '../features/admin/messages.ts';
import { assignmentMessages } from '../features/assignments/messages.ts';
import { auditMessages } from '../features/audit/messages.ts';
import { evaluationMessages } from '../features/evaluations/messages.ts';
import { indicatorMessages } from '../features/indicators/messages.ts';
import { itemMessages } from '../features/items/messages.ts';
import { loginMessages } from '../features/login/messages.ts';
import { overviewMessages } from '../features/overview/messages.ts';
import { planTextMessages } from '../features/planText/messages.ts';
import { reportingMessages } from '../features/reporting/messages.ts';
import { reviewMessages } from '../features/review/messages.ts';
import { commonMessages } from './commonMessages.ts';

export const dictionary: Dictionary = {
  ...statusMessages,
  ...commonMessages,
  ...loginMessages,
  ...overviewMessages,
  ...indicatorMessages,
  ...reportingMessages,
  ...reviewMessages,
  ...itemMessages,
  ...adminMessages,
  ...assignmentMessages,
  ...auditMessages,
  ...evaluationMessages,
  ...planTextMessages,
};
