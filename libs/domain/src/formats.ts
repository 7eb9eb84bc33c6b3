// `@keyward/domain/formats`: the formats of a key and of a permission (product.md sections 2 and 3),
// without the rest of the domain; the client kit checks both before it asks the verifier.
export * from './keys/secret/key-secret';
export * from './permissions/permission';
