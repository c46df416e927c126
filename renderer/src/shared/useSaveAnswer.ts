// A save the app answers with what a read method would now answer (a list saved whole: the export
// profiles, the return layouts): that answer goes straight into the read's cache, so the list on
// screen is what was saved with no refetch; a confirmation is shown; and when the app refuses,
// its field errors go beside their fields and the form keeps everything typed.
// (A change to a person's record has its own hook: useSaveRecord.)
import type { FormErrors } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../core/api/contract';
import { ApiFailure } from './api';
import { notifySuccess } from './notify';
import { setAnswer } from './queryKeys';

interface Options<V> {
  /** The confirmation for what was saved: its words, and a heading over them where they alone would not say what was saved. */
  success: (values: V) => { message: string; title?: string };
  form: { setErrors: (errors: FormErrors) => void };
  onSaved?: () => void;
}

/** `read` and `asked`: the read whose answer the save gives back. */
export function useSaveAnswer<K extends MethodName, V>(read: K, asked: MethodInput<K>, save: (values: V) => Promise<MethodOutput<K>>, options: Options<V>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: save,
    onSuccess: (answer, values) => {
      setAnswer(queryClient, read, asked, answer);
      const { message, title } = options.success(values);
      notifySuccess(message, title);
      options.onSaved?.();
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.error.fields) options.form.setErrors(e.error.fields);
    },
  });
}
