// Goals the person set, with each review; open goals first.
import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { goalArea, goalStatus } from '../../../../core/domain/codes';
import { displayDate, todayIso } from '../../../../core/domain/dates';
import type { Goal } from '../../../../core/domain/goal';
import type { EpisodeView } from '../../../../core/domain/record';
import { Tag } from '../../shared/Tag';
import { ClosedNote } from './ClosedNote';
import { GoalModal } from './GoalModal';
import { ReviewGoalModal } from './ReviewGoalModal';
import { statusTone } from './tones';

type Editing = { kind: 'add' } | { kind: 'edit'; goal: Goal } | { kind: 'review'; goal: Goal } | null;

export function GoalsTab({ personId, episode }: { personId: number; episode: EpisodeView }) {
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  const goals = [...episode.goals].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || (a.setOn < b.setOn ? 1 : -1));
  return (
    <Stack gap="sm">
      <ClosedNote episode={episode} />
      <Group justify="space-between">
        <Title order={3} size="h4" id="goals-heading">
          Goals
        </Title>
        {episode.open && (
          <Button leftSection={<IconPlus aria-hidden size={16} />} onClick={() => setEditing({ kind: 'add' })}>
            Add goal
          </Button>
        )}
      </Group>
      {goals.length === 0 ? (
        <Text c="dimmed" size="sm">
          No goals set yet.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="goals-heading">
          {goals.map((g) => (
            <GoalItem
              key={g.id}
              goal={g}
              onReview={episode.open ? () => setEditing({ kind: 'review', goal: g }) : undefined}
              onEdit={episode.open ? () => setEditing({ kind: 'edit', goal: g }) : undefined}
            />
          ))}
        </Stack>
      )}
      {(editing?.kind === 'add' || editing?.kind === 'edit') && (
        <GoalModal onClose={close} personId={personId} episodeId={episode.id} goal={editing.kind === 'edit' ? editing.goal : undefined} />
      )}
      {editing?.kind === 'review' && <ReviewGoalModal onClose={close} personId={personId} goal={editing.goal} />}
    </Stack>
  );
}

function GoalItem({ goal: g, onReview, onEdit }: { goal: Goal; onReview?: () => void; onEdit?: () => void }) {
  const titleId = `goal-${g.id}`;
  const overdue = g.status === 'open' && g.reviewBy !== null && g.reviewBy < todayIso();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700} size="sm" id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {g.description}
            </Text>
            <Tag tone={statusTone(g.status)}>{goalStatus.label(g.status)}</Tag>
          </Group>
          <Text size="sm">
            {goalArea.label(g.area)}. Set {displayDate(g.setOn)}
            {g.reviewBy ? `; review by ${displayDate(g.reviewBy)}` : ''}.{' '}
            {overdue && <Tag tone="warning">Review due</Tag>}
          </Text>
          {g.reviews.length > 0 && (
            <List size="sm" spacing={2} aria-label="Reviews">
              {g.reviews.map((r) => (
                <List.Item key={r.id}>
                  <span style={{ overflowWrap: 'anywhere' }}>
                    Reviewed {displayDate(r.reviewedOn)} by {r.createdByName}: {goalStatus.label(r.status)}
                    {r.note ? `. ${r.note}` : ''}
                  </span>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {(onReview || onEdit) && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {onReview && (
              <Button size="xs" variant="default" onClick={onReview} aria-describedby={titleId}>
                Review
              </Button>
            )}
            {onEdit && (
              <Button size="xs" variant="subtle" onClick={onEdit} aria-describedby={titleId}>
                Edit
              </Button>
            )}
          </Group>
        )}
      </Group>
    </Paper>
  );
}
