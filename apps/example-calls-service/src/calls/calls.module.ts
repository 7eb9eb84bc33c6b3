import { Module } from '@nestjs/common';
import { CallsController } from './calls.controller';
import { CallsStore } from './calls.store';

@Module({ controllers: [CallsController], providers: [CallsStore] })
export class CallsModule {}
