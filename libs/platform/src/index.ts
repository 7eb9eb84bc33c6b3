export * from './tokens';
export * from './platform.module';
export * from './create-event-store';
export * from './nats-microservice.options';
export * from './run-main';
export * from './events-appended.controller';
export * from './bus-client.provider';
