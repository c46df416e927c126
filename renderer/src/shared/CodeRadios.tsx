// A code set as radio buttons: every choice in view and one arrow key apart, which is quicker
// from the keyboard than a drop-down for short lists.
import { Group, Radio, Stack, type RadioGroupProps } from '@mantine/core';
import type { Code } from '../../../core/domain/codes';

type Props = Omit<RadioGroupProps, 'children'> & {
  codes: { list: Code[] };
  /** Choices that are not codes, e.g. "Planned" for a contact with no attendance yet. */
  extra?: Code[];
  inline?: boolean;
  /** Start the dialog's focus on the chosen radio (Mantine's Modal focuses data-autofocus). */
  focusChosen?: boolean;
};

export function CodeRadios({ codes, extra = [], inline = true, focusChosen = false, ...props }: Props) {
  const options = [...codes.list, ...extra];
  const Layout = inline ? Group : Stack;
  return (
    <Radio.Group {...props}>
      <Layout gap={inline ? 'md' : 'xs'} mt={6}>
        {options.map((o) => (
          <Radio key={o.code} value={o.code} label={o.label} data-autofocus={(focusChosen && o.code === props.value) || undefined} />
        ))}
      </Layout>
    </Radio.Group>
  );
}
