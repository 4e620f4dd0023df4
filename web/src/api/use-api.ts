import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError, apiRequest } from './client.ts';

export type ApiState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

/**
 * Reads `path` from the API (nothing when `path` is null) and reads it again when the path, the
 * language (server messages are localized) or `reload()` asks for it. Stale answers are dropped.
 */
export function useApi<T>(path: string | null): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const { locale } = useI18n();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the locale and version are triggers, not values read.
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    apiRequest<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'ok', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: error instanceof ApiError ? error : new ApiError({ title: '', status: 0, code: 'network' }) });
      });
    return () => controller.abort();
  }, [path, locale, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
