import { HoldersByGroup } from './holders-by-group';

/** The reverse index behind "recompute only the keys concerned". */
describe('HoldersByGroup', () => {
  it('answers the holders of a group, and nothing for another group', () => {
    const holders = new HoldersByGroup<string>();
    holders.add('ws_a/role_x', 'k1');
    holders.add('ws_a/role_x', 'k2');
    holders.add('ws_b/role_x', 'k3');
    expect([...holders.of('ws_a/role_x')]).toEqual(['k1', 'k2']);
    expect([...holders.of('ws_c/role_x')]).toEqual([]);
  });

  it('forgets a holder once removed, and a group once empty', () => {
    const holders = new HoldersByGroup<string>();
    holders.add('g', 'k1');
    holders.remove('g', 'k1');
    holders.remove('g', 'k1'); // twice is harmless
    holders.remove('unknown', 'k1');
    expect([...holders.of('g')]).toEqual([]);
  });
});
