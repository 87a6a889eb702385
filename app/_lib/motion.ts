/** 'auto' (a jump) for people who ask their system for reduced motion, 'smooth' for everyone else. */
export function scrollBehavior(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}
