import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicatorDefinition } from '@/server/trpc/schemas/framework';
import {
  INDICATOR_CODE_MAX_LENGTH,
  INDICATOR_CODE_PATTERN_SOURCE,
  indicatorCodeProblem,
  indicatorDefinitionProblems,
} from '@/shared/framework/indicator-rules';

const CODES: [string, boolean][] = [
  ['POC-1', true],
  ['a.b_c-D9', true],
  ['X'.repeat(INDICATOR_CODE_MAX_LENGTH), true],
  ['X'.repeat(INDICATOR_CODE_MAX_LENGTH + 1), false],
  ['', false],
  ['POL 1', false],
  ['é-1', false],
  ['a/b', false],
  ['a|b', false],
  ['[a]', false],
];

test('the indicator code rule is one rule: the form’s pattern attribute (v flag, as browsers apply it), the API schema and the writers’ check accept the same codes', () => {
  // A browser matches `pattern` as ^(?:pattern)$ with the v flag.
  const formPattern = new RegExp(`^(?:${INDICATOR_CODE_PATTERN_SOURCE})$`, 'v');
  const apiCode = indicatorDefinition.shape.code;
  for (const [code, valid] of CODES) {
    assert.equal(formPattern.test(code), valid, `form: ${code}`);
    assert.equal(apiCode.safeParse(code).success, valid, `API: ${code}`);
    assert.equal(indicatorCodeProblem(code) === null, valid, `writer: ${code}`);
  }
});

test('a definition’s own problems are reported by field: code, title, a qualitative baseline, disaggregation', () => {
  const fine = { code: 'A-1', title: 'A title', measure: 'number', baselineValue: 3, disaggregation: ['sex'] };
  assert.deepEqual(indicatorDefinitionProblems(fine), []);
  assert.deepEqual(
    indicatorDefinitionProblems({
      code: 'A 1',
      title: ' ',
      measure: 'qualitative',
      baselineValue: 3,
      disaggregation: ['__proto__'],
    }).map((p) => p.field),
    ['code', 'title', 'baselineValue', 'disaggregation'],
  );
  assert.deepEqual(indicatorDefinitionProblems({ ...fine, measure: 'qualitative', baselineValue: null }), []);
  assert.deepEqual(
    indicatorDefinitionProblems({ ...fine, disaggregation: ['a', 'b', 'c', 'd', 'e', 'f'] }).map((p) => p.field),
    ['disaggregation'],
  );
});
