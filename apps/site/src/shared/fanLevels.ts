/** The central bands the fan chart draws, in percent: nested, widest last. */
export const FAN_LEVELS = [50, 80, 95] as const;
