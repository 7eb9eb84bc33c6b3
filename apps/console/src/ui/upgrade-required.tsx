/** What a workspace whose plan lacks API access sees instead of its keys (product.md 7: the free plan). */
export const UpgradeRequired = ({ plan }: { plan?: string }) => (
  <section className="notice" aria-labelledby="upgrade-title">
    <h2 id="upgrade-title">Upgrade required</h2>
    <p>The {plan ?? 'current'} plan of this workspace does not include API keys. Upgrade it to a paid plan to create and use keys.</p>
  </section>
);
