// The preview step: loading, a refusal (a deleted profile, a locked caseload), or the rows.
import { Alert, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ExportPreview } from '../../../../core/domain/export/request';
import { errorMessage } from '../../shared/api';
import { PreviewLoading, PreviewTable } from './PreviewTable';

export function PreviewPanel({ preview, aggregate }: { preview: UseQueryResult<ExportPreview>; aggregate: boolean }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="preview-title">
      <Title order={4} size="h5" id="preview-title">
        Preview
      </Title>
      {preview.isFetching && !preview.data && <PreviewLoading />}
      {preview.isPending && !preview.isFetching && (
        <Text size="sm" c="dimmed">
          Choose a complete period to see the first rows.
        </Text>
      )}
      {preview.isError && (
        <Alert color="red" role="alert">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {preview.data && <PreviewTable preview={preview.data} aggregate={aggregate} />}
    </Stack>
  );
}
