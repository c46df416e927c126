// Marking a record "entered in error": says what will happen, and asks why (required). The record
// is kept with the reason, left out of every figure and export, and shown struck through.
import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { KIND_LABELS, type CorrectableKind } from '../../../../core/domain/corrections';
import { call } from '../../shared/api';
import { DialogFooter } from '../../shared/DialogFooter';
import { FormFailure } from '../../shared/FormFailure';
import { useSaveRecord } from '../../shared/useSaveRecord';

export function EnteredInErrorModal({ personId, target, what, onClose }: { personId: number; target: { kind: CorrectableKind; id: number }; what: string; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const save = useSaveRecord(personId, (why: string) => call('records.markEnteredInError', { ...target, reason: why }), { success: 'Marked as entered in error', onSaved: onClose });
  return (
    <Modal opened onClose={onClose} title="Mark as entered in error" size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            field.current?.focus();
            return;
          }
          save.mutate(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {KIND_LABELS[target.kind]}: {what}
          </Text>
          <Alert color="blue" variant="light" title="What happens">
            <Text size="sm" c="var(--mantine-color-text)">
              The record is kept, with your reason, who marked it and when. It stays on this person’s record struck through and in their subject access copy, but it is left
              out of every figure, report, list and export.
              {target.kind === 'referral' ? ' Everything recorded in this referral (contacts, goals, assessments…) goes with it.' : ''}
            </Text>
          </Alert>
          <Textarea
            label="Why was this entered in error?"
            description="For example: logged on the wrong person, or recorded twice. Do not name anyone else."
            required
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            ref={field}
            value={reason}
            error={missing ? 'Say why this record was entered in error.' : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
          />
          <FormFailure error={save.error} fields={['reason']} />
          <DialogFooter>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red.9" loading={save.isPending}>
              Mark entered in error
            </Button>
          </DialogFooter>
        </Stack>
      </form>
    </Modal>
  );
}
