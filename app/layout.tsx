import type { Metadata } from 'next';
import { getLocale, getMessages, getNow, getTimeZone, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DIRECTION, appLocaleOf, DEFAULT_LOCALE } from '@/i18n/locales';
import { SkipLink } from './_components/a11y/SkipLink';
import { IntlProvider } from './_components/IntlProvider';
import { TrpcProviders } from './_lib/trpc';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t('app.name'), description: t('app.tagline') };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [tag, messages, timeZone, now] = await Promise.all([getLocale(), getMessages(), getTimeZone(), getNow()]);
  const locale = appLocaleOf(tag) ?? DEFAULT_LOCALE;
  return (
    <html lang={locale} dir={DIRECTION[locale]}>
      <body>
        <IntlProvider locale={tag} messages={messages} timeZone={timeZone} now={now}>
          <SkipLink />
          <TrpcProviders>{children}</TrpcProviders>
        </IntlProvider>
      </body>
    </html>
  );
}
