import { uploadEvidence } from '@/server/http/evidence-routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ compactId: string }> }) {
  return uploadEvidence(request, (await params).compactId);
}
