/**
 * 填报模板: the reporter downloads its unit's workbook for the round (a plain link: the session
 * cookie goes along), fills it in Excel and uploads it; the reply says how many drafts it filled,
 * or lists the problems of the file by sheet, row and column (nothing was changed then).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { pickLanguage } from '../../api/describeError.ts';
import { uploadWorkbook } from '../../api/files.ts';
import type { CellError, ReportingUploadReply, RoundReply } from '../../api/types.ts';
import { seg } from '../../api/useQuery.ts';
import { useAction } from '../../components/useAction.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';

/** Props of ReportingTemplate. */
export interface ReportingTemplateProps {
  planId: string;
  round: RoundReply;
  /** Called after drafts were filled from an upload. */
  onUploaded: () => void;
}

/** The download and upload buttons, and the problems of the last upload. */
export function ReportingTemplate({ planId, round, onUploaded }: ReportingTemplateProps): ReactNode {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<CellError[]>([]);
  const base = `/api/plans/${seg(planId)}/rounds/${seg(round.id)}`;

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setErrors([]);
    await run(async () => {
      const outcome = await uploadWorkbook<ReportingUploadReply>(
        `${base}/template`,
        file,
        me?.csrfToken ?? null,
      );
      if (!outcome.ok) {
        setErrors(outcome.errors);
        return;
      }
      const { created, updated, unchanged, empty } = outcome.reply;
      void message.success(t('rep.uploaded', { filled: created + updated, unchanged, empty }));
      onUploaded();
    });
    setBusy(false);
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={`${base}/template.xlsx`} data-testid="template-download">
          {t('rep.templateDownload')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="template-upload">
            {t('rep.templateUpload')}
          </Button>
        </Upload>
      </Space>
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setErrors([]) }}
          title={t('rep.templateRejected', { n: errors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {errors.map((e) => (
                <li key={`${e.sheet}:${e.row}:${e.column ?? ''}:${e.message}`}>
                  {e.column
                    ? t('rep.cellAt', { sheet: e.sheet, row: e.row, column: e.column })
                    : t('rep.rowAt', { sheet: e.sheet, row: e.row })}
                  {pickLanguage(e.message, locale)}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Space>
  );
}
