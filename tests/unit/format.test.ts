import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatterFor, translatorFor } from '@/i18n/catalogues';
import { calendarDay, dayOf, indicatorValue, moment, percentOfShare, utcDay } from '@/i18n/format';

const en = formatterFor('en');
const fr = formatterFor('fr');
const ar = formatterFor('ar');
/** Intl's French thousands separator (narrow no-break space) and its space before % (no-break space). */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

test('a calendar day reads as a person writes it, in each language, with Latin digits in Arabic', () => {
  assert.equal(calendarDay(en, '2026-10-12'), '12 October 2026');
  assert.equal(calendarDay(fr, '2026-10-12'), '12 octobre 2026');
  const arabic = calendarDay(ar, '2026-10-12');
  assert.match(arabic, /^12 .+ 2026$/);
  assert.match(arabic, /أكتوبر/);
  assert.doesNotMatch(arabic, /[\u0660-\u0669]/);
});

test('a calendar day is the same day in every time zone, and text that is no day is left as it is', () => {
  assert.equal(calendarDay(formatterFor('en', 'Pacific/Honolulu'), '2026-10-12'), '12 October 2026');
  assert.equal(calendarDay(formatterFor('en', 'Pacific/Kiritimati'), '2026-10-12'), '12 October 2026');
  assert.equal(calendarDay(en, '2026-10-12T23:30:00.000Z'), '12 October 2026');
  assert.equal(calendarDay(en, 'soon'), 'soon');
  assert.equal(utcDay('2026-13-45'), null);
  assert.equal(utcDay('2026-02-30'), null);
});

test('a moment reads with its day and time in the reader’s time zone, never as a numeric date', () => {
  assert.equal(moment(en, '2026-10-12T14:05:00Z'), '12 October 2026 at 14:05');
  assert.equal(moment(fr, new Date('2026-10-12T14:05:00Z')), '12 octobre 2026 à 14:05');
  assert.equal(moment(formatterFor('fr', 'Europe/Paris'), '2026-10-12T14:05:00Z'), '12 octobre 2026 à 16:05');
  assert.doesNotMatch(moment(ar, '2026-10-12T14:05:00Z'), /[\u0660-\u0669]/);
  assert.equal(dayOf(en, '2026-10-12T14:05:00Z'), '12 Oct 2026');
  assert.equal(dayOf(formatterFor('en', 'Pacific/Kiritimati'), '2026-10-12T14:05:00Z'), '13 Oct 2026');
});

test('a percent unit reads as a percent in each language’s typography', () => {
  assert.equal(indicatorValue(en, 42, '%'), '42%');
  assert.equal(indicatorValue(fr, 42, '%'), `42${NBSP}%`);
  assert.equal(indicatorValue(en, 42.5, '%'), '42.5%');
  assert.match(indicatorValue(ar, 42, '%'), /^42\u200e?%\u200e?$/);
  assert.equal(percentOfShare(en, 0.42), '42%');
  assert.equal(percentOfShare(fr, 0.42), `42${NBSP}%`);
});

test('other values get the language’s separators and keep their unit after the number', () => {
  assert.equal(indicatorValue(en, 12345.6, 'km'), '12,345.6 km');
  assert.equal(indicatorValue(fr, 12345.6, 'km'), `12${NNBSP}345,6 km`);
  assert.equal(indicatorValue(ar, 12345.6, 'km'), '12,345.6 km');
  assert.equal(indicatorValue(en, 3.14159, null), '3.14');
});

test('a translator and a formatter are made once per locale and time zone, and kept', () => {
  assert.equal(translatorFor('fr'), translatorFor('fr'));
  assert.equal(translatorFor('fr', 'UTC'), translatorFor('fr'));
  assert.notEqual(translatorFor('fr'), translatorFor('ar'));
  assert.notEqual(translatorFor('fr', 'Europe/Paris'), translatorFor('fr'));
  assert.equal(formatterFor('ar', 'Asia/Riyadh'), formatterFor('ar', 'Asia/Riyadh'));
  assert.notEqual(formatterFor('ar', 'Asia/Riyadh'), formatterFor('ar'));
  assert.equal(moment(formatterFor('fr', 'Europe/Paris'), '2026-10-12T14:05:00Z'), '12 octobre 2026 à 16:05');
});
