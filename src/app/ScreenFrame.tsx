/**
 * What a screen shows while its code loads: its empty frame, the same box the screen will fill
 * (a workspace fills the window below the app bar, a page flows), so nothing moves when it arrives.
 */
export function ScreenFrame({ layout }: { layout: 'page' | 'workspace' }) {
  return (
    <div className={`screen screen--${layout}`} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading…
      </p>
    </div>
  );
}
