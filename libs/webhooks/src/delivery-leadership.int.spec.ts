import type { DataSource } from 'typeorm';
import { createReadModelDataSource } from '@keyward/read-models';
import { createTestDatabase, type TestDatabase } from '@keyward/testing';
import { DeliveryLeadership } from './delivery-leadership';

jest.setTimeout(30_000);

describe('DeliveryLeadership (PostgreSQL)', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];
  const replica = async (): Promise<DataSource> => {
    const dataSource = await createReadModelDataSource(database.url).initialize();
    sources.push(dataSource);
    return dataSource;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const s of sources) if (s.isInitialized) await s.destroy();
    await database?.drop();
  });

  it('lets one replica deliver at a time, and hands over when it lets go or its connection ends', async () => {
    const [a, b] = [new DeliveryLeadership(await replica(), 0), new DeliveryLeadership(await replica(), 0)];
    expect(await a.held()).toBe(true);
    expect(await b.held()).toBe(false);
    expect(await a.held()).toBe(true);
    await a.release();
    expect(await b.held()).toBe(true);
    expect(await a.held()).toBe(false);
    // A replica gone without a word (its pool closed, as when the process dies): the lock goes with its session.
    await sources[1].destroy();
    expect(await b.held()).toBe(false);
    // The server ends the closed session's backend (and frees its lock) a moment after the client goes: bounded wait.
    const deadline = Date.now() + 10_000;
    let taken = await a.held();
    while (!taken && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      taken = await a.held();
    }
    expect(taken).toBe(true);
    await a.release();
  });
});
