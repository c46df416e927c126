// The episode's contacts, newest first, with what was covered and the worker's private note.
import { Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { attendance, contactTopic } from '../../../../core/domain/codes';
import type { Contact } from '../../../../core/domain/contact';
import { displayDate } from '../../../../core/domain/dates';
import type { EpisodeView } from '../../../../core/domain/record';
import { LogContactModal } from '../contacts';
import { Tag } from '../../shared/Tag';
import { ClosedNote } from './ClosedNote';
import { statusTone } from './tones';
import { countOf } from '../../../../core/domain/plural';
import { useListLabels } from '../../shared/useProgrammeLists';

function newestFirst(a: Contact, b: Contact): number {
  const ka = `${a.contactOn} ${a.startTime ?? ''}`;
  const kb = `${b.contactOn} ${b.startTime ?? ''}`;
  return ka === kb ? b.id - a.id : ka < kb ? 1 : -1;
}

export function ContactsTab({ personId, episode }: { personId: number; episode: EpisodeView }) {
  const [editing, setEditing] = useState<Contact | null>(null);
  const contacts = [...episode.contacts].sort(newestFirst);
  const attended = contacts.filter((c) => c.attendance === 'attended').length;
  const missed = contacts.filter((c) => c.attendance === 'dna').length;
  return (
    <Stack gap="sm">
      <ClosedNote episode={episode} />
      <Title order={3} size="h4" id="contacts-heading">
        Contacts
      </Title>
      {contacts.length === 0 ? (
        <Text c="dimmed" size="sm">
          No contacts yet.{episode.open ? ' Use “Log contact” above to record one.' : ''}
        </Text>
      ) : (
        <>
          <Text size="sm">
            {countOf(contacts.length, 'contact')}: {attended} attended, {missed} did not attend.
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="contacts-heading">
            {contacts.map((c) => (
              <ContactItem key={c.id} contact={c} onEdit={episode.open ? () => setEditing(c) : undefined} />
            ))}
          </Stack>
        </>
      )}
      {editing && <LogContactModal opened onClose={() => setEditing(null)} personId={personId} episodeId={episode.id} contact={editing} />}
    </Stack>
  );
}

function ContactItem({ contact: c, onEdit }: { contact: Contact; onEdit?: () => void }) {
  const listLabel = useListLabels();
  const summaryId = `contact-${c.id}`;
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700} size="sm" id={summaryId}>
              {displayDate(c.contactOn)}
              {c.startTime ? ` at ${c.startTime}` : ''}: {listLabel('contact_type', c.type)}, {listLabel('contact_mode', c.mode).toLowerCase()}
            </Text>
            <Tag tone={statusTone(c.attendance ?? 'planned')}>{c.attendance ? attendance.label(c.attendance) : 'Planned'}</Tag>
            {c.minutes !== null && <Text size="sm">{c.minutes} min</Text>}
          </Group>
          {c.topics.length > 0 && (
            <Group gap={4}>
              <VisuallyHidden>Topics:</VisuallyHidden>
              {c.topics.map((t) => (
                <Tag key={t} tone="info">
                  {contactTopic.label(t)}
                </Tag>
              ))}
            </Group>
          )}
          {c.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {c.note}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Recorded by {c.createdByName}
          </Text>
        </Stack>
        {onEdit && (
          <Button size="xs" variant="default" onClick={onEdit} aria-describedby={summaryId} style={{ flexShrink: 0 }}>
            Edit
          </Button>
        )}
      </Group>
    </Paper>
  );
}
