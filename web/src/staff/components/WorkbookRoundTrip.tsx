/**
 * An Excel round trip (分工方案表, 填报模板): download the workbook (a plain link: the session cookie
 * goes along), fill it in Excel, upload it; the reply is handed to the caller to say what changed, or
 * the problems of the file are listed by sheet, row and column (nothing was changed then).
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { pickLanguage } from '../api/describeError.ts';
import { uploadWorkbook } from '../api/files.ts';
import type { CellError } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { useAction } from './useAction.ts';

/** Props of WorkbookRoundTrip. */
export interface WorkbookRoundTripProps<R> {
  /** Where the workbook is downloaded from. */
  downloadHref: string;
  /** Where it is uploaded to. */
  uploadPath: string;
  downloadLabel: string;
  uploadLabel: string;
  /** Called with the reply of an upload the server took. */
  onUploaded: (reply: R) => void;
  testIds?: { download?: string; upload?: string };
}

/** The download and upload buttons, and the problems of the last upload. */
export function WorkbookRoundTrip<R>(props: WorkbookRoundTripProps<R>): ReactNode {
  const { t, locale } = useLocale();
  const { me } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<CellError[]>([]);

  const upload = async (file: File): Promise<void> => {
    setBusy(true);
    setErrors([]);
    await run(async () => {
      const outcome = await uploadWorkbook<R>(props.uploadPath, file, me?.csrfToken ?? null);
      if (outcome.ok) props.onUploaded(outcome.reply);
      else setErrors(outcome.errors);
    });
    setBusy(false);
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={props.downloadHref} data-testid={props.testIds?.download}>
          {props.downloadLabel}
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
          <Button icon={<UploadOutlined />} loading={busy} data-testid={props.testIds?.upload}>
            {props.uploadLabel}
          </Button>
        </Upload>
      </Space>
      {errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setErrors([]) }}
          title={t('file.rejected', { n: errors.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {errors.map((e) => (
                <li key={`${e.sheet}:${e.row}:${e.column ?? ''}:${e.message}`}>
                  {e.column
                    ? t('file.cellAt', { sheet: e.sheet, row: e.row, column: e.column })
                    : t('file.rowAt', { sheet: e.sheet, row: e.row })}
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
