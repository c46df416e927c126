// Removing a group or workshop entered by mistake (a duplicate, a session that never ran): it
// goes with its register. The dialog says how many registrations go with it, and that the audit
// log keeps the event's type and date.
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { displayDate } from '../../../../core/domain/dates';
import type { GroupEvent } from '../../../../core/domain/group';
import { countOf } from '../../../../core/domain/plural';
import { call } from '../../shared/api';
import { DialogFooter } from '../../shared/DialogFooter';
import { FormFailure } from '../../shared/FormFailure';
import { useNavigation } from '../../shared/navigation';
import { notifySuccess } from '../../shared/notify';

export function RemoveEventModal({ event, onClose }: { event: GroupEvent; onClose: () => void }) {
  const { go } = useNavigation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call('groups.remove', { id: event.id }),
    onSuccess: () => {
      void queryClient.invalidateQueries();
      notifySuccess('The event was removed');
      go({ name: 'groups' });
    },
  });
  const people = event.participants.length;
  return (
    <Modal opened onClose={onClose} title="Remove this event?">
      <Stack gap="sm">
        <Text size="sm">
          {event.title ?? 'This event'} on {displayDate(event.heldOn)} will be deleted
          {people ? `, with its register (${countOf(people, 'person', 'people')}): it will no longer show on their records or in any figure` : ''}. The audit log will note
          that an event of this type on this date was removed, and by you. This cannot be undone.
        </Text>
        <FormFailure error={remove.error} fields={[]} />
        <DialogFooter>
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            Remove event
          </Button>
        </DialogFooter>
      </Stack>
    </Modal>
  );
}
