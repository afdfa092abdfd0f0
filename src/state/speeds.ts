// Play speeds on a log scale (RaftScope's lesson: a linear slider over 0.5–∞ feels dead at one end). Pure data.

export const SPEEDS: readonly { perSecond: number; label: string }[] = [
  { perSecond: 0.5, label: '1 epoch / 2 s' },
  { perSecond: 1, label: '1 epoch / s' },
  { perSecond: 2, label: '2 epochs / s' },
  { perSecond: 5, label: '5 epochs / s' },
  { perSecond: 10, label: '10 epochs / s' },
  { perSecond: 30, label: '30 epochs / s' },
  { perSecond: Infinity, label: 'as fast as possible' },
];
