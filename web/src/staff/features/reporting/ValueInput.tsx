/**
 * The input of a reported value: a text field that keeps what was typed, so a wrong entry stays in
 * sight beside its error instead of vanishing on blur (as a number input's does), and that writes a
 * value it can read in plain digits when the field is left (１６２．５ → 162.5, 1,234.5 → 1234.5,
 * 162.5亿元 → 162.5). A spin button to assistive technology, with the number read as its value.
 */
import { Input, type InputProps } from 'antd';
import type { FocusEvent, ReactNode } from 'react';
import { parseQuantity } from '../../../../../src/progress/numbers.ts';
import { valueText } from './parseValue.ts';

/**
 * Props of ValueInput: Form.Item gives value, onChange and id; the rest goes to the input
 * (inputMode: decimal unless given; a phone's decimal keypad may have no minus sign).
 */
export interface ValueInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  /** The text typed, or a number read from the server. */
  value?: string | number | null;
  /** Called with the text as typed. */
  onChange?: (text: string) => void;
  /** The measure's unit: shown after the input, and taken off the end of the text when typed. */
  unit: string;
}

/** The input. */
export function ValueInput({
  value,
  onChange,
  unit,
  onBlur,
  inputMode = 'decimal',
  ...rest
}: ValueInputProps): ReactNode {
  const text = valueText(value);
  const parsed = parseQuantity(text, unit);
  const handleBlur = (event: FocusEvent<HTMLInputElement>): void => {
    if (parsed !== null && String(parsed) !== text) onChange?.(String(parsed));
    onBlur?.(event);
  };
  return (
    <Input
      {...rest}
      role="spinbutton"
      aria-valuenow={parsed ?? undefined}
      inputMode={inputMode}
      autoComplete="off"
      suffix={unit || undefined}
      value={text}
      onChange={(event) => onChange?.(event.target.value)}
      onBlur={handleBlur}
    />
  );
}
