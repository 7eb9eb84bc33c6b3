import { useId } from 'react';

interface UpgradeRequiredProps {
  plan?: string;
  /** What the plan lacks, as the sentence says it. */
  feature?: string;
  /** What an upgrade gives. */
  upgrade?: string;
}

/** What a workspace sees where its plan lacks a feature (product.md 7: the free plan has no API access, only enterprise shares credentials). */
export const UpgradeRequired = ({ plan, feature = 'API keys', upgrade = 'a paid plan to create and use keys' }: UpgradeRequiredProps) => {
  const titleId = useId();
  return (
    <section className="notice" aria-labelledby={titleId}>
      <h2 id={titleId}>Upgrade required</h2>
      <p>
        The {plan ?? 'current'} plan of this workspace does not include {feature}. Upgrade it to {upgrade}.
      </p>
    </section>
  );
};
