/** Returning a value: a comment saying why is required (the reporter sees it beside the form). */
import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of ReturnDialog. */
export interface ReturnDialogProps {
  /** The item's name, for the title; null when closed. */
  itemTitle: string | null;
  busy: boolean;
  /** Called with the comment when the user confirms. */
  onConfirm: (comment: string) => void;
  onCancel: () => void;
}

/** The dialog. */
export function ReturnDialog({ itemTitle, busy, onConfirm, onCancel }: ReturnDialogProps): ReactNode {
  const { t } = useLocale();
  const [form] = Form.useForm<{ comment: string }>();
  const handleOk = async (): Promise<void> => {
    try {
      const { comment } = await form.validateFields();
      onConfirm(comment.trim());
    } catch {
      // The form shows what is missing.
    }
  };
  return (
    <Modal
      open={itemTitle !== null}
      title={t('rev.returnTitle', { item: itemTitle ?? '' })}
      okText={t('rev.return')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void handleOk()}
      onCancel={onCancel}
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="comment"
          label={t('rev.comment')}
          rules={[{ required: true, whitespace: true, message: t('rev.commentRequired') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('rev.commentPlaceholder')}
            data-testid="return-comment"
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
