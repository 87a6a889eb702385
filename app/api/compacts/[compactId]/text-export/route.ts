import { downloadTextExport } from '@/server/http/export-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ compactId: string }> }) {
  const { compactId } = await params;
  return downloadTextExport(request, compactId);
}
