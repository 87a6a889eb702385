import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compactTextSchema } from '@/shared/editor/compact-schema';
import { TEXT_LANGUAGES, textDirection } from '@/shared/text-languages';

const DIRECTION_ATTRIBUTES = /^(dir|direction|textDirection|lang|language)$/i;

test('no node or mark of the compact text’s schema has a direction or language attribute', () => {
  const schema = compactTextSchema();
  const found = [
    ...Object.values(schema.nodes).flatMap((type) =>
      Object.keys(type.spec.attrs ?? {}).map((a) => `${type.name}.${a}`),
    ),
    ...Object.values(schema.marks).flatMap((type) =>
      Object.keys(type.spec.attrs ?? {}).map((a) => `${type.name}.${a}`),
    ),
  ].filter((name) => DIRECTION_ATTRIBUTES.test(name.split('.')[1]!));
  assert.deepEqual(found, []);
});

test('a paragraph given a dir attribute keeps none once it passes through the schema', () => {
  const schema = compactTextSchema();
  const paragraph = schema.nodeFromJSON({
    type: 'paragraph',
    attrs: { dir: 'rtl' },
    content: [{ type: 'text', text: 'نص' }],
  });
  assert.equal('dir' in paragraph.attrs, false);
  assert.equal(JSON.stringify(paragraph.toJSON()).includes('rtl'), false);
});

test('Arabic is the only one of the six UN languages written right to left', () => {
  assert.deepEqual(
    TEXT_LANGUAGES.filter((language) => textDirection(language) === 'rtl'),
    ['ar'],
  );
});
