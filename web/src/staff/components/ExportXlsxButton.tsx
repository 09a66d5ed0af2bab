/**
 * "导出 Excel": sends a table as it is shown (its columns and rows) to POST /api/exports/xlsx and
 * saves the workbook the server writes.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { download } from '../api/files.ts';
import type { ExportXlsxBody } from '../api/types.ts';
import { useLocale } from '../i18n/LocaleProvider.tsx';
import { useSession } from '../session/SessionProvider.tsx';
import { useAction } from './useAction.ts';

/** Props of ExportXlsxButton. */
export interface ExportXlsxButtonProps {
  /** The sheet's title and the file's name. */
  title: string;
  /** Builds the table when the button is pressed (the visible columns and rows). */
  table: () => Pick<ExportXlsxBody, 'columns' | 'rows'>;
}

/** The button. */
export function ExportXlsxButton({ title, table }: ExportXlsxButtonProps): ReactNode {
  const { t } = useLocale();
  const { me } = useSession();
  const run = useAction();
  const [busy, setBusy] = useState(false);
  const handleClick = async (): Promise<void> => {
    setBusy(true);
    const sheetTitle = title.trim().slice(0, 100) || 'export';
    await run(() =>
      download(
        'POST',
        '/api/exports/xlsx',
        { title: sheetTitle, ...table() },
        `${sheetTitle}.xlsx`,
        me?.csrfToken ?? null,
      ),
    );
    setBusy(false);
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void handleClick()}
      data-testid="export-xlsx"
    >
      {t('common.exportXlsx')}
    </Button>
  );
}
