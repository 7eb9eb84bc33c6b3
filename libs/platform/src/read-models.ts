// `@keyward/platform/read-models`: the read models' Nest module (loads TypeORM and `pg`), for the
// services that query or build them; the main entry point stays free of TypeORM.
export * from './read-model.module';
