/** The Excel assignment table (分工方案表) of the plan, for the planner: download, fill in, upload. */
import { App } from 'antd';
import type { ReactNode } from 'react';
import type { AssignmentUploadReply } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { WorkbookRoundTrip } from '../../components/WorkbookRoundTrip.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of AssignmentTemplate. */
export interface AssignmentTemplateProps {
  planId: string;
  /** Called after an upload changed assignments. */
  onUploaded: () => void;
}

export function AssignmentTemplate({ planId, onUploaded }: AssignmentTemplateProps): ReactNode {
  const { t } = useLocale();
  const { message } = App.useApp();
  const base = `/api/plans/${seg(planId)}/templates/assignments`;
  return (
    <WorkbookRoundTrip<AssignmentUploadReply>
      downloadHref={`${base}.xlsx`}
      uploadPath={base}
      downloadLabel={t('asg.templateDownload')}
      uploadLabel={t('asg.templateUpload')}
      testIds={{ download: 'assignment-template-download' }}
      onUploaded={({ created, updated, unchanged }) => {
        void message.success(t('asg.templateUploaded', { created, updated, unchanged }));
        onUploaded();
      }}
    />
  );
}
