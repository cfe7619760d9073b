import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, test, vi } from "vitest";

import { FileChooseButton } from "./file-choose-button";

afterEach(cleanup);

test("is a translated button for a file input named by its label, and hands over the picked file", () => {
  const onChoose = vi.fn();
  render(
    <FileChooseButton
      label="Avatar"
      buttonText="Escolher uma imagem"
      accept="image/png"
      onChoose={onChoose}
    />,
  );
  expect(screen.getByText("Escolher uma imagem").tagName).toBe("LABEL");
  const input = screen.getByLabelText("Avatar") as HTMLInputElement;
  expect(input.type).toBe("file");
  expect(input.accept).toBe("image/png");
  const file = new File(["png"], "me.png", { type: "image/png" });
  fireEvent.change(input, { target: { files: [file] } });
  expect(onChoose).toHaveBeenCalledWith(file);
});

test("without a label, the input is named by the button's text", () => {
  render(<FileChooseButton buttonText="Choose a logo" accept="image/png" onChoose={() => {}} />);
  expect((screen.getByLabelText("Choose a logo") as HTMLInputElement).type).toBe("file");
});
