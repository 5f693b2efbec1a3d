/** What a person is told when something fails outside any screen's own handling. */
export interface BackgroundError {
  readonly title: string;
  readonly description: string;
}

/** The readable part of anything thrown: an Error's message, else its text. */
export function describeError(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  if (typeof reason === 'string') return reason;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/**
 * Browser noise that is not a failure of the app: Chromium reports a ResizeObserver whose
 * callback changed layout again as an error, though nothing is lost.
 */
const IGNORED = [/^ResizeObserver loop/];

interface ErrorSource {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: Event) => void): void;
  removeEventListener(type: 'error' | 'unhandledrejection', listener: (event: Event) => void): void;
}

/**
 * Reports uncaught errors and unhandled promise rejections (a failed save, a crashed worker) so
 * they reach the person as a toast instead of the console only. Returns the unsubscribe.
 */
export function listenForBackgroundErrors(source: ErrorSource, report: (error: BackgroundError) => void): () => void {
  const reportReason = (reason: unknown, fallback: string) => {
    const description = describeError(reason) || fallback;
    if (IGNORED.some((pattern) => pattern.test(description))) return;
    report({ title: 'Something went wrong in the background', description });
  };
  const onError = (event: Event) => {
    const { error, message } = event as ErrorEvent;
    reportReason(error ?? message, 'An unknown error');
  };
  const onRejection = (event: Event) => reportReason((event as PromiseRejectionEvent).reason, 'A task failed without a reason');
  source.addEventListener('error', onError);
  source.addEventListener('unhandledrejection', onRejection);
  return () => {
    source.removeEventListener('error', onError);
    source.removeEventListener('unhandledrejection', onRejection);
  };
}
