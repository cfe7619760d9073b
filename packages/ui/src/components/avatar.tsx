import { cva, type VariantProps } from "class-variance-authority";
import type * as React from "react";

import { avatarColor, initialsOf } from "../lib/avatar-color";
import { cn } from "../lib/utils";

const avatarVariants = cva(
  "inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-medium text-white",
  {
    variants: {
      size: {
        sm: "size-6 text-[0.625rem]",
        md: "size-8 text-xs",
        lg: "size-10 text-sm",
      },
    },
    defaultVariants: { size: "md" },
  },
);

/**
 * A person's generated avatar: initials on a color picked from a stable hash of `colorKey` (their
 * id, so a renamed person keeps the color), or their picture when there is one. Decorative: the
 * name is always written beside it.
 */
function Avatar({
  name,
  colorKey,
  imageUrl,
  size,
  className,
  ...props
}: Omit<React.ComponentProps<"span">, "children"> &
  VariantProps<typeof avatarVariants> & {
    name: string;
    colorKey?: string;
    imageUrl?: string | null;
  }) {
  return (
    <span
      data-slot="avatar"
      aria-hidden="true"
      className={cn(avatarVariants({ size }), className)}
      style={imageUrl ? undefined : { backgroundColor: avatarColor(colorKey ?? name) }}
      {...props}
    >
      {imageUrl ? (
        <img src={imageUrl} alt="" className="size-full object-cover" />
      ) : (
        initialsOf(name)
      )}
    </span>
  );
}

export { Avatar, avatarVariants };
