/**
 * 填报模板: the reporter downloads its unit's workbook for the round (a plain link: the session
 * cookie goes along), fills it in Excel and uploads it; the reply says how many drafts it filled,
 * or lists the problems of the file by sheet, row and column (nothing was changed then).
 */
import { App } from 'antd';
import type { ReactNode } from 'react';
import type { ReportingUploadReply, RoundReply } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { WorkbookRoundTrip } from '../../components/WorkbookRoundTrip.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of ReportingTemplate. */
export interface ReportingTemplateProps {
  planId: string;
  round: RoundReply;
  /** Called after drafts were filled from an upload. */
  onUploaded: () => void;
}

/** The download and upload buttons, and the problems of the last upload. */
export function ReportingTemplate({ planId, round, onUploaded }: ReportingTemplateProps): ReactNode {
  const { t } = useLocale();
  const { message } = App.useApp();
  const base = `/api/plans/${seg(planId)}/rounds/${seg(round.id)}`;
  return (
    <WorkbookRoundTrip<ReportingUploadReply>
      downloadHref={`${base}/template.xlsx`}
      uploadPath={`${base}/template`}
      downloadLabel={t('rep.templateDownload')}
      uploadLabel={t('rep.templateUpload')}
      testIds={{ download: 'template-download', upload: 'template-upload' }}
      onUploaded={({ created, updated, unchanged, empty }) => {
        void message.success(t('rep.uploaded', { filled: created + updated, unchanged, empty }));
        onUploaded();
      }}
    />
  );
}
