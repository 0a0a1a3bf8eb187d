/**
 * @module
 * What the import routes share: the content types they take and the body as a stream.
 */
import * as z from "zod/mini";
import { ApiError, badRequest } from "../../http/problem.ts";

/** The body as a stream, after checking that its media type is one of `accepted`. */
export function importBody(request: Request, accepted: readonly string[]): ReadableStream<Uint8Array> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!accepted.includes(type)) {
    throw new ApiError(415, "unsupported-media-type", "Unsupported media type", `send the file with Content-Type ${accepted.join(" or ")}, not '${type || "none"}'`);
  }
  if (!request.body) throw badRequest("the body is empty: send the file", { field: "body" });
  return request.body;
}

export const skippedSchema = z.array(z.object({ line: z.int(), reason: z.string() }));
