// A module resolve hook registered by server-runtime.mjs: `server-only` resolves under the
// `react-server` condition (its no-op entry), exactly as in Next.js's server bundles.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== 'server-only') return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
}
