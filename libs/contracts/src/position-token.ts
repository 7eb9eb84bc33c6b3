/**
 * A position in the global event order, as it crosses process boundaries: `"<commit>.<prepare>"`,
 * two unsigned integers in decimal. The event store compares them as a pair, never as text.
 */
export type PositionToken = string;
