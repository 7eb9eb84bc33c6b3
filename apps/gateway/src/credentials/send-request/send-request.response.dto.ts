import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { OutboundResponse } from '@keyward/outbound';

@ApiSchema({ name: 'BrokeredResponse', description: "the third party's answer as is (redirects not followed), with every form of the credential's value redacted" })
export class SendRequestResponseDto implements OutboundResponse {
  @ApiProperty({ example: 200, description: "the third party's status" })
  readonly status!: number;

  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, example: { 'content-type': 'application/json' }, description: 'lowercase names; hop-by-hop headers and content-length left out' })
  readonly headers!: Record<string, string | string[]>;

  @ApiProperty({ example: '{"id":"ch_1"}', description: 'decoded as UTF-8' })
  readonly body!: string;
}
