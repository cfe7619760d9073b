import type { NextApiRequest, NextApiResponse } from "next";

/** Liveness: the widget's server answers. */
export default function health(_request: NextApiRequest, response: NextApiResponse) {
  response.setHeader("Cache-Control", "no-store");
  response.json({ status: "ok", service: "widget" });
}
