/** An integer from `min` to `max`, inclusive: the one check behind every count a caller sets. */
export const wholeIn = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
