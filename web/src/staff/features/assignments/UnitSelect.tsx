/**
 * A searchable picker of org units, grouped by kind (政府工作部门, 直属单位, 街道…), for the lead unit
 * (one) or the co-operating units (several). Searches the short name, the full name and the code.
 */
import { Select, Typography } from 'antd';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import type { OrgUnitReply } from '../../api/types.ts';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { unitsByKind } from './assignmentRows.ts';

/** Props of UnitSelect (value and onChange come from Form.Item). */
export interface UnitSelectProps {
  /** The directory, parents first. */
  units: readonly OrgUnitReply[];
  /** Several units (co-operating) or one (lead). */
  multiple?: boolean;
  /** The chosen unit id (one) or ids (several). */
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  loading?: boolean;
  placeholder?: string;
  /** Accessible name. */
  'aria-label'?: string;
  'data-testid'?: string;
  /** Its form field's id, so the label points at it. */
  id?: string;
}

/** The picker. */
export function UnitSelect({ units, multiple = false, ...props }: UnitSelectProps): ReactNode {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  // Escape closes the open drop-down only, not the drawer or dialog around it (and the form with it).
  const handleKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && open) event.stopPropagation();
  };
  const options = unitsByKind(units).map((group) => ({
    label: t(`asg.unitGroup.${group.kind}`),
    title: t(`asg.unitGroup.${group.kind}`),
    options: group.units.map((u) => ({
      value: u.id,
      label: u.shortName,
      full: u.name,
      search: `${u.shortName} ${u.name} ${u.code}`,
    })),
  }));
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only stops an Escape meant for the drop-down from bubbling
    <span onKeyDown={handleKeyDown} style={{ display: 'block' }}>
      <Select
        id={props.id}
        mode={multiple ? 'multiple' : undefined}
        value={props.value ?? undefined}
        onChange={(v: string | string[] | undefined) => props.onChange?.(v)}
        loading={props.loading}
        placeholder={props.placeholder ?? (multiple ? t('asg.pickUnits') : t('asg.pickUnit'))}
        aria-label={props['aria-label']}
        data-testid={props['data-testid']}
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        options={options}
        optionRender={(option) => {
          const full = (option.data as { full?: string }).full;
          return (
            <span>
              {option.label}
              {full && full !== option.label ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {full}
                </Typography.Text>
              ) : null}
            </span>
          );
        }}
        style={{ width: '100%' }}
        onOpenChange={setOpen}
      />
    </span>
  );
}
