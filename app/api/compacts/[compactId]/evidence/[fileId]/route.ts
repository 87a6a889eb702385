import { downloadEvidence } from '@/server/http/evidence-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ compactId: string; fileId: string }> }) {
  const { compactId, fileId } = await params;
  return downloadEvidence(request, compactId, fileId);
}
