/**
 * The lead unit (牵头单位) and co-operating units (配合单位) of an assignment form, shared by the
 * one-item editor and the bulk dialog: a lead is required, and a co-operating unit that is also the
 * lead is refused as soon as it is picked.
 */
import { Form } from 'antd';
import type { ReactNode } from 'react';
import type { OrgUnitReply } from '../../api/types.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { UnitSelect } from './UnitSelect.tsx';

/** Props of UnitFields. */
export interface UnitFieldsProps {
  units: readonly OrgUnitReply[];
  loading: boolean;
  /** A hint under the co-operating units. */
  coExtra?: string;
  testIds: { lead: string; co: string };
}

export function UnitFields({ units, loading, coExtra, testIds }: UnitFieldsProps): ReactNode {
  const { t } = useLocale();
  const nameOf = (id: string): string => units.find((u) => u.id === id)?.shortName ?? id;
  return (
    <>
      <Form.Item
        name="leadUnitId"
        label={t('asg.lead')}
        rules={[{ required: true, message: t('asg.leadRequired') }]}
      >
        <UnitSelect units={units} loading={loading} data-testid={testIds.lead} />
      </Form.Item>
      <Form.Item
        name="coUnitIds"
        label={t('asg.co')}
        extra={coExtra}
        dependencies={['leadUnitId']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, value: string[] | undefined) => {
              const lead = getFieldValue('leadUnitId') as string | undefined;
              if (lead && value?.includes(lead)) throw new Error(t('asg.coIsLead', { unit: nameOf(lead) }));
            },
          }),
        ]}
      >
        <UnitSelect units={units} loading={loading} multiple data-testid={testIds.co} />
      </Form.Item>
    </>
  );
}
