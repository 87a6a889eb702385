import { downloadReviewPack } from '@/server/http/export-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ compactId: string; cycleId: string }> }) {
  const { compactId, cycleId } = await params;
  return downloadReviewPack(request, compactId, cycleId);
}
