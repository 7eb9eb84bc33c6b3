import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { components } from '../api/schema.generated';
import { deniedOf, totalsOf } from './usage-totals';

type UsageBucket = components['schemas']['UsageBucket'];

/** Valid and denied verifications per day, drawn by uPlot on a canvas; the totals are its accessible name. */
export const UsageChart = ({ buckets }: { buckets: readonly UsageBucket[] }) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const data: uPlot.AlignedData = [buckets.map((b) => Date.parse(b.start) / 1000), buckets.map((b) => b.valid), buckets.map(deniedOf)];
    const chart = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: 200,
        scales: { x: { time: true } },
        series: [{}, { label: 'Valid', stroke: '#1a7f37', width: 2 }, { label: 'Denied', stroke: '#cf222e', width: 2 }],
        axes: [{}, { label: 'Verifications' }],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, element.clientWidth), height: 200 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [buckets]);
  const { valid, denied } = totalsOf(buckets);
  return <div ref={ref} role="img" className="chart" aria-label={`Usage per day over ${buckets.length} days: ${valid} valid, ${denied} denied`} />;
};
