import { Module } from '@nestjs/common';
import { GetWorkspaceUsageHttpController } from './get-workspace-usage/get-workspace-usage.http.controller';

/** The workspace's usage report; a key's own is a key route (KeysModule). */
@Module({ controllers: [GetWorkspaceUsageHttpController] })
export class UsageModule {}
