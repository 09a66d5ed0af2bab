/**
 * Picking an org unit in the administration forms: the units in their tree (indented by depth), found
 * by typing any part of the full name, the short name or the code. Works as a Form.Item control.
 */
import { Select } from 'antd';
import type { ReactNode } from 'react';
import type { OrgUnitReply } from '../../api/types.ts';

/** Props of UnitTreeSelect; `id`, `value` and `onChange` come from Form.Item. */
export interface UnitSelectProps {
  /** The units, parents first (as GET /api/org-units lists them). */
  units: readonly OrgUnitReply[];
  /** Whether the units are still being read. */
  loading?: boolean;
  /** Whether the choice can be cleared (an optional parent unit). */
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
  value?: string | null;
  /** Called with the chosen unit's id (undefined when cleared). */
  onChange?: (value: string | undefined) => void;
}

/** A searchable unit picker. */
export function UnitTreeSelect({
  units,
  loading,
  allowClear,
  placeholder,
  id,
  value,
  onChange,
}: UnitSelectProps): ReactNode {
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={onChange}
      allowClear={allowClear}
      placeholder={placeholder}
      loading={loading}
      showSearch={{
        filterOption: (input, option) => String(option?.search ?? '').includes(input.trim().toLowerCase()),
      }}
      options={units.map((u) => ({
        value: u.id,
        label: u.name,
        depth: u.depth,
        search: `${u.name} ${u.shortName} ${u.code}`.toLowerCase(),
      }))}
      optionRender={(option) => (
        <span style={{ paddingInlineStart: Number(option.data.depth ?? 0) * 16 }}>{option.data.label}</span>
      )}
    />
  );
}
