// Every change to a person's records answers with their whole record: put it straight into the
// cache the person screen reads, so what the worker sees is what was saved, with no refetch.
import type { FormErrors } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRecord } from '../../../core/domain/record';
import { ApiFailure } from './api';
import { notifySuccess } from './notify';
import { isFor, setAnswer } from './queryKeys';

interface Options {
  /** A short confirmation; never a name or anything identifying. */
  success: string;
  /** A heading over it, where the words alone would not say what was saved. */
  successTitle?: string;
  /** Server field errors go beside their fields; the form keeps everything typed. */
  form?: { setErrors: (errors: FormErrors) => void };
  onSaved?: (record: PersonRecord) => void;
}

export function useSaveRecord<V>(personId: number, save: (values: V) => Promise<PersonRecord>, options: Options) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (record) => {
      setAnswer(queryClient, 'people.get', { id: personId }, record);
      // Everything else read from the caseload may count what just changed (My day, the lists'
      // waiting and last contact, reports, data quality): read again when next shown. Not the
      // session's status, and not the record just put in place.
      void queryClient.invalidateQueries({ predicate: (q) => !isFor(q.queryKey, 'workspace.status') && !isFor(q.queryKey, 'people.get') });
      notifySuccess(options.success, options.successTitle);
      options.onSaved?.(record);
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) options.form?.setErrors(e.error.fields);
    },
  });
}
