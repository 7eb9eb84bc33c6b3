import { Module } from '@nestjs/common';
import { ListApiKeyUsersHttpController } from './list-api-key-users/list-api-key-users.http.controller';

/** Read only: the principals follow from the keys. */
@Module({ controllers: [ListApiKeyUsersHttpController] })
export class ApiKeyUsersModule {}
