// A table for lists of people and records that stays readable at any zoom: columns while there is
// room for them, stacked rows (label above value) when there is not, so nothing scrolls sideways
// and no name is squeezed to a letter. Give each cell the column's name as data-label and the
// person's cell data-lead; see StackedTable.module.css for how the layout switches.
import { Table, type TableProps } from '@mantine/core';
import type { CSSProperties } from 'react';
import classes from './StackedTable.module.css';

/** Below which width of its own the table stacks: 26, 30, 40, 54 or 62 rem (416 to 992 CSS px). */
export type StackBelow = 'xs' | 'sm' | 'md' | 'lg' | 'xl';

interface Props extends TableProps {
  stackBelow: StackBelow;
  /** The narrowest a stacked cell may be before the next one moves to a new line (default 7rem). */
  stackColumn?: string;
}

export function StackedTable({ stackBelow, stackColumn, className, ...props }: Props) {
  return (
    <div className={classes.frame}>
      <div className={classes[stackBelow]} style={stackColumn ? ({ '--stack-column': stackColumn } as CSSProperties) : undefined}>
        <Table {...props} className={[classes.table, className].filter(Boolean).join(' ')} />
      </div>
    </div>
  );
}
