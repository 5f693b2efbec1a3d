import { useAppStore } from '../state/StoreProvider.tsx';
import { Toast, ToastRegion } from '../ui/Toast.tsx';

/** The notices of the store, as toasts in one live region. */
export function ToastList() {
  const notices = useAppStore((state) => state.notices);
  const dismiss = useAppStore((state) => state.dismissNotice);
  return (
    <ToastRegion>
      {notices.map((notice) => (
        <Toast
          key={notice.id}
          tone={notice.tone}
          title={notice.count > 1 ? `${notice.title} (×${notice.count})` : notice.title}
          description={notice.description}
          onDismiss={() => dismiss(notice.id)}
          {...(notice.action ? { action: { ...notice.action, altText: `${notice.action.label}: ${notice.title}` }, duration: 10_000 } : {})}
          {...(notice.persistent ? { duration: Infinity } : {})}
        />
      ))}
    </ToastRegion>
  );
}
