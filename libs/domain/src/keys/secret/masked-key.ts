/** How a key is shown after creation: `kw_live_a1b2…wxyz`. */
export const maskKey = (prefix: string, lastFour: string): string => `${prefix}…${lastFour}`;
