import type { SVGProps } from "react";

// The first paint's three icons as plain SVG: an icon library's runtime would cost more than the
// icons themselves. Same grid and stroke as the rest of the widget's (lucide) icons.
function StrokeIcon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={24}
      height={24}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function CloseIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <StrokeIcon {...props}>
      <path d="M6 6l12 12M18 6L6 18" />
    </StrokeIcon>
  );
}

export function BackIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <StrokeIcon {...props}>
      <path d="M20 12H4M11 5l-7 7 7 7" />
    </StrokeIcon>
  );
}

/** Three quarters of a circle; spin it with `animate-spin`. */
export function SpinnerIcon(props: SVGProps<SVGSVGElement>) {
  return (
    <StrokeIcon {...props}>
      <path d="M12 3a9 9 0 1 1-9 9" />
    </StrokeIcon>
  );
}
