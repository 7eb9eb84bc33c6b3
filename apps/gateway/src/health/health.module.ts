import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { HealthController } from './health.controller';

@Module({ imports: [ReadModelsModule], controllers: [HealthController] })
export class HealthModule {}
