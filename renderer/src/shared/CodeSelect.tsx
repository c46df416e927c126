// A select over one of the code sets in core/domain/codes, labelled in words, storing the code.
import { Select, type SelectProps } from '@mantine/core';
import type { Code } from '../../../core/domain/codes';

export function CodeSelect({ codes, ...props }: SelectProps & { codes: { list: Code[] } }) {
  return <Select data={codes.list.map((c) => ({ value: c.code, label: c.label }))} allowDeselect={!props.required} comboboxProps={{ withinPortal: true }} {...props} />;
}
