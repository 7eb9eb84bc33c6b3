// `@keyward/domain/formats`: the formats of a key, a permission and a permission query (product.md
// sections 2, 3 and 9.2a), without the rest of the domain; the client kit checks them before it asks the verifier.
export * from './keys/secret/key-secret';
export * from './permissions/permission';
export * from './permissions/permission-query';
