import { useEffect, useEffectEvent } from 'react';

export interface PlaybackShortcuts {
  /** Space. */
  readonly onTogglePlay: () => void;
  /** → : one event. */
  readonly onStep: () => void;
  /** Shift+→ : the next instant where something happens. */
  readonly onNextEvent: () => void;
}

/**
 * Elements whose own keys these would steal: text entry, and controls that Space activates or
 * arrows move (a focused button still clicks on Space, the scrubber keeps its arrows).
 */
const OWNS_KEYS = [
  'input',
  'textarea',
  'select',
  'button',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="button"]',
  '[role="textbox"]',
  '[role="combobox"]',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="radio"]',
  '[role="radiogroup"]',
  '[role="checkbox"]',
  '[role="switch"]',
  '[role="tab"]',
  '[role="menu"]',
  '[role="menuitem"]',
  '[role="listbox"]',
  '[role="option"]',
  '[role="grid"]',
  '[role="tree"]',
].join(', ');

function ownsKeys(target: EventTarget | null): boolean {
  return target instanceof Element && (target.closest(OWNS_KEYS) !== null || (target instanceof HTMLElement && target.isContentEditable));
}

/**
 * The simulator's playback keys on the whole window: Space plays or pauses, → steps one event,
 * Shift+→ goes to the next event — unless focus is somewhere those keys already mean something.
 *
 * @example usePlaybackShortcuts({ onTogglePlay: () => (playing ? pause() : play()), onStep: step, onNextEvent: nextEvent }, ready);
 */
export function usePlaybackShortcuts(shortcuts: PlaybackShortcuts, enabled = true): void {
  // The latest callbacks, without re-binding the listener on every render.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (ownsKeys(event.target)) return;
    if (event.key === ' ' && !event.shiftKey) {
      event.preventDefault(); // also keeps the page from scrolling
      if (!event.repeat) shortcuts.onTogglePlay();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      if (event.shiftKey) shortcuts.onNextEvent();
      else shortcuts.onStep();
    }
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
