// Everything that happened, newest first, in one list (built by core/domain/timeline).
import { Group, Stack, Switch, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowRight,
  IconCheck,
  IconClipboardCheck,
  IconDoorExit,
  IconEraser,
  IconHeartbeat,
  IconInbox,
  IconMessage,
  IconPhoneCall,
  IconRotateClockwise,
  IconTarget,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView, PersonRecord } from '../../../../core/domain/record';
import { timeline, type TimelineItem } from '../../../../core/domain/timeline';
import { Tag } from '../../shared/Tag';
import { useListLabels } from '../../shared/useProgrammeLists';
import { KIND_LABELS } from '../../../../core/domain/corrections';
import { RecordMenu } from './RecordMenu';

const ICONS: Record<TimelineItem['kind'], ReactNode> = {
  referral: <IconInbox aria-hidden size={16} />,
  attempt: <IconPhoneCall aria-hidden size={16} />,
  contact: <IconMessage aria-hidden size={16} />,
  goal: <IconTarget aria-hidden size={16} />,
  goal_review: <IconCheck aria-hidden size={16} />,
  signposting: <IconArrowRight aria-hidden size={16} />,
  risk: <IconAlertTriangle aria-hidden size={16} />,
  risk_resolved: <IconCheck aria-hidden size={16} />,
  closure: <IconDoorExit aria-hidden size={16} />,
  reopened: <IconRotateClockwise aria-hidden size={16} />,
  group: <IconUsersGroup aria-hidden size={16} />,
  assessment: <IconClipboardCheck aria-hidden size={16} />,
  engagement: <IconHeartbeat aria-hidden size={16} />,
  entered_in_error: <IconEraser aria-hidden size={16} />,
};

export function TimelineTab({ record, episode }: { record: PersonRecord; episode: EpisodeView | null }) {
  const listLabel = useListLabels();
  const several = record.episodes.length > 1;
  const [onlyThis, setOnlyThis] = useState(false);
  const all = timeline(record, listLabel);
  const items = onlyThis && episode ? all.filter((i) => i.episodeId === episode.id) : all;
  return (
    <Stack gap="sm">
      {several && episode && (
        <Switch label="Only the episode in view" checked={onlyThis} onChange={(e) => setOnlyThis(e.currentTarget.checked)} />
      )}
      {items.length === 0 ? (
        <Text c="dimmed">Nothing recorded yet.</Text>
      ) : (
        <Stack component="ol" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-label="Timeline, newest first">
          {items.map((item, i) => (
            <Group component="li" key={i} wrap="nowrap" align="flex-start" gap="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" w={92} style={{ flexShrink: 0 }} fw={600}>
                {displayDate(item.date)}
              </Text>
              <ThemeIcon variant="light" size="md" radius="xl" color={item.kind === 'risk' ? 'red' : item.kind === 'entered_in_error' ? 'gray' : 'nhsBlue'} aria-hidden>
                {ICONS[item.kind]}
              </ThemeIcon>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {item.enteredInError ? <s>{item.title}</s> : item.title}{' '}
                  {item.enteredInError && <Tag tone="danger">Entered in error</Tag>}{' '}
                  {several && episode && item.episodeId !== null && item.episodeId !== episode.id && <Tag>Another episode</Tag>}
                </Text>
                {item.detail && (
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={4} td={item.enteredInError ? 'line-through' : undefined}>
                    {item.detail}
                  </Text>
                )}
                {item.enteredInError && (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {KIND_LABELS[item.enteredInError.kind]} marked entered in error by {item.enteredInError.markedByName} on {displayDate(item.enteredInError.markedAt.slice(0, 10))}:{' '}
                    {item.enteredInError.reason}. Not counted in any figure or export.
                  </Text>
                )}
              </div>
              {item.record && <RecordMenu record={record} target={item.record} what={item.title} date={displayDate(item.date)} />}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
