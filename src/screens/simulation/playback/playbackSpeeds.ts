/** How fast playback moves: virtual ms per wall-clock ms, or as fast as the engine goes. */
export type PlaybackSpeed = 1 | 60 | 3600 | 86400 | 'max';

export interface PlaybackSpeedOption {
  readonly value: PlaybackSpeed;
  /** What the speed control shows. */
  readonly label: string;
  /** What it means, for its tooltip. */
  readonly description: string;
}

/** The speeds of the simulator's time warp, slowest first: the order of the speed control. */
export const PLAYBACK_SPEEDS: readonly PlaybackSpeedOption[] = [
  { value: 1, label: '1×', description: 'Real time' },
  { value: 60, label: '60×', description: 'One minute per second' },
  { value: 3600, label: '3,600×', description: 'One hour per second' },
  { value: 86400, label: '86,400×', description: 'One day per second' },
  { value: 'max', label: 'As fast as possible', description: 'Play every event as fast as the simulator goes' },
];
