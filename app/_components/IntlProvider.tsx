'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import type { ReactNode } from 'react';
import { getMessageFallback, onIntlError } from '@/i18n/catalogues';
import { formats } from '@/i18n/formats';

/**
 * The translations in client components. Error handlers are functions, which cannot cross from a
 * server component, so they are set here: a missing message reads as the English one.
 */
export function IntlProvider(props: {
  locale: string;
  messages: AbstractIntlMessages;
  timeZone: string;
  now: Date;
  children: ReactNode;
}) {
  return (
    <NextIntlClientProvider
      locale={props.locale}
      messages={props.messages}
      timeZone={props.timeZone}
      now={props.now}
      formats={formats}
      onError={onIntlError}
      getMessageFallback={getMessageFallback}
    >
      {props.children}
    </NextIntlClientProvider>
  );
}
