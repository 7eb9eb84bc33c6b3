import type { NatsConnection } from 'nats';
import type { Position } from '@keyward/event-store';
import { AppendedPublisher } from './appended.publisher';

const at = (commit: number): Position => ({ commit: BigInt(commit), prepare: BigInt(commit) });

describe('AppendedPublisher', () => {
  const sent: string[] = [];
  const nats = { publish: (subject: string, data: Uint8Array) => void sent.push(`${subject} ${new TextDecoder().decode(data)}`) } as unknown as NatsConnection;
  beforeEach(() => sent.splice(0));

  it('announces an append only at flush, once, with the highest position noted meanwhile', () => {
    const publisher = new AppendedPublisher(nats);
    publisher.publish(at(5));
    publisher.publish(at(7));
    publisher.publish(at(6));
    expect(sent).toEqual([]);
    publisher.flush();
    expect(sent).toEqual(['keyward.v1.events.appended {"position":"7.7"}']);
    publisher.flush();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when nothing was appended', () => {
    new AppendedPublisher(nats).flush();
    expect(sent).toEqual([]);
  });
});
