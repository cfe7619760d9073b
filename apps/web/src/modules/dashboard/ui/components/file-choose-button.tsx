"use client";

import { buttonVariants } from "@echo/ui/components/button";
import { useId } from "react";

/**
 * A file input drawn as a translated button, in place of the browser's own control (whose
 * "Choose File / No file chosen" follows the browser's language, not the dashboard's).
 */
export function FileChooseButton({
  label,
  buttonText,
  accept,
  onChoose,
}: {
  /** The input's accessible name when it is not the button's text, e.g. "Avatar". */
  label?: string;
  buttonText: string;
  accept: string;
  onChoose: (file: File | undefined) => void;
}) {
  const id = useId();
  return (
    <>
      <input
        id={id}
        type="file"
        aria-label={label}
        className="peer sr-only"
        accept={accept}
        onChange={(event) => {
          onChoose(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      <label
        htmlFor={id}
        className={buttonVariants({
          variant: "outline",
          className:
            "w-fit cursor-pointer peer-focus-visible:ring-[3px] peer-focus-visible:ring-ring/50",
        })}
      >
        {buttonText}
      </label>
    </>
  );
}
