import { handleAuthRequest } from '@/server/auth/auth-route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export { handleAuthRequest as GET, handleAuthRequest as POST };
