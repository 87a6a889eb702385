import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DIRECTION, LOCALE, t } from './_lib/messages';
import { TrpcProviders } from './_lib/trpc';
import './globals.css';

export const metadata: Metadata = { title: t('app.name'), description: t('app.tagline') };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={LOCALE} dir={DIRECTION}>
      <body>
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
