// Every change to a person's records answers with their whole record: put it straight into the
// cache the person screen reads, so what the worker sees is what was saved, with no refetch.
import type { FormErrors } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PersonRecord } from '../../../core/domain/record';
import { ApiFailure } from '../api';
import { notifySuccess } from '../notify';

export const personKey = (personId: number) => ['person', personId] as const;

interface Options {
  /** A short confirmation; never a name or anything identifying. */
  success: string;
  /** Server field errors go beside their fields; the form keeps everything typed. */
  form?: { setErrors: (errors: FormErrors) => void };
  onSaved?: (record: PersonRecord) => void;
}

export function useSaveRecord<V>(personId: number, save: (values: V) => Promise<PersonRecord>, options: Options) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (record) => {
      queryClient.setQueryData(personKey(personId), record);
      // Lists and My day count what just changed (waiting, last contact, risks, open or closed).
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['myDay'] });
      notifySuccess(options.success);
      options.onSaved?.(record);
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) options.form?.setErrors(e.error.fields);
    },
  });
}
