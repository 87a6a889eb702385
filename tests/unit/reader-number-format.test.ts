// Values in review and target tables are numbers a reader reads in their own typography
// ("12 345,6" in French), with a percent unit as a percent, never as the runtime's raw String().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { inLocale } from '../helpers/i18n';
import { TrpcProviders } from '@/app/_lib/trpc';
import { SinceCutOff } from '@/app/compacts/[compactId]/reviews/_components/SinceCutOff';
import { TargetTableForm } from '@/app/compacts/[compactId]/indicators/[indicatorId]/_components/TargetTableForm';

type Since = Parameters<typeof SinceCutOff>[0]['since'];

const row = (over: Partial<Since['values'][number]>): Since['values'][number] => ({
  updateId: 'u1',
  indicatorId: 'i1',
  code: 'I.1',
  title: 'Roads built',
  unit: 'km',
  periodId: 'p1',
  periodLabel: '2026-Q1',
  value: 12345.6,
  rating: null,
  correction: false,
  decidedAt: new Date('2026-04-02T10:00:00Z'),
  decidedBy: 'Ana Silva',
  atCutOff: { actual: 1234.5, rating: null },
  ...over,
});

test('values validated since the cut-off read in the reader’s number format, a percent unit as a percent', () => {
  const since: Since = { total: 2, values: [row({}), row({ updateId: 'u2', unit: '%', value: 42, atCutOff: null })] };
  const html = renderToStaticMarkup(inLocale(createElement(SinceCutOff, { since }), 'fr'));
  assert.match(html, /<td>1\s234,5\s?km<\/td>/u);
  assert.match(html, /12\s345,6\skm/u);
  assert.match(html, /42\s%/u);
  assert.doesNotMatch(html, /12345\.6|1234\.5/);
});

test('a rating validated since the cut-off reads by its name in the reader’s language, not as its code', () => {
  const since: Since = {
    total: 1,
    values: [row({ value: null, rating: 'on-track', atCutOff: { actual: null, rating: 'at-risk' } })],
  };
  const html = renderToStaticMarkup(inLocale(createElement(SinceCutOff, { since }), 'fr'));
  assert.match(html, /En bonne voie/);
  assert.match(html, /À risque/);
  assert.doesNotMatch(html, /on-track|at-risk/);
});

test('the target in force in the target table reads in the reader’s number format', () => {
  const html = renderToStaticMarkup(
    inLocale(
      createElement(
        TrpcProviders,
        null,
        createElement(TargetTableForm, {
          compactId: 'c1',
          indicatorId: 'i1',
          measure: 'number',
          lines: [
            {
              key: 'p1',
              label: '2026-Q1',
              scope: { periodId: 'p1' },
              inForce: { value: 12345.67, interpolated: false },
              own: null,
            },
          ],
        }),
      ),
      'fr',
    ),
  );
  assert.match(html, /<td>12\s345,7/u);
  assert.doesNotMatch(html, /12345\.7/);
});
