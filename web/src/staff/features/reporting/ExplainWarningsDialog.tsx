/**
 * Submitting a value with a warning (a jump against last year, a negative total): the dialog states
 * the warnings and asks for a short explanation, which becomes the value's 说明 (details.note), so the
 * reviewer reads why. A real value can jump; it only has to say so.
 */
import { Alert, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** The shortest explanation taken (口径调整 is four characters). */
export const EXPLANATION_MIN_LENGTH = 4;

/** Props of ExplainWarningsDialog. */
export interface ExplainWarningsDialogProps {
  /** The warnings in words, one per line; null when the dialog is closed. */
  warnings: string[] | null;
  /** What the form's 说明 holds already: the explanation starts from it. */
  note: string;
  busy: boolean;
  /** Called with the explanation (trimmed) when the user confirms. */
  onConfirm: (note: string) => void;
  onCancel: () => void;
}

/** The dialog. */
export function ExplainWarningsDialog({
  warnings,
  note,
  busy,
  onConfirm,
  onCancel,
}: ExplainWarningsDialogProps): ReactNode {
  const { t } = useLocale();
  const [form] = Form.useForm<{ note: string }>();
  const handleOk = async (): Promise<void> => {
    try {
      const values = await form.validateFields();
      onConfirm(values.note.trim());
    } catch {
      // The form shows what is missing.
    }
  };
  return (
    <Modal
      open={warnings !== null}
      title={t('rep.explainTitle')}
      okText={t('rep.explainSubmit')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void handleOk()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {(warnings ?? []).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        }
        style={{ marginBottom: 12 }}
        data-testid="explain-warnings"
      />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ note }}>
        <Form.Item
          name="note"
          label={t('rep.explainLabel')}
          rules={[
            {
              validator: async (_: unknown, value: string | undefined) => {
                if ((value ?? '').trim().length < EXPLANATION_MIN_LENGTH)
                  throw new Error(t('rep.explainRequired', { n: EXPLANATION_MIN_LENGTH }));
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('rep.explainPlaceholder')}
            data-testid="explain-note"
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
