'use client';

import { NextIntlClientProvider, type AbstractIntlMessages } from 'next-intl';
import type { ReactNode } from 'react';
import { formats } from '@/i18n/formats';
import { getMessageFallback, onIntlError } from '@/i18n/intl-errors';

/**
 * The translations in client components: the reader's catalogue comes from the server (with English
 * beneath, see i18n/catalogues.ts), never bundled here. Error handlers are functions, which cannot
 * cross from a server component, so they are set here.
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
