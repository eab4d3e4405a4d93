import { z } from 'zod';
import { CaptureFormSchema, CaptureMetadataSchema } from './capture/metadata';
import { ExhibitError, type ExhibitErrorCode } from './errors';

/**
 * The one contract for runtime messages between extension pages and the background.
 * Each request type maps to a response schema; both ends parse with zod.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('capture.visibleTab'), tabId: z.number().int().nonnegative(), form: CaptureFormSchema }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

export const ResponseSchemas = {
  'capture.visibleTab': z.object({ metadata: CaptureMetadataSchema, auditHash: z.string() }),
} satisfies Record<RequestType, z.ZodType>;
export type ResponseOf<T extends RequestType> = z.infer<(typeof ResponseSchemas)[T]>;

const ErrorReplySchema = z.object({ ok: z.literal(false), code: z.string(), message: z.string() });
type Reply = { ok: true; value: unknown } | z.infer<typeof ErrorReplySchema>;

export type Handlers = { [T in RequestType]: (request: Extract<Request, { type: T }>) => Promise<ResponseOf<T>> };

/** The background's single listener: parse, dispatch by type, and turn errors into plain replies. */
export function createMessageRouter(handlers: Handlers) {
  return async (message: unknown): Promise<Reply> => {
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) return { ok: false, code: 'invalid-input', message: 'Exhibit received a request it does not understand.' };
    try {
      const handler = handlers[parsed.data.type] as (request: Request) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ExhibitError) return { ok: false, code: error.code, message: error.message };
      console.error('Exhibit background error', error);
      return { ok: false, code: 'capture-failed', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

/** The caller's side: send through the given transport and validate what comes back. */
export async function sendRequest<T extends RequestType>(
  send: (message: unknown) => Promise<unknown>,
  request: Extract<Request, { type: T }>,
): Promise<ResponseOf<T>> {
  const valid = RequestSchema.safeParse(request);
  if (!valid.success) throw new ExhibitError('invalid-input', `Exhibit could not send this request (${z.prettifyError(valid.error)}).`);
  const reply = (await send(valid.data)) as Reply | undefined;
  if (!reply) throw new ExhibitError('capture-failed', 'Exhibit’s background did not answer. Reload the extension and try again.');
  if (!reply.ok) {
    const error = ErrorReplySchema.parse(reply);
    throw new ExhibitError(error.code as ExhibitErrorCode, error.message);
  }
  return ResponseSchemas[request.type].parse(reply.value) as ResponseOf<T>;
}
