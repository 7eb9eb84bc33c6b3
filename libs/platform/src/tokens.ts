/** Injection tokens for what every Keyward service shares. */
export const KEYWARD_CONFIG = Symbol('KEYWARD_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const PEPPER = Symbol('PEPPER');
