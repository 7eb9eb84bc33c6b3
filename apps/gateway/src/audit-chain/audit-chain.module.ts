import { Module } from '@nestjs/common';
import { CheckChainHttpController } from './check-chain/check-chain.http.controller';

/** The check of the history's hash chain; the chain itself is the projector's (EventChainFollower). */
@Module({ controllers: [CheckChainHttpController] })
export class AuditChainModule {}
