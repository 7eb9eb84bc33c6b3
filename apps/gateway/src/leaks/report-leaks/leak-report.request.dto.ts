import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { MAX_LEAK_SOURCE_LENGTH, MAX_LEAK_URL_LENGTH } from '@keyward/domain';
import type { LeakReportEntry } from '../leak-report.parse';

/** For the OpenAPI document: the body is checked by `parseLeakReport`, after its signature. */
@ApiSchema({ name: 'LeakReportEntry' })
export class LeakReportEntryDto implements LeakReportEntry {
  @ApiProperty({ example: 'kw_live_…', description: 'the token found; never stored, never logged' })
  readonly token!: string;

  @ApiProperty({ example: 'keyward_api_key', description: "the scanner's name for the kind of token; echoed as token_type" })
  readonly type!: string;

  @ApiPropertyOptional({
    example: 'https://github.com/octo/repo/blob/0123abc/.env',
    description: `where it was found; kept on KeyLeakReported if it is text of at most ${MAX_LEAK_URL_LENGTH} characters, else dropped (the entry is still judged)`,
  })
  readonly url?: string;

  @ApiPropertyOptional({
    example: 'content',
    description: `what the scanner looked at; kept on KeyLeakReported if it is text of at most ${MAX_LEAK_SOURCE_LENGTH} characters, else dropped`,
  })
  readonly source?: string;
}
