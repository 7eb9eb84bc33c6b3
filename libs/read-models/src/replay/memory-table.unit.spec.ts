import { MemoryTable } from './memory-table';

interface Row {
  id: string;
  workspaceId: string;
  name: string;
  tags: string[];
}

const row = (id: string, over: Partial<Row> = {}): Row => ({ id, workspaceId: 'w1', name: id, tags: [], ...over });
const rowsOf = (table: MemoryTable<Row>): Row[] => [...table.rows()];

describe('MemoryTable', () => {
  it('inserts a row once: a second insert of its id changes nothing, as ON CONFLICT DO NOTHING', () => {
    const table = new MemoryTable<Row>();
    table.apply([{ kind: 'insert', row: row('a') }, { kind: 'update', where: { id: 'a' }, set: { name: 'renamed' } }, { kind: 'insert', row: row('a') }]);
    expect(rowsOf(table)).toEqual([row('a', { name: 'renamed' })]);
  });

  it('updates and deletes only a row that matches every column of the condition', () => {
    const table = new MemoryTable<Row>();
    table.apply([{ kind: 'insert', row: row('a') }, { kind: 'insert', row: row('b') }]);
    table.apply([
      { kind: 'update', where: { id: 'a', workspaceId: 'w2' }, set: { name: 'other workspace' } },
      { kind: 'delete', where: { id: 'b', workspaceId: 'w2' } },
      { kind: 'update', where: { id: 'missing' }, set: { name: 'nobody' } },
    ]);
    expect(rowsOf(table)).toEqual([row('a'), row('b')]);
    table.apply([{ kind: 'delete', where: { id: 'b', workspaceId: 'w1' } }]);
    expect(rowsOf(table)).toEqual([row('a')]);
    expect(table.size).toBe(1);
  });

  it('gives a change that depends on the row the row as the changes before it left it', () => {
    const table = new MemoryTable<Row>();
    const tag = (t: string) => ({ kind: 'update' as const, where: { id: 'a' }, set: (r: Row) => ({ tags: [...r.tags, t] }) });
    table.apply([{ kind: 'insert', row: row('a') }, tag('x'), tag('y')]);
    expect(rowsOf(table)).toEqual([row('a', { tags: ['x', 'y'] })]);
  });
});
