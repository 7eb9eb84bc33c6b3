/** Injection tokens for what Keyward services share; one instance of each per process. */
export const KEYWARD_CONFIG = Symbol('KEYWARD_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const PEPPER = Symbol('PEPPER');
export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');
/** Live credit balances (`CreditBalances` of @keyward/read-models), provided where the verifiers' shared count is read: the gateway. */
export const CREDIT_BALANCES = Symbol('CREDIT_BALANCES');
