/** Side of the square avatar, in pixels; small enough to keep as a data URL on the user. */
export const AVATAR_SIZE = 96;

/** The picked image, centre-cropped to a square and scaled down, as a JPEG data URL. */
export async function avatarDataUrl(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = AVATAR_SIZE;
  canvas.height = AVATAR_SIZE;
  canvas
    .getContext("2d")!
    .drawImage(
      bitmap,
      (bitmap.width - side) / 2,
      (bitmap.height - side) / 2,
      side,
      side,
      0,
      0,
      AVATAR_SIZE,
      AVATAR_SIZE,
    );
  bitmap.close();
  return canvas.toDataURL("image/jpeg", 0.85);
}
